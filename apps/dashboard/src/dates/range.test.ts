// Pins the UTC day arithmetic behind the date-range picker, where off-by-one days hide easily.
import { describe, expect, it } from 'vitest';
import { addDays, defaultRange, isValidDay, RANGE_PRESETS, rangeProblem, todayUtc } from './range';

const preset = (id: string, today: string) => RANGE_PRESETS.find((p) => p.id === id)?.range(today);

describe('date ranges', () => {
  it('defaults to the last 30 days including today', () => {
    expect(defaultRange('2026-11-22')).toEqual({ from: '2026-10-24', to: '2026-11-22' });
  });

  it('builds the presets as inclusive day counts', () => {
    expect(preset('7d', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(preset('90d', '2026-11-22')).toEqual({ from: '2026-08-25', to: '2026-11-22' });
    expect(preset('12m', '2026-11-22')).toEqual({ from: '2025-11-23', to: '2026-11-22' });
    expect(preset('12m', '2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(preset('all', '2026-11-22')).toEqual({ from: '2000-01-01', to: '2026-11-22' });
  });

  it('takes today in UTC, not local time', () => {
    expect(todayUtc(new Date('2026-11-22T23:30:00-05:00'))).toBe('2026-11-23');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('rejects impossible days and inverted ranges', () => {
    expect(isValidDay('2026-02-30')).toBe(false);
    expect(isValidDay('')).toBe(false);
    expect(rangeProblem({ from: '2026-02-02', to: '2026-02-01' })).not.toBeNull();
    expect(rangeProblem({ from: '2026-02-01', to: '2026-02-01' })).toBeNull();
  });
});
