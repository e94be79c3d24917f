// The report store on a real DuckDB file: saved definitions round-trip as JSON, due reports
// come from every project, and a slot is claimed by exactly one caller.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDefinition } from '../report-store';
import { DuckDbDatabase } from './duckdb-database';
import { DuckDbReportStore } from './duckdb-report-store';

const dir = mkdtempSync(join(tmpdir(), 'centric-reports-'));
let db: DuckDbDatabase;
let reports: DuckDbReportStore;
const T0 = Date.parse('2026-03-02T06:00:00Z');
const DAY = 86_400_000;

const weekly: ReportDefinition = {
  name: 'Weekly KPIs',
  analysis: 'customer_kpis',
  params: { window: 'last_full_week', period: 'week', extra: { nested: [1, 'two'] } },
  schedule: { every: 'week', weekday: 'monday', at: '06:00' },
  delivery: { email: { to: ['cx@shop.example'] } },
};

beforeAll(async () => {
  db = await DuckDbDatabase.open({ file: join(dir, 'reports.duckdb') });
  reports = new DuckDbReportStore(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('DuckDbReportStore', () => {
  it('saves, lists, updates and removes a report; JSON and nulls round-trip', async () => {
    const saved = await reports.create('prj_a', { ...weekly, nextRunAt: T0, at: T0 - DAY });
    expect(saved).toMatchObject({ ...weekly, projectId: 'prj_a', nextRunAt: T0, createdAt: T0 - DAY });
    expect(saved).toMatchObject({ lastRunAt: null, lastSlotAt: null, lastError: null });
    const manual = await reports.create('prj_a', {
      ...weekly,
      name: 'On demand',
      schedule: null,
      delivery: { file: { dir: 'weekly', format: 'csv' } },
      nextRunAt: null,
      at: T0,
    });
    expect(manual.schedule).toBeNull();
    expect(manual.nextRunAt).toBeNull();
    expect((await reports.list('prj_a')).map((r) => r.name)).toEqual(['Weekly KPIs', 'On demand']);
    expect(await reports.list('prj_b')).toEqual([]);

    const renamed = await reports.update('prj_a', manual.reportId, { name: 'Renamed', at: T0 + 1 });
    expect(renamed).toMatchObject({ name: 'Renamed', schedule: null, updatedAt: T0 + 1, nextRunAt: null });
    const scheduled = await reports.update('prj_a', manual.reportId, {
      schedule: { every: 'day', at: '07:30' },
      nextRunAt: T0 + 90 * 60_000,
    });
    expect(scheduled?.schedule).toEqual({ every: 'day', at: '07:30' });
    expect(await reports.update('prj_b', manual.reportId, { name: 'x' })).toBeNull();
    expect(await reports.remove('prj_a', manual.reportId)).toBe(true);
    expect(await reports.remove('prj_a', manual.reportId)).toBe(false);
    expect(await reports.get('prj_a', manual.reportId)).toBeNull();
  });

  it('answers due reports of every project and lets exactly one caller claim a slot', async () => {
    const a = await reports.create('prj_c', { ...weekly, nextRunAt: T0 + DAY });
    const b = await reports.create('prj_d', { ...weekly, nextRunAt: T0 + DAY + 60_000 });
    const due = await reports.due({ now: T0 + DAY + 60_000, limit: 10 });
    const ids = due.map((r) => r.reportId);
    expect(ids).toEqual(expect.arrayContaining([a.reportId, b.reportId]));
    expect(ids.indexOf(a.reportId)).toBeLessThan(ids.indexOf(b.reportId));
    expect((await reports.due({ now: T0 + DAY - 1, limit: 10 })).map((r) => r.reportId)).not.toContain(
      a.reportId,
    );

    const claim = { slotAt: T0 + DAY, nextRunAt: T0 + 8 * DAY };
    const outcomes = await Promise.all([
      reports.claimRun('prj_c', a.reportId, claim),
      reports.claimRun('prj_c', a.reportId, claim),
      reports.claimRun('prj_c', a.reportId, claim),
    ]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await reports.claimRun('prj_c', a.reportId, claim)).toBe(false);
    const after = await reports.get('prj_c', a.reportId);
    expect(after).toMatchObject({ lastSlotAt: T0 + DAY, nextRunAt: T0 + 8 * DAY });

    await reports.recordRun('prj_c', a.reportId, { at: T0 + DAY + 5000, error: 'SMTP refused' });
    expect(await reports.get('prj_c', a.reportId)).toMatchObject({
      lastRunAt: T0 + DAY + 5000,
      lastError: 'SMTP refused',
    });
    await reports.recordRun('prj_c', a.reportId, { at: T0 + DAY + 9000, error: null });
    expect((await reports.get('prj_c', a.reportId))?.lastError).toBeNull();
  });
});
