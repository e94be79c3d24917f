// Test data for the demo shop's browser test: a small slice of the demo catalogue (four
// categories, with the heart-shaped things a search for "heart" finds) and a seeded history of
// other shoppers in Segment's vocabulary - browsing clusters of neighbouring products, logging
// in, ordering - so that Centric has co-views, trending products and recent buyers to work with.
// One product is the shop's best seller: many shoppers view it and three bought it in the last
// hours (social proof).
import { Catalogue } from '../catalogue';
import { formatCsv } from '../csv';

export const TEST_CATEGORIES = ['home-decor-candles-lights', 'kitchen-dining', 'bags-storage', 'toys-kids'];
/** White Hanging Heart T-Light Holder: the demo data's real best seller. */
export const BEST_SELLER = '85123A';
const PER_CATEGORY = 24;
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The test's catalogue, taken from the demo catalogue so the shop shows real products. */
export function testCatalogue(demo: Catalogue): Catalogue {
  const picked = new Map<string, (typeof demo.products)[number]>();
  for (const slug of TEST_CATEGORIES) {
    const products = demo.productsIn(slug).filter((p) => p.inStock);
    for (const p of products.slice(0, PER_CATEGORY)) picked.set(p.id, p);
    for (const p of products.filter((q) => /heart/i.test(q.title)).slice(0, 6)) picked.set(p.id, p);
  }
  const best = demo.get(BEST_SELLER);
  if (best) picked.set(best.id, best);
  return Catalogue.fromCsv(
    formatCsv(
      ['id', 'title', 'category', 'price', 'currency', 'availability'],
      [...picked.values()].map((p) => [p.id, p.title, p.category, p.price, p.currency, 'in stock']),
    ),
  );
}

export interface HistoryMessage {
  type: 'track';
  event: string;
  anonymousId?: string;
  userId?: string;
  messageId: string;
  timestamp: string;
  properties: Record<string, unknown>;
}

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Chronological messages for POST /v1/batch (send them in chunks of up to 500).
 * @example const messages = shopHistory(catalogue, { now: Date.now() });
 */
export function shopHistory(
  catalogue: Catalogue,
  { now, visitors = 60, seed = 11 }: { now: number; visitors?: number; seed?: number },
): HistoryMessage[] {
  const rand = seededRandom(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const lists = TEST_CATEGORIES.map((slug) => catalogue.productsIn(slug));
  const messages: HistoryMessage[] = [];
  let n = 0;
  const track = (
    who: { anonymousId?: string; userId?: string },
    event: string,
    at: number,
    properties: object,
  ) =>
    messages.push({
      type: 'track',
      event,
      ...who,
      messageId: `history-${seed}-${n++}`,
      timestamp: new Date(Math.round(at)).toISOString(),
      properties: { ...properties },
    });
  const line = (id: string) => {
    const p = catalogue.get(id)!;
    return { product_id: id, name: p.title, price: p.price, category: p.category, quantity: 1 };
  };

  for (let v = 0; v < visitors; v++) {
    const anonymousId = `history-anon-${v}`;
    const customer = v % 2 === 0 ? `history-cust-${v}` : null;
    const favourite = v % lists.length;
    for (let s = 0; s < 3; s++) {
      let t = now - (2 + pick(18)) * DAY - pick(12) * HOUR;
      const list = lists[rand() < 0.8 ? favourite : pick(lists.length)]!;
      // A cluster: neighbouring products of a category are what people compare.
      const start = pick(Math.max(1, list.length - 3));
      const viewed = list.slice(start, start + 3).map((p) => p.id);
      if (v % 3 === 0 && s === 0) viewed.push(BEST_SELLER);
      const who = customer && s > 0 ? { anonymousId, userId: customer } : { anonymousId };
      for (const id of viewed) {
        track(who, 'Product Viewed', t, line(id));
        t += 60_000 + pick(120_000);
      }
      if (customer && s > 0 && rand() < 0.7) {
        const basket = viewed.slice(0, 1 + pick(2));
        for (const id of basket) {
          track(who, 'Product Added', t, line(id));
          t += 30_000;
        }
        const products = basket.map(line);
        track({ userId: customer }, 'Order Completed', t, {
          order_id: `history-${v}-${s}`,
          revenue: products.reduce((sum, p) => sum + p.price, 0),
          currency: 'GBP',
          products,
        });
      }
    }
  }
  // Three customers bought the best seller in the last hours: social proof says so.
  for (let r = 1; r <= 3; r++) {
    const t = now - r * HOUR;
    track({ anonymousId: `recent-anon-${r}` }, 'Product Viewed', t - 5 * 60_000, line(BEST_SELLER));
    track({ userId: `recent-cust-${r}`, anonymousId: `recent-anon-${r}` }, 'Order Completed', t, {
      order_id: `recent-${r}`,
      revenue: catalogue.get(BEST_SELLER)!.price,
      currency: 'GBP',
      products: [line(BEST_SELLER)],
    });
  }
  return messages.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}
