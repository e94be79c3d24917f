// A seeded, realistic shop history for segment tests: a few hundred visitors over four months
// with sessions of views, cart changes, coupons and orders on web, app and store, some logged
// in, some linked across devices, computed traits for most profiles. Amounts are multiples of
// 0.5 so that sums are exact in any order (the store and memory add in different orders).
import type { ProfileTraits } from '../profile-store';
import type { StoredEvent } from '../store';
import { storedEvent } from './event-factory';

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface SegmentFixture {
  events: StoredEvent[];
  /** identity key -> profile id. */
  links: Map<string, string>;
  traits: ProfileTraits[];
}

/** Mulberry32: a tiny seeded generator, so every run sees the same shop. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function segmentFixture({
  projectId,
  now,
  visitors = 300,
  seed = 7,
}: {
  projectId: string;
  now: number;
  visitors?: number;
  seed?: number;
}): SegmentFixture {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const half = (lo: number, hi: number) => int(lo * 2, hi * 2) / 2;
  const events: StoredEvent[] = [];
  const links = new Map<string, string>();
  const traits: ProfileTraits[] = [];
  let order = 0;

  for (let v = 0; v < visitors; v++) {
    const anon = `anon-${v}`;
    const user = rnd() < 0.4 ? `user-${v}` : null;
    // A second device of the same customer, linked to one profile.
    const device = rnd() < 0.15 ? `anon-${v}-b` : null;
    if (user && rnd() < 0.5) {
      links.set(`u:${user}`, `p_${v}`);
      links.set(`a:${anon}`, `p_${v}`);
      if (device) links.set(`a:${device}`, `p_${v}`);
    } else if (device) {
      links.set(`a:${anon}`, `p_${v}`);
      links.set(`a:${device}`, `p_${v}`);
    }
    const shoeFan = rnd() < 0.3;
    const recent = rnd() < 0.5;
    const sessions = int(1, 6);
    for (let s = 0; s < sessions; s++) {
      const anonymousId = device && s % 2 === 1 ? device : anon;
      const sessionId = rnd() < 0.05 ? null : `s-${v}-${s}`;
      let at =
        now -
        (recent && s === sessions - 1
          ? int(0, 3 * 24 * 60) * MINUTE
          : int(0, 120) * DAY + int(0, 600) * MINUTE);
      // A few sessions run past `now`: the store and memory must both ignore them.
      if (rnd() < 0.03) at = now + int(1, 120) * MINUTE;
      const loggedIn = user !== null && rnd() < 0.6;
      const channel = pick(['web', 'web', 'web', 'app', 'store'] as const);
      const base = { projectId, anonymousId, userId: loggedIn ? user : null, sessionId, channel };
      const add = (over: Partial<StoredEvent>) => {
        at += int(0, 3) * MINUTE;
        events.push(storedEvent({ ...base, timestamp: at, receivedAt: at, ...over }));
      };
      for (let k = int(1, 12); k > 0; k--) {
        const category = shoeFan && rnd() < 0.7 ? 'Shoes' : pick(['Hats', 'Bags', 'Shoes', null]);
        const r = rnd();
        const productId = `p-${int(1, 30)}`;
        const price = half(5, 80);
        if (r < 0.45)
          add({
            event: 'Product Viewed',
            productId,
            category,
            pagePath: `/p/${productId}`,
            properties: JSON.stringify({ price, color: pick(['red', 'blue']), size: int(36, 46) }),
          });
        else if (r < 0.65)
          add({
            event: 'Product Added',
            productId,
            category,
            quantity: rnd() < 0.3 ? null : int(1, 3),
            // Segment sends a unit price (sometimes as text); GA4 sends only the line value.
            ...(rnd() < 0.2
              ? { value: price * 2, properties: JSON.stringify({ color: 'red' }) }
              : { properties: JSON.stringify({ price: rnd() < 0.2 ? String(price) : price }) }),
          });
        else if (r < 0.72)
          add({ event: 'Product Removed', productId, properties: JSON.stringify({ price }), quantity: 1 });
        else if (r < 0.77) add({ event: 'Coupon Applied', properties: JSON.stringify({ coupon: 'TEN' }) });
        else if (r < 0.85) add({ type: 'page', event: 'Home', pagePath: '/' });
        else if (r < 0.9) {
          order++;
          // Some shops re-send an order, some send none of its ids.
          const orderId = rnd() < 0.1 ? null : `o-${order}`;
          const revenue = half(10, 300);
          add({ event: 'Order Completed', orderId, revenue, currency: 'EUR' });
          if (orderId && rnd() < 0.1) add({ event: 'Order Completed', orderId, revenue, currency: 'EUR' });
        } else add({ event: 'Products Searched', query: pick(['boots', 'red hat', 'bag']) });
      }
    }
    if (device && links.has(`a:${device}`) && v % 2 === 0) {
      // Two devices with events at the same last moment: the latest session is the greatest id.
      const mine = events.filter(
        (e) => (e.anonymousId === anon || e.anonymousId === device) && e.timestamp <= now,
      );
      const last = Math.max(...mine.filter((e) => e.sessionId !== null).map((e) => e.timestamp));
      if (Number.isFinite(last))
        events.push(
          storedEvent({
            projectId,
            anonymousId: device,
            sessionId: `s-${v}-tie`,
            event: 'Product Added',
            properties: JSON.stringify({ price: 150 }),
            timestamp: last,
            receivedAt: last,
          }),
        );
    }
    const profileId = links.get(`a:${anon}`) ?? (user && links.get(`u:${user}`)) ?? `a:${anon}`;
    if (rnd() < 0.75) traits.push(randomTraits(profileId, { now, rnd, pick, int, half }));
  }
  // Customers known only from an import: traits without any event.
  for (let c = 0; c < 20; c++) traits.push(randomTraits(`u:cust-${c}`, { now, rnd, pick, int, half }));
  return { events, links, traits };
}

function randomTraits(
  profileId: string,
  r: {
    now: number;
    rnd: () => number;
    pick: <T>(xs: readonly T[]) => T;
    int: (lo: number, hi: number) => number;
    half: (lo: number, hi: number) => number;
  },
): ProfileTraits {
  const orders = r.rnd() < 0.3 ? 0 : r.int(1, 6);
  const revenue = orders === 0 ? 0 : r.half(20, 900);
  const maybe = <T>(v: T): T | null => (r.rnd() < 0.2 ? null : v);
  const lastOrderAt = orders === 0 ? null : r.now - r.int(1, 300) * DAY - r.int(0, 1000) * MINUTE;
  return {
    profileId,
    firstSeen: r.now - r.int(1, 400) * DAY,
    lastSeen: r.now - r.int(0, 20) * DAY - r.int(0, 1000) * MINUTE,
    events: r.int(0, 60),
    sessions: r.int(0, 8),
    channels: r.rnd() < 0.1 ? [] : [r.pick(['web', 'app']), ...(r.rnd() < 0.3 ? ['store'] : [])],
    orders,
    revenue,
    averageOrderValue: orders === 0 ? null : revenue / orders,
    firstOrderAt: lastOrderAt === null ? null : lastOrderAt - r.int(0, 200) * DAY,
    lastOrderAt,
    rfmRecency: maybe(r.int(1, 5)),
    rfmFrequency: maybe(r.int(1, 5)),
    rfmMonetary: maybe(r.int(1, 5)),
    rfmSegment: maybe(r.pick(['Champions', 'Loyal', 'At risk', 'Lost', 'Hibernating'])),
    lifecycleStage: maybe(r.pick(['new', 'active', 'at risk', 'lapsed'])),
    historicClv: maybe(revenue),
    predictedClv: maybe(r.half(0, 500)),
    churnProbability: maybe(r.int(0, 20) / 20),
    expectedPurchases52w: maybe(r.int(0, 8) / 4),
    refreshedAt: r.now,
  };
}
