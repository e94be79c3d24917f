// Schedule maths: the next run of daily, weekly, monthly (month ends included) and cron
// schedules, always strictly after the given instant, in UTC.
import { describe, expect, it } from 'vitest';
import { describeSchedule, nextRunAfter, parseCron, validateSchedule } from './schedule';

const at = (iso: string) => Date.parse(iso);
const next = (schedule: Parameters<typeof nextRunAfter>[0], after: string) =>
  new Date(nextRunAfter(schedule, at(after))).toISOString();

describe('daily and weekly schedules', () => {
  it('runs later the same day, or tomorrow once the time has come', () => {
    const daily = { every: 'day', at: '06:30' } as const;
    expect(next(daily, '2026-03-10T05:00:00Z')).toBe('2026-03-10T06:30:00.000Z');
    // Exactly at the slot: that slot is the one just run, so the next is tomorrow.
    expect(next(daily, '2026-03-10T06:30:00Z')).toBe('2026-03-11T06:30:00.000Z');
    expect(next(daily, '2026-12-31T23:59:00Z')).toBe('2027-01-01T06:30:00.000Z');
  });

  it('runs on the weekday, this week or the next', () => {
    const monday = { every: 'week', weekday: 'monday', at: '07:00' } as const;
    // 2026-03-09 is a Monday.
    expect(next(monday, '2026-03-09T06:59:00Z')).toBe('2026-03-09T07:00:00.000Z');
    expect(next(monday, '2026-03-09T07:00:00Z')).toBe('2026-03-16T07:00:00.000Z');
    expect(next(monday, '2026-03-15T23:00:00Z')).toBe('2026-03-16T07:00:00.000Z');
    const sunday = { every: 'week', weekday: 'sunday', at: '00:00' } as const;
    expect(next(sunday, '2026-03-09T00:00:00Z')).toBe('2026-03-15T00:00:00.000Z');
  });
});

describe('monthly schedules', () => {
  const day = (d: number) => ({ every: 'month', day: d, at: '06:00' }) as const;

  it('runs on the day, or on the last day of a shorter month', () => {
    expect(next(day(31), '2026-01-31T06:00:00Z')).toBe('2026-02-28T06:00:00.000Z');
    expect(next(day(31), '2026-02-28T06:00:00Z')).toBe('2026-03-31T06:00:00.000Z');
    expect(next(day(31), '2026-04-01T00:00:00Z')).toBe('2026-04-30T06:00:00.000Z');
    expect(next(day(30), '2028-02-01T00:00:00Z')).toBe('2028-02-29T06:00:00.000Z');
    expect(next(day(29), '2027-02-01T00:00:00Z')).toBe('2027-02-28T06:00:00.000Z');
  });

  it('rolls over into the next year and keeps early days', () => {
    expect(next(day(1), '2026-12-01T06:00:00Z')).toBe('2027-01-01T06:00:00.000Z');
    expect(next(day(15), '2026-12-20T00:00:00Z')).toBe('2027-01-15T06:00:00.000Z');
    expect(next(day(1), '2026-03-01T05:59:59Z')).toBe('2026-03-01T06:00:00.000Z');
  });
});

describe('cron subset', () => {
  const cron = (expression: string) => ({ cron: expression });

  it('steps, ranges and lists', () => {
    expect(next(cron('*/15 * * * *'), '2026-03-10T10:07:00Z')).toBe('2026-03-10T10:15:00.000Z');
    expect(next(cron('*/15 * * * *'), '2026-03-10T23:50:00Z')).toBe('2026-03-11T00:00:00.000Z');
    // Weekdays at 06:30: from Friday evening to Monday.
    expect(next(cron('30 6 * * 1-5'), '2026-03-13T07:00:00Z')).toBe('2026-03-16T06:30:00.000Z');
    expect(next(cron('0 8,17 * * *'), '2026-03-10T09:00:00Z')).toBe('2026-03-10T17:00:00.000Z');
    expect(next(cron('0 0 1 1,7 *'), '2026-03-10T00:00:00Z')).toBe('2026-07-01T00:00:00.000Z');
  });

  it('reads 7 as Sunday and ORs the day fields when both are restricted', () => {
    expect(next(cron('0 9 * * 7'), '2026-03-10T00:00:00Z')).toBe('2026-03-15T09:00:00.000Z');
    // The 13th or any Friday: Friday 2026-03-13 is both; after it, the next Friday comes first.
    expect(next(cron('0 12 13 * 5'), '2026-03-13T13:00:00Z')).toBe('2026-03-20T12:00:00.000Z');
    expect(next(cron('0 12 13 * 5'), '2026-04-11T13:00:00Z')).toBe('2026-04-13T12:00:00.000Z');
  });

  it('finds 29 February years ahead and refuses dates that never come', () => {
    expect(next(cron('0 0 29 2 *'), '2026-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(() => validateSchedule(cron('0 0 31 2 *'))).toThrow(/never fires/);
  });

  it('names the field that is wrong', () => {
    expect(() => parseCron('61 * * * *')).toThrow(/minute/);
    expect(() => parseCron('0 6 * *')).toThrow(/5 fields/);
    expect(() => parseCron('0 6 L * *')).toThrow(/day of month/);
    expect(() => parseCron('0 6 * 0 *')).toThrow(/month/);
    expect(() => validateSchedule({ every: 'day', at: '24:00' })).toThrow(/HH:MM/);
  });
});

describe('describeSchedule', () => {
  it('says the schedule in words', () => {
    expect(describeSchedule(null)).toBe('on demand');
    expect(describeSchedule({ every: 'week', weekday: 'friday', at: '16:00' })).toBe(
      'every Friday at 16:00 UTC',
    );
    expect(describeSchedule({ every: 'month', day: 31, at: '06:00' })).toMatch(/last day/);
  });
});
