// The scheduler with an injected clock on a real server's store: a due report runs once for
// its slot (not again on the next tick, nor from a second scheduler as after a restart or on
// another server), a long pause catches up one run (not one per missed slot), failures are
// recorded and do not stop the schedule, and e-mail goes through a real SMTP server.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportInput } from '@centric/contracts';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSettings } from '../config';
import { seedReportShop } from '../test-support/report-fixture';
import { type SmtpCapture, startSmtpCapture } from '../test-support/smtp-capture';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { createReportScheduler } from './report-scheduler';
import { ReportService } from './report-service';

const DAY_MS = 86_400_000;
let server: TestServer;
let smtp: SmtpCapture;
let settings: ReportSettings;
let clock = Date.now();
const now = () => clock;

beforeAll(async () => {
  smtp = await startSmtpCapture({ user: 'sched', pass: 'secret' });
  // The server's own scheduler ticks hourly: the tests drive theirs with the fake clock.
  server = await startTestServer({ CENTRIC_REPORT_CHECK_SECONDS: '3600' });
  settings = {
    smtpUrl: smtp.url,
    mailFrom: 'Centric <reports@shop.example>',
    filesDir: join(server.dataDir, 'reports'),
    checkIntervalMs: 3_600_000,
    fontFile: '',
  };
  await seedReportShop(server.service.store, { projectId: server.project.id, nowMs: clock });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

/** A daily report whose first slot is 10 minutes after the clock. */
async function saveDaily(input: Omit<ReportInput, 'schedule' | 'analysis'>) {
  const time = new Date(clock + 10 * 60_000).toISOString().slice(11, 16);
  const reports = new ReportService(server.service, settings, now);
  return reports.create(server.project.id, {
    analysis: 'overview',
    schedule: { every: 'day', at: time },
    ...input,
  });
}

describe('report scheduler', () => {
  it('runs a due report once per slot, whoever ticks', async () => {
    const saved = await saveDaily({
      name: 'Daily overview',
      params: { window: 'last_7_days' },
      delivery: { email: { to: ['cx@shop.example'] } },
    });
    const slot = Date.parse(saved.nextRunAt!);
    expect(slot).toBeGreaterThan(clock);
    const scheduler = createReportScheduler({ service: server.service, settings, now });
    expect((await scheduler.tick()).ran).toEqual([]);

    clock = slot + 1000;
    const first = await scheduler.tick();
    expect(first.ran).toEqual([{ reportId: saved.reportId, slotAt: slot, error: null }]);
    expect((await scheduler.tick()).ran).toEqual([]);
    // A second scheduler (a restarted or second server) finds the slot claimed already.
    const other = createReportScheduler({ service: server.service, settings, now });
    expect((await other.tick()).ran).toEqual([]);

    const after = await server.service.store.reports.get(server.project.id, saved.reportId);
    expect(after).toMatchObject({
      lastSlotAt: slot,
      lastRunAt: clock,
      lastError: null,
      nextRunAt: slot + DAY_MS,
    });

    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['cx@shop.example']);
    const parsed = await PostalMime.parse(mail!.raw);
    expect(parsed.subject).toMatch(/^Daily overview: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/);
    expect(parsed.html).toMatch(/<td[^>]*>Orders<\/td><td[^>]*>1<\/td>/);
    expect(parsed.html).toMatch(/<td[^>]*>Visitors<\/td><td[^>]*>2<\/td>/);
    const image = parsed.attachments.find((a) => a.contentId);
    expect(parsed.html).toContain(`cid:${image?.contentId?.replace(/^<|>$/g, '')}`);

    // Two schedulers racing for the next slot: one run between them.
    clock = slot + DAY_MS + 1000;
    const [a, b] = await Promise.all([scheduler.tick(), other.tick()]);
    expect(a.ran.length + b.ran.length).toBe(1);
    await smtp.waitFor(2);
    await scheduler.stop();
    await other.stop();
  });

  it('catches up one missed run after a pause, and records failures without stopping', async () => {
    const saved = await saveDaily({
      name: 'Files',
      params: { window: 'last_7_days' },
      delivery: { file: { dir: 'daily', format: 'html' } },
    });
    const broken = await saveDaily({
      name: 'Broken mail',
      delivery: { email: { to: ['cx@shop.example'] } },
    });
    const slot = Date.parse(saved.nextRunAt!);
    // Down for three days and a bit: three slots missed.
    clock = slot + 3 * DAY_MS + 5 * 60_000;
    const noMail = { ...settings, smtpUrl: '' };
    const scheduler = createReportScheduler({ service: server.service, settings: noMail, now });
    const summary = await scheduler.tick();
    const mine = summary.ran.filter((r) => r.reportId === saved.reportId || r.reportId === broken.reportId);
    expect(mine).toHaveLength(2);
    expect(mine.find((r) => r.reportId === saved.reportId)).toMatchObject({ slotAt: slot, error: null });
    expect(mine.find((r) => r.reportId === broken.reportId)?.error).toMatch(/CENTRIC_SMTP_URL/);
    expect((await scheduler.tick()).ran).toEqual([]);

    const files = await server.service.store.reports.get(server.project.id, saved.reportId);
    expect(files?.nextRunAt).toBe(slot + 4 * DAY_MS);
    const stamp = new Date(clock).toISOString().slice(0, 10);
    const written = join(settings.filesDir, 'daily', `files-${stamp}.html`);
    expect(existsSync(written)).toBe(true);
    expect(readFileSync(written, 'utf8')).toContain('<img src="data:image/svg+xml;base64,');
    const failed = await server.service.store.reports.get(server.project.id, broken.reportId);
    expect(failed).toMatchObject({ lastRunAt: clock, nextRunAt: slot + 4 * DAY_MS });
    expect(failed?.lastError).toMatch(/CENTRIC_SMTP_URL/);
    await scheduler.stop();
  });
});
