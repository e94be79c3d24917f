// Persona discovery on synthetic customers with three planted groups: k-means++ and the
// silhouette must find three personas, put (almost) every customer with its group, and
// describe each group by what was planted in it.
import { describe, expect, it } from 'vitest';
import { discoverPersonas } from './discover-personas';
import { kMeans, seededRandom } from './k-means';
import { describeTrait, times } from './persona-descriptions';
import { buildFeatureMatrix, type CustomerBehaviour } from './persona-features';
import { meanSilhouette, silhouetteSample } from './silhouette';

type Group = 'coupon-app' | 'big-store' | 'lapsed-web';

/** A customer of a planted group, with noise around the group's typical behaviour. */
function plantedCustomer(group: Group, i: number, random: () => number): CustomerBehaviour {
  const jitter = (value: number, spread = 0.25) => value * (1 + (random() * 2 - 1) * spread);
  const base = { profileId: `${group}-${String(i).padStart(3, '0')}`, mobileSessions: null };
  if (group === 'coupon-app') {
    const orders = Math.max(1, Math.round(jitter(3)));
    const sessions = Math.round(jitter(12));
    return {
      ...base,
      recencyDays: jitter(20),
      orders,
      revenue: jitter(30) * orders,
      items: orders * 2,
      sessions,
      channelSessions: { app: Math.round(sessions * 0.8), web: sessions - Math.round(sessions * 0.8) },
      categoryItems: { Toys: 8, Kitchen: 1 },
      couponOrders: Math.round(orders * jitter(0.7, 0.2)),
      visitIntervalDays: jitter(6),
    };
  }
  if (group === 'big-store') {
    const orders = Math.round(jitter(9));
    const sessions = Math.round(jitter(14));
    return {
      ...base,
      recencyDays: jitter(12),
      orders,
      revenue: jitter(150) * orders,
      items: orders * 6,
      sessions,
      channelSessions: { store: Math.round(sessions * 0.7), web: sessions - Math.round(sessions * 0.7) },
      categoryItems: { Kitchen: 30, Garden: 4 },
      couponOrders: 0,
      visitIntervalDays: jitter(20),
    };
  }
  const sessions = Math.max(1, Math.round(jitter(3)));
  return {
    ...base,
    recencyDays: jitter(320),
    orders: 1,
    revenue: jitter(40),
    items: 1,
    sessions,
    channelSessions: { web: sessions },
    categoryItems: { Garden: 1 },
    couponOrders: 0,
    visitIntervalDays: jitter(70),
  };
}

function plantedShop(perGroup: number, seed = 5): CustomerBehaviour[] {
  const random = seededRandom(seed);
  const groups: Group[] = ['coupon-app', 'big-store', 'lapsed-web'];
  return groups.flatMap((g) => Array.from({ length: perGroup }, (_, i) => plantedCustomer(g, i, random)));
}

const groupOf = (profileId: string) => profileId.replace(/-\d+$/, '') as Group;

describe('kMeans', () => {
  it('separates two blobs and is deterministic for a seed', () => {
    const values = Float64Array.from([0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10]);
    const points = { values, n: 6, d: 2 };
    const first = kMeans(points, { k: 2, seed: 3 });
    expect(first.assignments[0]).toBe(first.assignments[1]);
    expect(first.assignments[0]).toBe(first.assignments[2]);
    expect(first.assignments[3]).toBe(first.assignments[5]);
    expect(first.assignments[0]).not.toBe(first.assignments[3]);
    // Each blob: three points at squared distances 2/9 + 5/9 + 5/9 from the centroid... x2 blobs.
    expect(first.inertia).toBeCloseTo(2 * (4 / 3), 10);
    expect(kMeans(points, { k: 2, seed: 3 })).toEqual(first);
  });

  it('refuses a k above the number of points', () => {
    expect(() => kMeans({ values: new Float64Array(2), n: 2, d: 1 }, { k: 3 })).toThrow(RangeError);
  });
});

describe('meanSilhouette', () => {
  it('matches the hand-computed value on four points', () => {
    // Clusters {0, 1} and {10, 11}: s(0) = (10.5 - 1) / 10.5, s(1) = (9.5 - 1) / 9.5, mirrored.
    const points = { values: Float64Array.from([0, 1, 10, 11]), n: 4, d: 1 };
    const s = meanSilhouette(points, Int32Array.from([0, 0, 1, 1]), 2, silhouetteSample(4));
    expect(s).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 12);
  });

  it('samples deterministically and without repeats', () => {
    const sample = silhouetteSample(10_000, { sampleSize: 500, seed: 1 });
    expect(new Set(sample).size).toBe(500);
    expect(silhouetteSample(10_000, { sampleSize: 500, seed: 1 })).toEqual(sample);
  });
});

describe('buildFeatureMatrix', () => {
  it('standardises, drops features that do not vary and weights share groups', () => {
    const customers = plantedShop(20);
    const { features, points, weights } = buildFeatureMatrix(customers);
    const keys = features.map((f) => f.key);
    // No device data anywhere: no mobile feature.
    expect(keys).not.toContain('mobile_share');
    expect(keys).toEqual(
      expect.arrayContaining(['orders', 'coupon_share', 'channel:app', 'category:Kitchen']),
    );
    const column = keys.indexOf('orders');
    let mean = 0;
    for (let i = 0; i < points.n; i++) mean += points.values[i * points.d + column]! / points.n;
    expect(mean).toBeCloseTo(0, 10);
    const channels = features.filter((f) => f.kind === 'channel').length;
    expect(weights[keys.indexOf('channel:app')]).toBeCloseTo(1 / Math.sqrt(channels), 12);
  });
});

describe('discoverPersonas', () => {
  const customers = plantedShop(120);
  const found = discoverPersonas(customers, { kMin: 2, kMax: 6 });

  it('chooses three personas by silhouette', () => {
    expect(found.k).toBe(3);
    expect(found.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    const best = Math.max(...found.candidates.map((c) => c.silhouette));
    expect(found.silhouette).toBe(best);
    expect(found.personas.reduce((s, p) => s + p.size, 0)).toBe(360);
  });

  it('recovers the planted groups', () => {
    for (const persona of found.personas) {
      const counts = new Map<Group, number>();
      for (const id of persona.profileIds) counts.set(groupOf(id), (counts.get(groupOf(id)) ?? 0) + 1);
      const purity = Math.max(...counts.values()) / persona.size;
      expect(purity).toBeGreaterThanOrEqual(0.95);
    }
    const majority = found.personas.map((p) => groupOf(p.profileIds[Math.floor(p.size / 2)]!));
    expect(new Set(majority).size).toBe(3);
  });

  it('describes each persona by what was planted in it', () => {
    const byGroup = new Map(found.personas.map((p) => [groupOf(p.profileIds[0]!), p]));
    const coupon = byGroup.get('coupon-app')!;
    const bigStore = byGroup.get('big-store')!;
    const lapsed = byGroup.get('lapsed-web')!;
    const text = (p: typeof coupon) => `${p.name} | ${p.description}`;
    expect(text(coupon)).toMatch(/coupon|app|Toys/);
    expect(text(bigStore)).toMatch(/spends|orders|baskets|store|Kitchen/);
    expect(text(lapsed)).toMatch(/last order|one-off|lapsed|visits rarely|Garden/);
    for (const p of found.personas) {
      expect(p.description).toMatch(/^[A-Z0-9].*\.$/);
      expect(p.traits.length).toBeGreaterThan(0);
      expect(p.traits.length).toBeLessThanOrEqual(3);
    }
    // Value: the big store spenders carry most of the revenue.
    expect(bigStore.revenueShare).toBeGreaterThan(0.7);
    expect(bigStore.averageOrderValue).toBeGreaterThan(coupon.averageOrderValue);
    expect(found.personas.map((p) => p.name)).toHaveLength(new Set(found.personas.map((p) => p.name)).size);
  });

  it('gives the same personas for the same data and seed, in any input order', () => {
    const again = discoverPersonas([...customers].reverse(), { kMin: 2, kMax: 6 });
    expect(again.personas.map((p) => p.profileIds)).toEqual(found.personas.map((p) => p.profileIds));
  });

  it('honours a fixed k and copes with too few customers', () => {
    expect(discoverPersonas(customers, { k: 4 }).k).toBe(4);
    const tiny = discoverPersonas(customers.slice(0, 3), { kMin: 2, kMax: 4 });
    expect(tiny.k).toBe(1);
    expect(tiny.personas[0]!.size).toBe(3);
    expect(discoverPersonas([], {}).personas).toEqual([]);
  });
});

describe('describeTrait', () => {
  it('speaks in ratios and both numbers', () => {
    expect(times(2.02)).toBe('twice');
    expect(times(3.04)).toBe('3x');
    expect(times(2.44)).toBe('2.4x');
    const feature = {
      key: 'coupon_share',
      kind: 'coupon' as const,
      label: null,
      raw: () => 0,
      logScale: false,
    };
    expect(describeTrait(feature, 0.45, 0.15, 1.2)).toBe('3x coupon use (45% of orders vs 15%)');
    const category = {
      key: 'category:Kitchen',
      kind: 'category' as const,
      label: 'Kitchen',
      raw: () => 0,
      logScale: false,
    };
    expect(describeTrait(category, 0.72, 0.2, 2)).toBe('mostly Kitchen (72% of items vs 20%)');
  });
});

describe('discoverPersonas on many customers', () => {
  it('chooses k on a sample and fits it on everyone', () => {
    const many = plantedShop(400, 9);
    const found = discoverPersonas(many, { kMin: 2, kMax: 5, selectionSampleSize: 300 });
    expect(found.k).toBe(3);
    expect(found.personas.reduce((s, p) => s + p.size, 0)).toBe(1200);
    for (const persona of found.personas) {
      const groups = new Set(persona.profileIds.map(groupOf));
      expect(groups.size).toBe(1);
    }
  });
});
