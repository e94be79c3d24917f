import { describe, expect, it } from 'vitest';
import { addPeriods, periodLabel, periodStart, periodStarts } from './cohort-periods';
import { retentionMatrix } from './retention-matrix';

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const range = { startMs: ms('2025-12-01'), endMs: ms('2026-04-01') };
// Monthly first-order cohorts of a small shop (the counts of the storage test's fixture).
const figures = {
  period: 'month' as const,
  periods: 4,
  cohorts: [
    { startMs: ms('2025-12-01'), size: 2, active: [2, 1, 0, 1] },
    { startMs: ms('2026-01-01'), size: 1, active: [1, 1, 0, 0] },
    { startMs: ms('2026-03-01'), size: 1, active: [1, 0, 0, 0] },
  ],
};
const options = { cohortBy: 'first_order' as const, activity: 'order' as const, range };

describe('retentionMatrix', () => {
  it('turns counts into rates, fills empty cohorts and leaves future periods empty', () => {
    const m = retentionMatrix(figures, { ...options, asOfMs: ms('2026-03-20') });
    expect(m.cohorts.map((r) => [r.cohort, r.size, ...r.rates])).toEqual([
      ['2025-12', 2, 100, 50, 0, 50],
      ['2026-01', 1, 100, 100, 0, null],
      ['2026-02', 0, null, null, null, null],
      ['2026-03', 1, 100, null, null, null],
    ]);
    expect(m.cohorts[1]!.active).toEqual([1, 1, 0, null]);
    // Offset 1: (1 + 1) / (2 + 1); offset 3: only December is observed.
    expect(m.average).toEqual([100, 66.67, 0, 50]);
    expect(m.definition).toContain('first order');
  });

  it('labels days, ISO weeks and months', () => {
    expect(periodLabel(ms('2026-03-14'), 'day')).toBe('2026-03-14');
    expect(periodLabel(ms('2026-03-09'), 'week')).toBe('2026-W11');
    // 2027-01-01 is a Friday: its week is the last of 2026.
    expect(periodLabel(periodStart(ms('2027-01-01'), 'week'), 'week')).toBe('2026-W53');
    expect(periodLabel(ms('2026-03-01'), 'month')).toBe('2026-03');
  });

  it('steps weeks from Monday and months across years', () => {
    expect(new Date(periodStart(ms('2026-03-15'), 'week')).toISOString().slice(0, 10)).toBe('2026-03-09');
    expect(new Date(addPeriods(ms('2025-11-01'), 'month', 3)).toISOString().slice(0, 10)).toBe('2026-02-01');
    expect(periodStarts({ startMs: ms('2026-01-07'), endMs: ms('2026-01-20') }, 'week').length).toBe(3);
  });
});
