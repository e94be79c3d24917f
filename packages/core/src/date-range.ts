// Date ranges of queries: whole UTC days, both ends inclusive, as the dashboard and the CLI
// show them; turned into a half-open [start, end) interval of instants for the stores.

export interface DayRange {
  /** First day, YYYY-MM-DD (UTC). */
  from: string;
  /** Last day, YYYY-MM-DD (UTC), inclusive. */
  to: string;
}

export interface InstantRange {
  startMs: number;
  /** Exclusive. */
  endMs: number;
}

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(text: string): boolean {
  if (!DAY_PATTERN.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Resolves optional from/to days to a range; the default is the last 30 days up to `now`.
 * Throws a RangeError naming the bad value.
 *
 * @example resolveDayRange({ from: '2026-01-01', to: '2026-01-31' }, Date.now())
 */
export function resolveDayRange(
  input: { from?: string; to?: string },
  nowMs: number,
  defaultDays = 30,
): DayRange {
  for (const key of ['from', 'to'] as const) {
    const v = input[key];
    if (v !== undefined && !isDay(v)) throw new RangeError(`${key} must be a date YYYY-MM-DD, got "${v}"`);
  }
  const to = input.to ?? dayOf(nowMs);
  const from = input.from ?? dayOf(Date.parse(`${to}T00:00:00Z`) - (defaultDays - 1) * DAY_MS);
  if (from > to) throw new RangeError(`from (${from}) is after to (${to})`);
  return { from, to };
}

export function toInstantRange(range: DayRange): InstantRange {
  return {
    startMs: Date.parse(`${range.from}T00:00:00Z`),
    endMs: Date.parse(`${range.to}T00:00:00Z`) + DAY_MS,
  };
}

/** Every day of the range, in order (for charts that must show empty days too). */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  const { startMs, endMs } = toInstantRange(range);
  for (let t = startMs; t < endMs; t += DAY_MS) days.push(dayOf(t));
  return days;
}
