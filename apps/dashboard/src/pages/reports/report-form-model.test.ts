// The Reports form turned into the API's body: only the parameters the analysis takes, each kind
// of schedule and delivery, and the problem shown for what is missing.
import { describe, expect, it } from 'vitest';
import type { AnalysisInfo } from '../../api/reports';
import {
  describeDelivery,
  describeSchedule,
  initialReportForm,
  toReportInput,
  windowLabel,
} from './report-form-model';

const kpis: AnalysisInfo = {
  id: 'customer_kpis',
  title: 'Customer KPIs',
  description: '',
  params: { segment: true, periods: ['week', 'month'], periodCount: false },
};
const overview: AnalysisInfo = {
  id: 'overview',
  title: 'Overview',
  description: '',
  params: { segment: false, periods: [], periodCount: false },
};

describe('toReportInput', () => {
  it('builds a weekly e-mail report with the parameters the analysis takes', () => {
    const form = {
      ...initialReportForm('customer_kpis'),
      name: ' Weekly KPIs ',
      segmentId: 'seg_1',
      period: 'week',
      periods: '6',
      recipients: 'cx@shop.example; ceo@shop.example',
    };
    expect(toReportInput(form, kpis)).toEqual({
      input: {
        name: 'Weekly KPIs',
        analysis: 'customer_kpis',
        params: { window: 'last_7_days', segmentId: 'seg_1', period: 'week' },
        schedule: { every: 'week', weekday: 'monday', at: '06:00' },
        delivery: { email: { to: ['cx@shop.example', 'ceo@shop.example'] } },
      },
    });
    // The overview takes no segment nor period: they are left out.
    const result = toReportInput({ ...form, analysis: 'overview' }, overview);
    expect('input' in result && result.input.params).toEqual({ window: 'last_7_days' });
  });

  it('builds monthly, cron and on-demand schedules and file deliveries', () => {
    const base = {
      ...initialReportForm(),
      name: 'R',
      deliveryKind: 'file' as const,
      dir: 'monthly',
      format: 'csv' as const,
    };
    const monthly = toReportInput({ ...base, scheduleKind: 'month', day: '31', at: '07:15' }, overview);
    expect('input' in monthly && monthly.input.schedule).toEqual({ every: 'month', day: 31, at: '07:15' });
    expect('input' in monthly && monthly.input.delivery).toEqual({ file: { dir: 'monthly', format: 'csv' } });
    const cron = toReportInput({ ...base, scheduleKind: 'cron', cron: ' 0 6 * * 1-5 ' }, overview);
    expect('input' in cron && cron.input.schedule).toEqual({ cron: '0 6 * * 1-5' });
    const none = toReportInput({ ...base, scheduleKind: 'none' }, overview);
    expect('input' in none && none.input.schedule).toBeNull();
  });

  it('says what is missing', () => {
    const base = { ...initialReportForm(), name: 'R', recipients: 'a@b.c' };
    expect(toReportInput({ ...base, name: ' ' }, overview)).toEqual({ problem: 'Give the report a name.' });
    expect(toReportInput(base, undefined)).toEqual({ problem: 'Pick an analysis.' });
    expect(toReportInput({ ...base, at: '6:00' }, overview)).toEqual({ problem: 'The time is HH:MM (UTC).' });
    expect(toReportInput({ ...base, scheduleKind: 'month', day: '32' }, overview)).toHaveProperty('problem');
    expect(toReportInput({ ...base, scheduleKind: 'cron', cron: '0 6 *' }, overview)).toHaveProperty(
      'problem',
    );
    expect(toReportInput({ ...base, recipients: ' ' }, overview)).toEqual({
      problem: 'Add at least one e-mail address.',
    });
  });
});

describe('words', () => {
  it('describes schedules, deliveries and windows', () => {
    expect(describeSchedule({ every: 'week', weekday: 'friday', at: '16:00' })).toBe(
      'Every Friday at 16:00 UTC',
    );
    expect(describeSchedule(null)).toBe('On demand');
    expect(describeDelivery({ file: { dir: 'x', format: 'csv' } })).toBe('CSV files in x');
    expect(windowLabel('last_full_month')).toBe('Last full month');
  });
});
