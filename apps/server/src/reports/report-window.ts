// Date windows of saved reports, relative to the moment a report runs (pure): a saved report
// says "the last 7 days" or "last full month", never fixed dates, so every delivery covers the
// latest data. Whole UTC days, both ends inclusive (as DayRange everywhere else). "Last N days"
// are the N whole days before today: a report sent at 06:00 should not show a sixth of a day.
import type { DayRange } from '@centric/core';

const DAY_MS = 86_400_000;

export const DEFAULT_REPORT_WINDOW = 'last_30_days';
export const NAMED_REPORT_WINDOWS = [
  'yesterday',
  'today',
  'last_7_days',
  'last_30_days',
  'last_90_days',
  'last_365_days',
  'week_to_date',
  'month_to_date',
  'last_full_week',
  'last_full_month',
  'last_full_year',
] as const;

const LAST_DAYS = /^last_([1-9]\d{0,2})_days$/;

export function isReportWindow(window: string): boolean {
  return (NAMED_REPORT_WINDOWS as readonly string[]).includes(window) || LAST_DAYS.test(window);
}

/**
 * The days a window covers for a run at `nowMs`. Throws a RangeError for an unknown window.
 *
 * @example resolveReportWindow('last_full_month', Date.parse('2026-03-10T06:00Z')) // { from: '2026-02-01', to: '2026-02-28' }
 */
export function resolveReportWindow(window: string, nowMs: number): DayRange {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const d = new Date(today);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  // Days since Monday (getUTCDay counts from Sunday = 0).
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  const range = (from: number, to: number): DayRange => ({ from: dayText(from), to: dayText(to) });
  const lastDays = LAST_DAYS.exec(window);
  if (lastDays) return range(today - Number(lastDays[1]) * DAY_MS, today - DAY_MS);
  switch (window) {
    case 'yesterday':
      return range(today - DAY_MS, today - DAY_MS);
    case 'today':
      return range(today, today);
    case 'week_to_date':
      return range(today - sinceMonday * DAY_MS, today);
    case 'month_to_date':
      return range(Date.UTC(year, month, 1), today);
    case 'last_full_week':
      return range(today - (sinceMonday + 7) * DAY_MS, today - (sinceMonday + 1) * DAY_MS);
    case 'last_full_month':
      return range(Date.UTC(year, month - 1, 1), Date.UTC(year, month, 0));
    case 'last_full_year':
      return range(Date.UTC(year - 1, 0, 1), Date.UTC(year - 1, 11, 31));
    default:
      throw new RangeError(
        `unknown window "${window}"; use last_N_days or one of ${NAMED_REPORT_WINDOWS.join(', ')}`,
      );
  }
}

function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
