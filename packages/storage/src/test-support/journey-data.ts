// A seeded, realistic shop for checking the journey queries against their reference
// formulation (journey-reference-queries.ts): visitors arriving by every entry channel, pages
// with and without event names, searches typed in any case, category and product views, carts,
// orders (some cancelled, some without an order id), repeat orders, customers logged in and
// linked across devices, segment members past and present; and the awkward cases the fast
// queries must get right too: sessions crossing the range edges, events at the same
// millisecond inside a session, events without a session, identify calls, another project.
import type { StoredEvent } from '../store';
import { storedEvent } from './event-factory';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface JourneyData {
  events: StoredEvent[];
  /** identity key ('a:...' / 'u:...') -> profile id, for identity_links. */
  links: Map<string, string>;
  /** profile ids of the segment 'seg' with whether they have left it since. */
  members: Map<string, boolean>;
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

const CATEGORIES = ['Kitchen', 'Garden', 'Toys', 'Lighting', 'Bath', ''];
/** Landings: UTM tags and referrer of the first page, and the page itself. */
const LANDINGS: { utm: [string | null, string | null, string | null] | null; referrer: string | null }[] = [
  { utm: null, referrer: null },
  { utm: null, referrer: 'https://www.google.com/' },
  { utm: ['newsletter', 'email', 'spring'], referrer: null },
  { utm: ['google', 'cpc', 'brand'], referrer: 'https://www.google.com/' },
  { utm: ['Facebook', 'CPC ', null], referrer: null },
  { utm: null, referrer: 'https://l.instagram.com/x' },
  { utm: null, referrer: 'https://www.awin1.com/c' },
  { utm: null, referrer: 'https://blog.example.org/gifts' },
  { utm: [null, null, 'summer'], referrer: null },
  { utm: null, referrer: 'https://shop.example/cart' },
];
const TERMS = ['mug', 'Mug ', ' MUG', 'garden hose', 'lamp', 'bath towel', '   ', 'toy car'];

/**
 * Events of `visitors` visitors of `projectId` over `days` days from `start`.
 *
 * @example journeyData({ projectId: 'prj', start: Date.parse('2026-03-01'), visitors: 300 })
 */
export function journeyData({
  projectId,
  start,
  days = 30,
  visitors = 300,
  seed = 7,
}: {
  projectId: string;
  start: number;
  days?: number;
  visitors?: number;
  seed?: number;
}): JourneyData {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const events: StoredEvent[] = [];
  const links = new Map<string, string>();
  const members = new Map<string, boolean>();
  let sessionNo = 0;
  let messageNo = 0;
  let orderNo = 0;
  const orders: { id: string | null; at: number; base: Partial<StoredEvent> & { projectId: string } }[] = [];

  for (let v = 0; v < visitors; v++) {
    const devices = rnd() < 0.15 ? 2 : 1;
    const user = rnd() < 0.4 ? `user-${v}` : null;
    const profile = `p_${v}`;
    if (user && rnd() < 0.7) links.set(`u:${user}`, profile);
    const sessions = 1 + Math.floor(rnd() * 5);
    for (let s = 0; s < sessions; s++) {
      const anon = `anon-${v}-${Math.floor(rnd() * devices)}`;
      if (user && links.has(`u:${user}`) && rnd() < 0.8) links.set(`a:${anon}`, profile);
      // Sessions begin a little before the range to a little after it.
      let at = start - DAY + Math.floor(rnd() * (days + 2) * DAY);
      const sessionId = `s-${sessionNo++}`;
      // Events at the same millisecond only in sessions that end before midnight (UTC): a range
      // cut at a day boundary then never makes one of them a landing, where the reference
      // query and the fast one may pick either.
      const ties = at % DAY < 20 * 3_600_000 ? 0 : MINUTE;
      const loggedIn = user !== null && rnd() < 0.5;
      const base = {
        projectId,
        anonymousId: anon,
        userId: loggedIn ? user : null,
        sessionId,
        channel: rnd() < 0.2 ? 'app' : 'web',
      } satisfies Partial<StoredEvent>;
      const push = (o: Partial<StoredEvent>, gap = MINUTE + Math.floor(rnd() * 4 * MINUTE)) => {
        messageNo++;
        events.push(
          storedEvent({ ...base, messageId: `j-${messageNo}`, timestamp: at, receivedAt: at, ...o }),
        );
        at += gap;
      };
      const landing = pick(LANDINGS);
      const tags = {
        utmSource: landing.utm?.[0] ?? null,
        utmMedium: landing.utm?.[1] ?? null,
        utmCampaign: landing.utm?.[2] ?? null,
        referrer: landing.referrer,
      };
      const category = pick(CATEGORIES);
      const product = `p-${Math.floor(rnd() * 40)}`;
      const entry = rnd();
      if (entry < 0.4) push({ type: 'page', event: null, pagePath: '/', ...tags });
      else if (entry < 0.55) push({ type: 'page', event: 'Home', pagePath: '/index.html', ...tags });
      else if (entry < 0.7)
        push({
          event: 'Product Viewed',
          productId: product,
          category,
          pagePath: `/products/${product}`,
          ...tags,
        });
      else if (entry < 0.8)
        push({ type: 'page', event: null, pagePath: `/C/${category}`, category, ...tags });
      else if (entry < 0.85) push({ type: 'page', event: null, pagePath: '/Account/orders', ...tags });
      else push({ type: 'page', event: null, pagePath: '/blog/ideas', ...tags });
      // A third of the sessions end on their landing (a bounce), identify calls aside.
      if (rnd() < 0.1) push({ type: 'identify', event: null });
      if (rnd() < 0.3) continue;
      const steps = 1 + Math.floor(rnd() * 8);
      let carted = false;
      for (let k = 0; k < steps; k++) {
        const r = rnd();
        const p = `p-${Math.floor(rnd() * 40)}`;
        const c = pick(CATEGORIES);
        if (r < 0.15) push({ event: 'Products Searched', query: pick(TERMS), pagePath: '/search' });
        else if (r < 0.3) push({ event: 'Product List Viewed', category: c, pagePath: `/c/${c}` });
        else if (r < 0.6)
          push({ event: 'Product Viewed', productId: p, category: c, pagePath: `/products/${p}` });
        else if (r < 0.65) push({ type: 'page', event: null, pagePath: `/product/${p}`, category: c });
        else if (r < 0.8) {
          // Added at the same millisecond as the cart view that follows it.
          push({ event: 'Product Added', productId: p, category: c, pagePath: `/products/${p}` }, ties);
          push({ event: 'Cart Viewed', pagePath: '/cart' });
          carted = true;
        } else if (r < 0.85) push({ event: 'Product Added to Wishlist', productId: p });
        else if (r < 0.9) push({ event: 'Coupon Applied' });
        else push({ type: 'page', event: null, pagePath: '/pages/shipping' });
      }
      if (carted && rnd() < 0.6) {
        push({ event: 'Checkout Started', pagePath: '/checkout' });
        if (rnd() < 0.3) push({ event: 'Payment Info Entered', pagePath: '/checkout/payment' });
        if (rnd() < 0.75) {
          const id = rnd() < 0.1 ? null : `o-${orderNo++}`;
          orders.push({ id, at, base });
          // Now and then two orders at the same millisecond: a repeat order must be a later one.
          push(
            { event: 'Order Completed', orderId: id, revenue: 30, currency: 'EUR' },
            rnd() < 0.1 ? ties : MINUTE,
          );
          if (rnd() < 0.1)
            push({ event: 'Order Completed', orderId: `o-${orderNo++}`, revenue: 5, currency: 'EUR' });
          if (rnd() < 0.2) push({ event: 'Product Reviewed', productId: p0(events) });
        }
      }
    }
    if (rnd() < 0.3) members.set(user && links.has(`u:${user}`) ? profile : `a:anon-${v}-0`, rnd() < 0.3);
  }
  // Some orders are cancelled later, in sessions of their own or none at all.
  for (const o of orders)
    if (o.id !== null && rnd() < 0.12) {
      messageNo++;
      events.push(
        storedEvent({
          ...o.base,
          sessionId: rnd() < 0.5 ? null : o.base.sessionId,
          messageId: `j-${messageNo}`,
          event: 'Order Cancelled',
          orderId: o.id,
          timestamp: o.at + 2 * DAY,
          receivedAt: o.at + 2 * DAY,
        }),
      );
    }
  // Events without a session, and another project's copy of a few sessions.
  for (let i = 0; i < 20; i++) {
    const e = events[Math.floor(rnd() * events.length)]!;
    messageNo++;
    events.push({ ...e, messageId: `j-${messageNo}`, sessionId: null });
    messageNo++;
    events.push({ ...e, messageId: `j-${messageNo}`, projectId: `${projectId}-other` });
  }
  return { events, links, members };
}

const p0 = (events: readonly StoredEvent[]) =>
  [...events].reverse().find((e) => e.productId !== null)?.productId ?? 'p-0';
