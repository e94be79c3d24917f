// A seeded, realistic shop for the mining tests: visitors arriving by different entry channels
// (direct, organic search, newsletter, paid search, social, the app), browsing categories,
// searching, viewing and adding products, checking out and ordering, some orders cancelled,
// some customers logged in and linked across devices. Products come in "families" bought and
// viewed together more often than chance, so associations have something to find.
import type { OrderItem, StoredEvent } from '../store';
import { orderItem, storedEvent } from './event-factory';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface MiningFixture {
  events: StoredEvent[];
  orderItems: OrderItem[];
  /** identity key -> profile id, to insert into identity_links. */
  links: Map<string, string>;
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const MINING_CATEGORIES = ['Kitchen', 'Garden', 'Toys', 'Lighting'] as const;
/** Product ids per category; products of one family (same index / 3) go together. */
export const productsOf = (category: string) =>
  Array.from({ length: 9 }, (_, i) => `${category.slice(0, 3)}-${i}`);
const categoryOfProduct = (productId: string) =>
  MINING_CATEGORIES.find((c) => productId.startsWith(c.slice(0, 3)))!;

const ENTRIES: { channel: 'web' | 'app'; referrer: string | null; utm: [string, string, string] | null }[] = [
  { channel: 'web', referrer: null, utm: null },
  { channel: 'web', referrer: 'https://www.google.com/', utm: null },
  { channel: 'web', referrer: null, utm: ['newsletter', 'email', 'spring'] },
  { channel: 'web', referrer: 'https://www.google.com/', utm: ['google', 'cpc', 'brand'] },
  { channel: 'web', referrer: 'https://www.instagram.com/', utm: null },
  { channel: 'app', referrer: null, utm: null },
];

export function miningFixture({
  projectId,
  start,
  visitors = 200,
  seed = 11,
}: {
  projectId: string;
  /** First day of the history; sessions spread over 60 days from it. */
  start: number;
  visitors?: number;
  seed?: number;
}): MiningFixture {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const events: StoredEvent[] = [];
  const orderItems: OrderItem[] = [];
  const links = new Map<string, string>();
  let sessionNo = 0;
  let orderNo = 0;
  let messageNo = 0;

  for (let v = 0; v < visitors; v++) {
    const anon = `m-anon-${v}`;
    const user = rnd() < 0.5 ? `m-user-${v}` : null;
    if (user && rnd() < 0.6) {
      links.set(`u:${user}`, `p_m${v}`);
      links.set(`a:${anon}`, `p_m${v}`);
    }
    const favourite = pick(MINING_CATEGORIES);
    const sessions = 1 + Math.floor(rnd() * 4);
    for (let s = 0; s < sessions; s++) {
      const sessionId = `ms-${sessionNo++}`;
      const entry = pick(ENTRIES);
      let at = start + Math.floor(rnd() * 60 * DAY);
      const base = { projectId, anonymousId: anon, userId: user, sessionId, channel: entry.channel };
      const push = (o: Partial<StoredEvent>) => {
        messageNo++;
        events.push(
          storedEvent({
            ...base,
            messageId: `mm-${String(messageNo).padStart(6, '0')}`,
            timestamp: at,
            receivedAt: at,
            ...o,
          }),
        );
        at += MINUTE + Math.floor(rnd() * 3 * MINUTE);
      };
      push({
        type: 'page',
        event: 'Home',
        pagePath: '/',
        referrer: entry.referrer,
        utmSource: entry.utm?.[0] ?? null,
        utmMedium: entry.utm?.[1] ?? null,
        utmCampaign: entry.utm?.[2] ?? null,
      });
      if (rnd() < 0.2) continue; // bounce
      const category = rnd() < 0.7 ? favourite : pick(MINING_CATEGORIES);
      const family = Math.floor(rnd() * 3);
      const products = productsOf(category);
      if (rnd() < 0.35)
        push({
          event: 'Products Searched',
          query: `${category.toLowerCase()} ${family}`,
          pagePath: '/search',
        });
      push({ event: 'Product List Viewed', category, pagePath: `/c/${category.toLowerCase()}` });
      const viewed = new Set<string>();
      const views = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < views; k++) {
        // Mostly the family's products; sometimes any product of the category.
        const productId = rnd() < 0.75 ? products[family * 3 + Math.floor(rnd() * 3)]! : pick(products);
        viewed.add(productId);
        push({ event: 'Product Viewed', productId, category, pagePath: `/p/${productId}` });
      }
      if (rnd() < 0.45) continue; // browsed only
      const cart = [...viewed].filter(() => rnd() < 0.7);
      if (cart.length === 0) cart.push([...viewed][0]!);
      for (const productId of cart) push({ event: 'Product Added', productId, category, quantity: 1 });
      push({ event: 'Cart Viewed', pagePath: '/cart' });
      if (rnd() < 0.3) push({ event: 'Coupon Applied' });
      push({ event: 'Checkout Started', pagePath: '/checkout' });
      if (rnd() < 0.3) continue; // abandoned checkout
      const orderId = `mo-${orderNo++}`;
      const revenue = cart.length * 20;
      push({ event: 'Order Completed', orderId, revenue, currency: 'EUR' });
      const orderEvent = events[events.length - 1]!;
      cart.forEach((productId, position) => {
        orderItems.push(
          orderItem({
            projectId,
            orderId,
            messageId: orderEvent.messageId,
            position,
            productId,
            category: categoryOfProduct(productId),
            price: 20,
            timestamp: orderEvent.timestamp,
          }),
        );
      });
      if (rnd() < 0.05) push({ event: 'Order Cancelled', orderId });
    }
  }
  return { events, orderItems, links };
}
