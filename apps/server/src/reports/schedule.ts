// Schedule maths of scheduled reports (pure): when a schedule next fires after an instant, in
// UTC. Schedules are daily, weekly on a weekday, monthly on a day (a day past a month's end runs
// on its last day, so "the 31st" still runs in February), or a small cron subset: five fields
// (minute hour day-of-month month day-of-week), each *, a number, a list, a range or a step.
// As in cron, when both day fields are restricted a day matching either one fires.
import { REPORT_WEEKDAYS, type ReportSchedule } from '@centric/contracts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Long enough for the rarest valid cron (29 February, which can skip 8 years around 2100). */
const CRON_HORIZON_DAYS = 366 * 8 + 2;

export interface CronSpec {
  minutes: number[];
  hours: number[];
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday ... 6 = Saturday (7 is read as Sunday). */
  weekdays: ReadonlySet<number>;
  dayOfMonthRestricted: boolean;
  weekdayRestricted: boolean;
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

/** Parses a cron expression of the subset; throws a RangeError naming the bad field. */
export function parseCron(expression: string): CronSpec {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5)
    throw new RangeError(
      `a cron expression has 5 fields (minute hour day-of-month month day-of-week), got "${expression}"`,
    );
  const values = parts.map((part, i) => parseField(part, FIELDS[i]!));
  const weekdays = new Set(values[4]!.map((d) => d % 7));
  return {
    minutes: values[0]!,
    hours: values[1]!,
    daysOfMonth: new Set(values[2]),
    months: new Set(values[3]),
    weekdays,
    dayOfMonthRestricted: parts[2] !== '*',
    weekdayRestricted: parts[4] !== '*',
  };
}

function parseField(text: string, field: (typeof FIELDS)[number]): number[] {
  const out = new Set<number>();
  for (const item of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new RangeError(`cron ${field.name} field "${text}" is not *, n, a-b, a,b or */n`);
    const [, , from, to, step] = match;
    const start = from === undefined ? field.min : Number(from);
    const end = from === undefined ? field.max : to === undefined ? (step ? field.max : start) : Number(to);
    const by = step === undefined ? 1 : Number(step);
    if (start < field.min || end > field.max || start > end || by < 1)
      throw new RangeError(`cron ${field.name} field "${text}" is outside ${field.min}-${field.max}`);
    for (let v = start; v <= end; v += by) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

function minutesOf(at: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new RangeError(`a time is HH:MM (UTC), got "${at}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Throws a RangeError saying what is wrong with a schedule (including one that never fires). */
export function validateSchedule(schedule: ReportSchedule): void {
  nextRunAfter(schedule, Date.UTC(2000, 0, 1));
}

/**
 * The first instant (ms, UTC) strictly after `afterMs` at which the schedule fires.
 *
 * @example nextRunAfter({ every: 'month', day: 31, at: '06:00' }, Date.parse('2026-02-01T00:00Z')) // 2026-02-28T06:00Z
 */
export function nextRunAfter(schedule: ReportSchedule, afterMs: number): number {
  if ('cron' in schedule) return nextCronRun(parseCron(schedule.cron), afterMs);
  const time = minutesOf(schedule.at) * MINUTE_MS;
  const today = Math.floor(afterMs / DAY_MS) * DAY_MS;
  if (schedule.every === 'day') {
    const candidate = today + time;
    return candidate > afterMs ? candidate : candidate + DAY_MS;
  }
  if (schedule.every === 'week') {
    const index = REPORT_WEEKDAYS.indexOf(schedule.weekday);
    if (index < 0) throw new RangeError(`a weekday is one of ${REPORT_WEEKDAYS.join(', ')}`);
    // getUTCDay counts from Sunday = 0; the list starts on Monday.
    const target = (index + 1) % 7;
    const ahead = (target - new Date(today).getUTCDay() + 7) % 7;
    const candidate = today + ahead * DAY_MS + time;
    return candidate > afterMs ? candidate : candidate + 7 * DAY_MS;
  }
  if (!Number.isInteger(schedule.day) || schedule.day < 1 || schedule.day > 31)
    throw new RangeError(`a day of the month is 1..31, got ${schedule.day}`);
  const start = new Date(afterMs);
  // This month's slot, else next month's: two tries always suffice.
  for (let k = 0; k < 2; k++) {
    const year = start.getUTCFullYear();
    const month = start.getUTCMonth() + k;
    const day = Math.min(schedule.day, daysInMonth(year, month));
    const candidate = Date.UTC(year, month, day) + time;
    if (candidate > afterMs) return candidate;
  }
  throw new Error('unreachable: a monthly slot always comes within two months');
}

/** Days in a month; `month` may run past 11 (Date.UTC rolls it over to the next year). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function nextCronRun(spec: CronSpec, afterMs: number): number {
  const firstDay = Math.floor(afterMs / DAY_MS) * DAY_MS;
  for (let d = 0; d <= CRON_HORIZON_DAYS; d++) {
    const dayStart = firstDay + d * DAY_MS;
    if (!cronDayMatches(spec, new Date(dayStart))) continue;
    for (const hour of spec.hours)
      for (const minute of spec.minutes) {
        const candidate = dayStart + (hour * 60 + minute) * MINUTE_MS;
        if (candidate > afterMs) return candidate;
      }
  }
  throw new RangeError('this cron expression never fires (no such date)');
}

function cronDayMatches(spec: CronSpec, day: Date): boolean {
  if (!spec.months.has(day.getUTCMonth() + 1)) return false;
  const byDate = spec.daysOfMonth.has(day.getUTCDate());
  const byWeekday = spec.weekdays.has(day.getUTCDay());
  if (spec.dayOfMonthRestricted && spec.weekdayRestricted) return byDate || byWeekday;
  return byDate && byWeekday;
}

/** The schedule in words, for lists and e-mail footers. */
export function describeSchedule(schedule: ReportSchedule | null): string {
  if (schedule === null) return 'on demand';
  if ('cron' in schedule) return `cron "${schedule.cron}" (UTC)`;
  if (schedule.every === 'day') return `daily at ${schedule.at} UTC`;
  if (schedule.every === 'week')
    return `every ${schedule.weekday[0]!.toUpperCase()}${schedule.weekday.slice(1)} at ${schedule.at} UTC`;
  const last = schedule.day >= 29 ? ' (or the month’s last day)' : '';
  return `monthly on day ${schedule.day}${last} at ${schedule.at} UTC`;
}
