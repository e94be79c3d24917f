import { describe, expect, it } from 'vitest';
import { compareRetention } from './cohort-comparison';
import { retentionMatrix } from './retention-matrix';

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const options = {
  cohortBy: 'first_order' as const,
  activity: 'order' as const,
  range: { startMs: ms('2026-01-01'), endMs: ms('2026-03-01') },
  asOfMs: ms('2026-02-10'),
};
const all = retentionMatrix(
  {
    period: 'month',
    periods: 3,
    cohorts: [
      { startMs: ms('2026-01-01'), size: 10, active: [10, 4, 0] },
      { startMs: ms('2026-02-01'), size: 8, active: [8, 0, 0] },
    ],
  },
  options,
);
const vip = retentionMatrix(
  { period: 'month', periods: 3, cohorts: [{ startMs: ms('2026-01-01'), size: 4, active: [4, 3, 0] }] },
  options,
);

describe('compareRetention', () => {
  it('puts two matrices side by side with the difference in percentage points', () => {
    const c = compareRetention(all, vip, { a: 'all customers', b: 'segment vip' });
    expect(c.cohorts.map((r) => [r.cohort, r.sizeA, r.sizeB, r.ratesA, r.ratesB, r.difference])).toEqual([
      ['2026-01', 10, 4, [100, 40, null], [100, 75, null], [0, 35, null]],
      ['2026-02', 8, 0, [100, null, null], [null, null, null], [null, null, null]],
    ]);
    // Offset 1 over the observed January cohorts only: 4/10 against 3/4.
    expect(c.average).toEqual({ a: [100, 40, null], b: [100, 75, null], difference: [0, 35, null] });
    expect(c.definition).toContain('segment vip − all customers');
  });

  it('refuses matrices that are not comparable', () => {
    const weekly = { ...vip, period: 'week' as const };
    expect(() => compareRetention(all, weekly, { a: 'a', b: 'b' })).toThrow(/same period/);
  });
});
