// A small, seeded shop for the recommendation tests: a catalogue of 120 products in six categories
// (brands, prices, some out of stock) and three weeks of behaviour in Segment's vocabulary -
// visitors who browse clusters of related products in a favourite category, log in, and order -
// plus one customer who buys the same coffee every 15 days (replenishment). Generated, never read
// from the public data folder, so the tests know exactly what is in the data.
import type { CatalogueProduct } from '@centric/storage';
import { seededRandom } from '../demo/browsing-simulator';

export const SHOP_CATEGORIES = [
  'Kitchen > Coffee',
  'Kitchen > Tea',
  'Home > Candles',
  'Home > Textiles',
  'Garden',
  'Toys',
] as const;
export const SHOP_BRANDS = ['Acme', 'Borealis', 'Cobalt', 'Dune'] as const;
const PER_CATEGORY = 20;
const DAY = 86_400_000;

/** Product ids are "<category index>-<n>", e.g. "0-3" is the fourth coffee. */
export const productId = (category: number, n: number): string => `${category}-${n}`;

export interface ShopMessage {
  type: 'track' | 'identify';
  event?: string;
  anonymousId?: string;
  userId?: string;
  messageId: string;
  timestamp: string;
  properties?: Record<string, unknown>;
}

export interface Shop {
  products: CatalogueProduct[];
  /** Chronological: send them in batches of up to 500. */
  messages: ShopMessage[];
  /** The customer who buys product REPLENISHED every 15 days (user id). */
  replenisher: string;
  replenished: string;
  /** What each customer (user id) bought. */
  bought: Map<string, Set<string>>;
  /** The anonymous id each customer browses with. */
  anonymousIdOf: Map<string, string>;
}

export function isOutOfStock(id: string): boolean {
  return Number(id.split('-')[1]) % 10 === 9;
}

export function shopCatalogue(): CatalogueProduct[] {
  const products: CatalogueProduct[] = [];
  SHOP_CATEGORIES.forEach((category, c) => {
    for (let n = 0; n < PER_CATEGORY; n++) {
      const id = productId(c, n);
      products.push({
        productId: id,
        title: `${category.split(' > ').at(-1)} ${n}`,
        description: null,
        categoryPath: category,
        brand: SHOP_BRANDS[n % SHOP_BRANDS.length]!,
        price: 5 + ((n * 7 + c * 3) % 76),
        salePrice: null,
        currency: 'EUR',
        availability: isOutOfStock(id) ? 'out of stock' : 'in stock',
        imageLink: `https://shop.example/img/${id}.jpg`,
        link: `https://shop.example/p/${id}`,
        attributes: null,
      });
    }
  });
  return products;
}

/**
 * @example const shop = generateShop({ now: Date.now(), visitors: 80 });
 */
export function generateShop({
  now,
  visitors = 80,
  seed = 7,
}: {
  now: number;
  visitors?: number;
  seed?: number;
}): Shop {
  const rand = seededRandom(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const messages: ShopMessage[] = [];
  const bought = new Map<string, Set<string>>();
  const anonymousIdOf = new Map<string, string>();
  let n = 0;
  const at = (ms: number) => new Date(Math.round(ms)).toISOString();
  const track = (
    who: { anonymousId?: string; userId?: string },
    event: string,
    ms: number,
    properties: object,
  ) =>
    messages.push({
      type: 'track',
      event,
      ...who,
      messageId: `shop-${seed}-${n++}`,
      timestamp: at(ms),
      properties: { ...properties },
    });

  for (let v = 0; v < visitors; v++) {
    const anonymousId = `anon-${v}`;
    const customer = v % 2 === 0 ? `cust-${v}` : null;
    const home = v % SHOP_CATEGORIES.length;
    if (customer) anonymousIdOf.set(customer, anonymousId);
    for (let s = 0; s < 3; s++) {
      let t = now - (2 + pick(18)) * DAY - pick(12) * 3_600_000;
      const category = rand() < 0.8 ? home : pick(SHOP_CATEGORIES.length);
      // A cluster: neighbouring products of a category are what people compare.
      const start = pick(PER_CATEGORY - 3);
      const viewed = [0, 1, 2].map((k) => productId(category, start + k)).filter((id) => !isOutOfStock(id));
      const who = customer && s > 0 ? { anonymousId, userId: customer } : { anonymousId };
      for (const id of viewed) {
        track(who, 'Product Viewed', t, { product_id: id, category: SHOP_CATEGORIES[category] });
        t += 60_000 + pick(120_000);
      }
      if (customer && s > 0 && viewed.length > 0 && rand() < 0.7) {
        const basket = viewed.slice(0, 1 + pick(2));
        for (const id of basket) {
          track(who, 'Product Added', t, { product_id: id, quantity: 1 });
          t += 30_000;
        }
        track({ userId: customer }, 'Order Completed', t, {
          order_id: `o-${v}-${s}`,
          revenue: basket.length * 20,
          products: basket.map((id) => ({ product_id: id, price: 20, quantity: 1 })),
        });
        const set = bought.get(customer) ?? new Set<string>();
        for (const id of basket) set.add(id);
        bought.set(customer, set);
      }
    }
  }

  const replenisher = 'cust-coffee';
  const replenished = productId(0, 0);
  for (const days of [45, 30, 15]) {
    track({ userId: replenisher }, 'Order Completed', now - days * DAY, {
      order_id: `o-coffee-${days}`,
      revenue: 12,
      products: [{ product_id: replenished, price: 12, quantity: 1 }],
    });
  }
  // A one-off purchase: never due, so it must stay suppressed.
  track({ userId: replenisher }, 'Order Completed', now - 30 * DAY + 3_600_000, {
    order_id: 'o-coffee-garden',
    revenue: 30,
    products: [{ product_id: productId(4, 2), price: 30, quantity: 1 }],
  });
  bought.set(replenisher, new Set([replenished, productId(4, 2)]));
  messages.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  return { products: shopCatalogue(), messages, replenisher, replenished, bought, anonymousIdOf };
}
