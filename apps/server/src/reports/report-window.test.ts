// Report windows relative to the run: whole UTC days, "last N days" ending yesterday, full weeks
// from Monday, full months including the year boundary.
import { describe, expect, it } from 'vitest';
import { isReportWindow, resolveReportWindow } from './report-window';

const on = (window: string, iso: string) => resolveReportWindow(window, Date.parse(iso));

describe('resolveReportWindow', () => {
  it('counts the last N whole days before today', () => {
    expect(on('last_7_days', '2026-03-10T06:00:00Z')).toEqual({ from: '2026-03-03', to: '2026-03-09' });
    expect(on('last_30_days', '2026-03-01T00:00:00Z')).toEqual({ from: '2026-01-30', to: '2026-02-28' });
    expect(on('yesterday', '2026-01-01T06:00:00Z')).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    expect(on('today', '2026-01-01T06:00:00Z')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });

  it('takes full weeks from Monday to Sunday', () => {
    // Tuesday 2026-03-10, Monday 2026-03-09, Sunday 2026-03-15.
    expect(on('last_full_week', '2026-03-10T06:00:00Z')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(on('last_full_week', '2026-03-09T06:00:00Z')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(on('last_full_week', '2026-03-15T23:00:00Z')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(on('week_to_date', '2026-03-15T23:00:00Z')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
  });

  it('takes full months and years, across the year boundary', () => {
    expect(on('last_full_month', '2026-03-31T06:00:00Z')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(on('last_full_month', '2026-01-01T06:00:00Z')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(on('month_to_date', '2026-03-01T06:00:00Z')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(on('last_full_year', '2026-03-10T06:00:00Z')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('refuses unknown windows', () => {
    expect(isReportWindow('last_14_days')).toBe(true);
    expect(isReportWindow('last_0_days')).toBe(false);
    expect(isReportWindow('last_week')).toBe(false);
    expect(() => on('last_week', '2026-03-10T06:00:00Z')).toThrow(/unknown window/);
  });
});
