// bench/serve: recommendation serving latency on the demo catalogue. Starts a server on a fresh
// data directory (the demo loads on first start), then drives GET /v1/recommendations at a fixed
// rate from a second process with a mix of slots, known customers, anonymous visitors and
// products, after a short warm-up that fills the visitor cache (latency-bench.ts).
//   npm run bench -- serve [--seconds 20] [--rate 500] [--connections 10] [--warmup 15] [--data DIR]
// Ten connections stand for a shop's web servers calling the API over a keep-alive pool.
import { demoIds, latencyBench } from './latency-bench';

/** A seeded mix of requests: product pages dominate, as on a shop; half the visitors are known customers. */
function requestPaths(count: number): string[] {
  const products = demoIds('products.csv.gz');
  const customers = demoIds('customers.csv.gz');
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const any = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const visitor = rand() < 0.5 ? any(customers) : `bench-visitor-${Math.floor(rand() * 1000)}`;
    const r = rand();
    const query: Record<string, string> =
      r < 0.3
        ? { slot: 'home', visitor }
        : r < 0.65
          ? { slot: 'product_page', visitor, product: any(products) }
          : r < 0.8
            ? { slot: 'cart', visitor, product: any(products) }
            : { slot: 'email', visitor: any(customers) };
    paths.push(`/v1/recommendations?${new URLSearchParams(query).toString()}`);
  }
  return paths;
}

export default async function serveBench(args: string[]): Promise<void> {
  await latencyBench({
    bench: 'serve',
    prefix: 'serve',
    args,
    defaultRate: 500,
    requests: requestPaths(20_000),
  });
}
