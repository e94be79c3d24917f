// Calendar periods of cohorts in UTC: days, ISO weeks (starting Monday) and calendar months, the
// same units the store truncates to (date_trunc), so cohort rows and offsets line up with it.

export type CohortPeriod = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;

/** Start of the day / ISO week / month containing `ms`. */
export function periodStart(ms: number, unit: CohortPeriod): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  if (unit === 'day') return day;
  if (unit === 'week') return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  const d = new Date(day);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** The start of the period `n` periods after the one starting at `start`. */
export function addPeriods(start: number, unit: CohortPeriod, n: number): number {
  if (unit === 'day') return start + n * DAY_MS;
  if (unit === 'week') return start + n * 7 * DAY_MS;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
}

/** Starts of every period that begins in or contains part of [startMs, endMs), oldest first. */
export function periodStarts(range: { startMs: number; endMs: number }, unit: CohortPeriod): number[] {
  const out: number[] = [];
  for (let at = periodStart(range.startMs, unit); at < range.endMs; at = addPeriods(at, unit, 1))
    out.push(at);
  return out;
}

/** '2026-03-14' for days, '2026-W11' for ISO weeks, '2026-03' for months. */
export function periodLabel(start: number, unit: CohortPeriod): string {
  const iso = new Date(start).toISOString();
  if (unit === 'day') return iso.slice(0, 10);
  if (unit === 'month') return iso.slice(0, 7);
  // ISO week-numbering year: the year of the week's Thursday.
  const thursday = new Date(periodStart(start, 'week') + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
