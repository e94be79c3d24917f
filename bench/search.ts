// bench/search: in-process latency of catalogue search and autosuggest on the demo catalogue
// (about 3,600 products). Builds the index the way the server does (the engine's catalogue ->
// indexed products -> CatalogueSearch), then times a seeded mix of queries taken from the titles
// (a third with a typo: two letters swapped or one dropped) and of prefixes being typed, each
// for an anonymous visitor and for one with a browsing history (affinity built per call, as the
// server does per request).
//   npm run bench -- search [--calls 5000] [--seed 1]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CatalogueSearch, type Interaction, VisitorAffinity } from '@centric/recommend';
import type { CatalogueProduct } from '@centric/storage';
import { seededRandom } from '../apps/server/src/demo/browsing-simulator';
import { ProductCatalogue } from '../apps/server/src/services/recommendations/product-catalogue';
import { indexedProducts } from '../apps/server/src/services/search/search-index-source';
import { argValue, printFigure } from './figures';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The demo's products CSV: id,title,category,price,currency,availability (titles may be quoted). */
function demoProducts(): CatalogueProduct[] {
  const text = gunzipSync(readFileSync(join(repo, 'demo/data/products.csv.gz'))).toString('utf8');
  const [, ...lines] = text.split('\n').filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const cells = [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
      .map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"'))
      .slice(0, 6);
    const [productId = '', title = '', category = '', price = '', currency = '', availability = ''] = cells;
    return {
      productId,
      title,
      description: null,
      categoryPath: category,
      brand: null,
      price: Number(price),
      salePrice: null,
      currency,
      availability,
      imageLink: null,
      link: null,
      attributes: null,
    };
  });
}

function quantiles(samples: number[]): { p50: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: samples.reduce((s, x) => s + x, 0) / samples.length };
}

export default async function run(args: string[]): Promise<void> {
  const calls = Number(argValue(args, '--calls') ?? 5000);
  const rand = seededRandom(Number(argValue(args, '--seed') ?? 1));
  const rows = demoProducts();
  const catalogue = ProductCatalogue.fromProducts(rows);
  const t0 = performance.now();
  const search = await CatalogueSearch.build(indexedProducts(catalogue, new Map()));
  const buildMs = performance.now() - t0;
  printFigure({
    bench: 'search',
    metric: 'index_build_ms',
    value: Math.round(buildMs),
    unit: 'ms',
    products: search.size,
  });

  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const words = rows.flatMap((r) =>
    r.title
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 4),
  );
  const typo = (w: string) => {
    const i = 1 + Math.floor(rand() * (w.length - 2));
    return rand() < 0.5 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1);
  };
  const queries = Array.from({ length: calls }, () => {
    const n = rand() < 0.6 ? 1 : 2;
    const q = Array.from({ length: n }, () => pick(words)).map((w) => (rand() < 1 / 3 ? typo(w) : w));
    return q.join(' ');
  });
  const prefixes = Array.from({ length: calls }, () => {
    const w = pick(words);
    const typed = w.slice(0, 2 + Math.floor(rand() * (w.length - 1)));
    return rand() < 1 / 3 && typed.length >= 4 ? typo(typed) : typed;
  });
  // A shopper who viewed 20 products of two categories over the last two weeks.
  const ids = rows.map((r) => r.productId);
  const now = Date.now();
  const history: Interaction[] = Array.from({ length: 20 }, (_, i) => ({
    itemId: pick(ids),
    kind: i % 7 === 0 ? 'cart' : 'view',
    time: now - Math.floor(rand() * 14 * 86_400_000),
  }));
  const affinity = () => VisitorAffinity.fromHistory(history, { now, lookup: (id) => catalogue.get(id) });

  // Warm-up: JIT and caches.
  for (const q of queries.slice(0, 200)) search.search(q);
  // Wall time per call, and the CPU time the call used (what it costs when the machine is shared
  // and the wall clock also counts other processes' turns).
  const time = (work: (i: number) => void) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < calls; i++) {
      const start = performance.now();
      const used = process.cpuUsage();
      work(i);
      const spent = process.cpuUsage(used);
      wall.push(performance.now() - start);
      cpu.push((spent.user + spent.system) / 1000);
    }
    return { wall: quantiles(wall), cpu: quantiles(cpu) };
  };
  const cases: [string, (i: number) => void][] = [
    ['search', (i) => search.search(queries[i]!, { limit: 20 })],
    ['search_personal', (i) => search.search(queries[i]!, { limit: 20, affinity: affinity() })],
    ['suggest', (i) => search.suggest(prefixes[i]!, { limit: 8 })],
    ['suggest_personal', (i) => search.suggest(prefixes[i]!, { limit: 8, affinity: affinity() })],
  ];
  for (const [name, work] of cases) {
    const { wall, cpu } = time(work);
    for (const [metric, value] of [
      ['p50_ms', wall.p50],
      ['p99_ms', wall.p99],
      ['mean_ms', wall.mean],
      ['cpu_p50_ms', cpu.p50],
      ['cpu_p99_ms', cpu.p99],
    ] as const)
      printFigure({
        bench: 'search',
        metric: `${name}_${metric}`,
        value: Math.round(value * 1000) / 1000,
        unit: 'ms',
        calls,
      });
  }
}
