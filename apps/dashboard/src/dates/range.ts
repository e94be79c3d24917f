// Date ranges as the API understands them: inclusive calendar days in UTC, written YYYY-MM-DD.
// Working on UTC strings avoids the off-by-one days that local-time Date math causes near midnight.

export interface DateRange {
  from: string;
  to: string;
}

export interface RangePreset {
  id: string;
  label: string;
  range: (today: string) => DateRange;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const ALL_TIME_START = '2000-01-01';

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function parseDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function isValidDay(day: string): boolean {
  return (
    ISO_DAY.test(day) && !Number.isNaN(parseDay(day)) && new Date(parseDay(day)).toISOString().startsWith(day)
  );
}

export function addDays(day: string, days: number): string {
  return new Date(parseDay(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Same calendar day `years` later, clamped to the month's end (29 Feb minus a year is 28 Feb, not 1 Mar). */
function addYears(day: string, years: number): string {
  const date = new Date(parseDay(day));
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfMonth))).toISOString().slice(0, 10);
}

/** The last `days` days including today, so "7d" is a full week and not eight days. */
function lastDays(days: number): (today: string) => DateRange {
  return (today) => ({ from: addDays(today, -(days - 1)), to: today });
}

export const RANGE_PRESETS: readonly RangePreset[] = [
  { id: '7d', label: '7d', range: lastDays(7) },
  { id: '30d', label: '30d', range: lastDays(30) },
  { id: '90d', label: '90d', range: lastDays(90) },
  { id: '12m', label: '12 months', range: (today) => ({ from: addDays(addYears(today, -1), 1), to: today }) },
  { id: 'all', label: 'All time', range: (today) => ({ from: ALL_TIME_START, to: today }) },
];

export function defaultRange(today: string = todayUtc()): DateRange {
  return lastDays(30)(today);
}

/** Returns why a range cannot be queried, or null when it can. */
export function rangeProblem(range: DateRange): string | null {
  if (!isValidDay(range.from) || !isValidDay(range.to)) return 'Pick both a start and an end date.';
  if (range.from > range.to) return 'The start date must be on or before the end date.';
  return null;
}

export function sameRange(a: DateRange, b: DateRange): boolean {
  return a.from === b.from && a.to === b.to;
}
