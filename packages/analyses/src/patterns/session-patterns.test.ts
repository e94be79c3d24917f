import { describe, expect, it } from 'vitest';
import { exploreSessionPatterns, type Session, type SessionPatternReport } from './session-patterns';

function sessions(count: number, shape: { items: string[]; converted: boolean }, from: number): Session[] {
  return Array.from({ length: count }, (_, i) => ({ sessionId: `s${from + i}`, ...shape }));
}

// 6 converting and 14 abandoning sessions: base conversion rate 0.3.
const SESSIONS: Session[] = [
  ...sessions(4, { items: ['home', 'search', 'product', 'cart', 'checkout'], converted: true }, 0),
  ...sessions(2, { items: ['home', 'product', 'cart', 'checkout'], converted: true }, 4),
  ...sessions(6, { items: ['home', 'product'], converted: false }, 6),
  ...sessions(4, { items: ['home', 'search', 'product'], converted: false }, 12),
  ...sessions(4, { items: ['product', 'cart'], converted: false }, 16),
];

const byItems = (report: SessionPatternReport, items: string[]) =>
  report.patterns.find((p) => p.items.join('>') === items.join('>'));

describe('exploreSessionPatterns', () => {
  it('gives support and conversion figures per pattern', () => {
    const report = exploreSessionPatterns(SESSIONS, { minSupport: { count: 4 } });
    expect(report).toMatchObject({ sessionCount: 20, convertedCount: 6, minCount: 4, truncated: false });
    expect(report.conversionRate).toBeCloseTo(0.3, 14);

    const checkout = byItems(report, ['cart', 'checkout'])!;
    expect(checkout).toMatchObject({
      support: 6,
      convertedSupport: 6,
      abandonedSupport: 0,
      conversionRate: 1,
    });
    expect(checkout.supportRatio).toBeCloseTo(0.3, 14);
    expect(checkout.conversionLift).toBeCloseTo(1 / 0.3, 12);
    expect(checkout.supportDifference).toBe(1);
    // Margins 6 / 6 of 20: only the observed table (all 6 in converting) is as unlikely,
    // P = 1 / C(20, 6) = 1 / 38,760.
    expect(checkout.pValue).toBeCloseTo(1 / 38_760, 15);

    const home = byItems(report, ['home'])!;
    expect(home).toMatchObject({ support: 16, convertedSupport: 6, abandonedSupport: 10 });
    expect(home.supportDifference).toBeCloseTo(1 - 10 / 14, 14);

    // Ordered (gapped) patterns: product before cart, in 6 + 4 sessions.
    expect(byItems(report, ['product', 'cart'])!.support).toBe(10);
    expect(byItems(report, ['cart', 'product'])).toBeUndefined();
    // By support, most frequent first.
    const supports = report.patterns.map((p) => p.support);
    expect(supports).toEqual([...supports].sort((a, b) => b - a));
    expect(report.patterns[0]!.items).toEqual(['product']);
  });

  it('ranks the significant patterns by how much they separate the groups', () => {
    const report = exploreSessionPatterns(SESSIONS, { minSupport: { count: 4 } });
    expect(report.separating.length).toBeGreaterThan(0);
    expect(report.separating[0]!.supportDifference).toBe(1);
    expect(report.separating[0]!.items).toContain('checkout');
    for (const pattern of report.separating) expect(pattern.adjustedPValue).toBeLessThanOrEqual(0.05);
    const differences = report.separating.map((p) => Math.abs(p.supportDifference));
    expect(differences).toEqual([...differences].sort((a, b) => b - a));
    // ['home', 'product'] is in every converting and 10 of 14 abandoning sessions: not significant.
    expect(report.separating.some((p) => p.items.join('>') === 'home>product')).toBe(false);
  });

  it('mines only the vocabulary and respects maxLength', () => {
    const report = exploreSessionPatterns(SESSIONS, {
      minSupport: 0.2,
      vocabulary: ['home', 'search', 'product', 'cart'],
      maxLength: 2,
      alpha: 1,
    });
    expect(report.patterns.every((p) => !p.items.includes('checkout') && p.items.length <= 2)).toBe(true);
    // cart: all 6 converting and 4 of 14 abandoning sessions: difference 1 - 4/14.
    const cart = byItems(report, ['cart'])!;
    expect(cart.supportDifference).toBeCloseTo(1 - 4 / 14, 14);
    // Margins 10 / 6 of 20: P(6) = P(0) = C(10,6) / C(20,6) = 210 / 38,760, the two extremes.
    expect(cart.pValue).toBeCloseTo(420 / 38_760, 14);
    // home ... cart is in every converting session and in none of the abandoning ones (their
    // carts come without the home page): the strongest separator left.
    expect(report.separating[0]).toMatchObject({ items: ['home', 'cart'], supportDifference: 1 });
  });

  it('copes with no sessions and with sessions that all convert', () => {
    expect(exploreSessionPatterns([], { minSupport: 0.5 }).patterns).toEqual([]);
    const all = exploreSessionPatterns(sessions(3, { items: ['a', 'b'], converted: true }, 0), {
      minSupport: 1,
    });
    expect(all.patterns.every((p) => p.pValue === 1 && p.conversionRate === 1)).toBe(true);
    expect(all.separating).toEqual([]);
  });

  it('gives the same report for distinct sessions with their counts as for every session', () => {
    // Group SESSIONS by (items, converted), as the store hands them over.
    const groups = new Map<string, Session>();
    for (const session of SESSIONS) {
      const key = `${session.items.join('>')}|${session.converted}`;
      const seen = groups.get(key);
      groups.set(key, { ...session, sessionId: key, count: (seen?.count ?? 0) + 1 });
    }
    expect(groups.size).toBe(5);
    for (const options of [
      { minSupport: { count: 4 } },
      { minSupport: 0.1, maxLength: 2 },
      { minSupport: 0.3 },
    ]) {
      expect(exploreSessionPatterns([...groups.values()], options)).toEqual(
        exploreSessionPatterns(SESSIONS, options),
      );
    }
  });
});
