// bench/decide: decision API latency on the demo data. Starts a server on a fresh data directory
// (the demo loads on first start), configures a realistic set of triggers (dwell and exit-intent
// pop-ins, a carousel, social proof, a free-shipping bar, one targeted at a segment), then POSTs
// /v1/decide at a fixed rate from a second process (latency-bench.ts) with a mix
// of pages (product pages dominate), known customers and anonymous visitors, after a warm-up.
// Every answer runs the trigger selection and the recommendations of one or two slots.
//   npm run bench -- decide [--seconds 20] [--rate 300] [--connections 10] [--warmup 15] [--data DIR]
import { demoIds, latencyBench, type Ready } from './latency-bench';

async function admin(
  ready: Ready,
  method: string,
  path: string,
  body: unknown,
): Promise<{ [key: string]: unknown }> {
  const res = await fetch(`${ready.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ready.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { [key: string]: unknown };
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The triggers a shop would run: one of each kind, and a pop-in for a segment. */
async function configureTriggers(ready: Ready): Promise<void> {
  const segment = await admin(ready, 'POST', '/v1/segments', { name: 'Repeat buyers', rule: 'orders >= 2' });
  await admin(ready, 'POST', '/v1/segments/refresh', {});
  const triggers = [
    {
      name: 'Stay a while',
      kind: 'dwell_popin',
      content: { title: 'Still deciding?', couponCode: 'STAY10' },
      settings: { dwellSeconds: 20 },
    },
    {
      name: 'Thank you, regulars',
      kind: 'exit_intent',
      priority: 2,
      targeting: { segments: [segment.segmentId] },
      content: { title: 'A gift for you', couponCode: 'THANKS15' },
    },
    {
      name: 'Leaving?',
      kind: 'exit_intent',
      targeting: { pageTypes: ['cart'] },
      content: { title: 'Your cart' },
    },
    {
      name: 'Also viewed',
      kind: 'carousel',
      targeting: { pageTypes: ['product'] },
      settings: { slot: 'product_page' },
    },
    { name: 'Popular', kind: 'social_proof', settings: { minCount: 2 } },
    { name: 'Free shipping', kind: 'free_shipping_bar', settings: { threshold: 50, currency: 'GBP' } },
  ];
  for (const t of triggers) await admin(ready, 'POST', '/v1/triggers', t);
}

/** A seeded mix of decide bodies: product pages dominate, as on a shop; half the visitors are customers. */
function decideRequests(count: number): { method: string; path: string; body: unknown }[] {
  const products = demoIds('products.csv.gz');
  const customers = demoIds('customers.csv.gz');
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const any = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const out: { method: string; path: string; body: unknown }[] = [];
  for (let i = 0; i < count; i++) {
    const visitor = rand() < 0.5 ? any(customers) : `bench-visitor-${Math.floor(rand() * 1000)}`;
    const r = rand();
    const cartValue = Math.round(rand() * 8000) / 100;
    const product = any(products);
    const body =
      r < 0.6
        ? {
            visitor,
            page: { url: `/p/${product}`, type: 'product', productId: product, cartValue, currency: 'GBP' },
          }
        : r < 0.8
          ? { visitor, page: { url: '/', type: 'home' }, slots: ['home'] }
          : r < 0.95
            ? { visitor, page: { url: '/cart', type: 'cart', cartValue, currency: 'GBP' }, slots: ['cart'] }
            : { visitor, page: { url: '/c/gifts', type: 'category' } };
    out.push({ method: 'POST', path: '/v1/decide', body });
  }
  return out;
}

export default async function decideBench(args: string[]): Promise<void> {
  await latencyBench({
    bench: 'decide',
    prefix: 'decide',
    args,
    defaultRate: 300,
    requests: decideRequests(20_000),
    prepare: configureTriggers,
  });
}
