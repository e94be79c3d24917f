// The Reports page's form as plain data (pure, so it is unit-tested): what the user picked, turned
// into the API's report body, with the problem to show when something is missing; and the words
// for a saved report's schedule and delivery in the list.
import type { AnalysisInfo, ReportDelivery, ReportInput, ReportSchedule } from '../../api/reports';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export interface ReportForm {
  name: string;
  analysis: string;
  window: string;
  segmentId: string | null;
  /** '' = the analysis' default (or the whole window, for KPIs). */
  period: string;
  periods: string;
  scheduleKind: 'none' | 'day' | 'week' | 'month' | 'cron';
  at: string;
  weekday: (typeof WEEKDAYS)[number];
  day: string;
  cron: string;
  deliveryKind: 'email' | 'file';
  recipients: string;
  dir: string;
  format: 'html' | 'csv';
}

export function initialReportForm(analysis = 'overview'): ReportForm {
  return {
    name: '',
    analysis,
    window: 'last_7_days',
    segmentId: null,
    period: '',
    periods: '',
    scheduleKind: 'week',
    at: '06:00',
    weekday: 'monday',
    day: '1',
    cron: '0 6 * * 1-5',
    deliveryKind: 'email',
    recipients: '',
    dir: 'reports',
    format: 'html',
  };
}

function scheduleOf(form: ReportForm): ReportSchedule | null {
  switch (form.scheduleKind) {
    case 'none':
      return null;
    case 'day':
      return { every: 'day', at: form.at };
    case 'week':
      return { every: 'week', weekday: form.weekday, at: form.at };
    case 'month':
      return { every: 'month', day: Number(form.day), at: form.at };
    case 'cron':
      return { cron: form.cron.trim() };
  }
}

/** The body for POST /v1/reports, or the first thing the user still has to fix. */
export function toReportInput(
  form: ReportForm,
  analysis: AnalysisInfo | undefined,
): { input: ReportInput } | { problem: string } {
  if (form.name.trim() === '') return { problem: 'Give the report a name.' };
  if (!analysis) return { problem: 'Pick an analysis.' };
  if (
    form.scheduleKind !== 'none' &&
    form.scheduleKind !== 'cron' &&
    !/^([01]\d|2[0-3]):[0-5]\d$/.test(form.at)
  )
    return { problem: 'The time is HH:MM (UTC).' };
  if (form.scheduleKind === 'month' && !/^([1-9]|[12]\d|3[01])$/.test(form.day))
    return { problem: 'The day of the month is 1 to 31.' };
  if (form.scheduleKind === 'cron' && form.cron.trim().split(/\s+/).length !== 5)
    return { problem: 'A cron expression has five fields: minute hour day-of-month month day-of-week.' };
  let delivery: ReportDelivery;
  if (form.deliveryKind === 'email') {
    const to = form.recipients
      .split(/[,;\s]+/)
      .map((a) => a.trim())
      .filter(Boolean);
    if (to.length === 0) return { problem: 'Add at least one e-mail address.' };
    delivery = { email: { to } };
  } else {
    if (form.dir.trim() === '') return { problem: 'Name the directory for the files.' };
    delivery = { file: { dir: form.dir.trim(), format: form.format } };
  }
  const periods = Number(form.periods);
  return {
    input: {
      name: form.name.trim(),
      analysis: analysis.id,
      params: {
        window: form.window,
        ...(analysis.params.segment && form.segmentId ? { segmentId: form.segmentId } : {}),
        ...(form.period && analysis.params.periods.includes(form.period) ? { period: form.period } : {}),
        ...(analysis.params.periodCount && Number.isInteger(periods) && periods > 0 ? { periods } : {}),
      },
      schedule: scheduleOf(form),
      delivery,
    },
  };
}

/** "every Monday at 06:00 UTC" */
export function describeSchedule(schedule: ReportSchedule | null): string {
  if (schedule === null) return 'On demand';
  if ('cron' in schedule) return `cron ${schedule.cron} (UTC)`;
  if (schedule.every === 'day') return `Daily at ${schedule.at} UTC`;
  if (schedule.every === 'week')
    return `Every ${schedule.weekday.charAt(0).toUpperCase()}${schedule.weekday.slice(1)} at ${schedule.at} UTC`;
  return `Monthly on day ${schedule.day} at ${schedule.at} UTC`;
}

export function describeDelivery(delivery: ReportDelivery): string {
  return 'email' in delivery
    ? `E-mail to ${delivery.email.to.join(', ')}`
    : `${delivery.file.format.toUpperCase()} files in ${delivery.file.dir}`;
}

/** "last_7_days" → "Last 7 days" */
export function windowLabel(window: string): string {
  const words = window.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
