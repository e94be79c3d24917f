// `centric report` as a user runs it: a child process on its own store (local client) and
// through a running server (remote client); and the schedule and delivery flags it reads.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@centric/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryFromFlags, scheduleFromFlags } from './commands/report.command';
import { type CliResult, runCentric } from './test-support/run-centric';

const tmp = mkdtempSync(join(tmpdir(), 'centric-cli-reports-'));
let server: TestServer;

async function centric(args: string[]): Promise<CliResult> {
  return runCentric([...args], { CENTRIC_SMTP_URL: '' });
}

beforeAll(async () => {
  server = await startTestServer({ CENTRIC_REPORT_CHECK_SECONDS: '3600' });
});
afterAll(async () => {
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('report flags', () => {
  it('reads one schedule or none', () => {
    expect(scheduleFromFlags({ weekly: 'Mon@06:00' })).toEqual({
      every: 'week',
      weekday: 'monday',
      at: '06:00',
    });
    expect(scheduleFromFlags({ monthly: '31@07:30' })).toEqual({ every: 'month', day: 31, at: '07:30' });
    expect(scheduleFromFlags({ cron: '0 6 * * 1-5' })).toEqual({ cron: '0 6 * * 1-5' });
    expect(scheduleFromFlags({})).toBeNull();
    expect(() => scheduleFromFlags({ daily: '06:00', cron: '* * * * *' })).toThrow(/one schedule/);
    expect(() => scheduleFromFlags({ weekly: 'someday@06:00' })).toThrow(/WEEKDAY@HH:MM/);
  });

  it('reads one delivery', () => {
    expect(deliveryFromFlags({ email: 'a@shop.example, b@shop.example' })).toEqual({
      email: { to: ['a@shop.example', 'b@shop.example'] },
    });
    expect(deliveryFromFlags({ file: 'weekly', fileFormat: 'csv' })).toEqual({
      file: { dir: 'weekly', format: 'csv' },
    });
    expect(() => deliveryFromFlags({})).toThrow(/one of them/);
    expect(() => deliveryFromFlags({ file: 'x', fileFormat: 'pdf' })).toThrow(/html or csv/);
  });
});

describe('centric report', () => {
  it('creates, lists, runs and sends a report on its own store', async () => {
    const data = join(tmp, 'local');
    const created = await centric([
      '--data',
      data,
      'report',
      'create',
      'Daily overview',
      '--analysis',
      'overview',
      '--window',
      'last_7_days',
      '--daily',
      '06:00',
      '--file',
      'daily',
      '--file-format',
      'csv',
      '--json',
    ]);
    expect(created.stderr).toBe('');
    const saved = JSON.parse(created.stdout) as { reportId: string; nextRunAt: string };
    expect(saved.nextRunAt).toMatch(/T06:00:00.000Z$/);

    const csv = await centric(['--data', data, 'report', 'run', saved.reportId, '--format', 'csv']);
    expect(csv.stdout.split('\r\n').slice(0, 2)).toEqual(['KPI,Value', 'Events,0']);
    const sent = await centric(['--data', data, 'report', 'send', saved.reportId, '--json']);
    const files = (JSON.parse(sent.stdout) as { files: string[] }).files;
    expect(files).toHaveLength(2);
    expect(files[0]?.startsWith(join(data, 'reports', 'daily'))).toBe(true);
    expect(existsSync(files[0]!)).toBe(true);

    const listed = await centric(['--data', data, 'report', 'list']);
    expect(listed.stdout).toContain(`${saved.reportId}  Daily overview`);
    expect(listed.stdout).toContain('daily at 06:00 UTC, csv files in daily');
    const bad = await centric([
      '--data',
      data,
      'report',
      'create',
      'x',
      '--analysis',
      'nope',
      '--email',
      'a@b.c',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown analysis "nope"/);
  });

  it('goes through a running server', async () => {
    const created = await centric([
      '--data',
      server.dataDir,
      'report',
      'create',
      'KPIs',
      '--analysis',
      'customer_kpis',
      '--period',
      'month',
      '--weekly',
      'friday@16:00',
      '--email',
      'cx@shop.example',
    ]);
    expect(created.stdout).toMatch(/^created rep_\S+ "KPIs": every Friday at 16:00 UTC, next /);
    const id = /created (rep_\S+)/.exec(created.stdout)?.[1] ?? '';
    expect((await server.service.store.reports.get(server.project.id, id))?.analysis).toBe('customer_kpis');
    const out = join(tmp, 'kpis.html');
    const html = await centric([
      '--data',
      server.dataDir,
      'report',
      'run',
      id,
      '--format',
      'html',
      '--out',
      out,
    ]);
    expect(html.stdout.trim()).toBe(`wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});
