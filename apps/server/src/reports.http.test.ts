// Scheduled reports over real HTTP: the catalogue, saving (and refusing what could never run),
// editing, on-demand runs exported as JSON, CSV and HTML, "send now" by e-mail through a real
// SMTP server on 127.0.0.1 and to a file, deletion, auth, and the OpenAPI description.
import { existsSync, readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReportShop } from './test-support/report-fixture';
import { type SmtpCapture, startSmtpCapture } from './test-support/smtp-capture';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;
let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture({ user: 'centric', pass: 'mail-pass' });
  server = await startTestServer({
    CENTRIC_SMTP_URL: smtp.url,
    CENTRIC_MAIL_FROM: 'Centric <reports@shop.example>',
    CENTRIC_REPORT_CHECK_SECONDS: '3600',
  });
  await seedReportShop(server.service.store, { projectId: server.project.id, nowMs: Date.now() });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  key = server.keys.secretKey,
): Promise<{ status: number; json: T; text: string; type: string; disposition: string }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const json = (type.startsWith('application/json') && text ? JSON.parse(text) : null) as T;
  return { status: res.status, json, text, type, disposition: res.headers.get('content-disposition') ?? '' };
}

interface ReportWire {
  reportId: string;
  name: string;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastError: string | null;
}
const weekly = {
  name: 'Weekly overview',
  analysis: 'overview',
  params: { window: 'last_7_days' },
  schedule: { every: 'week', weekday: 'monday', at: '06:00' },
  delivery: { email: { to: ['cx@shop.example', 'ceo@shop.example'] } },
};

describe('reports API', () => {
  it('lists what a report can run', async () => {
    const { status, json } = await call<{ analyses: { id: string }[]; windows: string[]; email: boolean }>(
      'GET',
      '/v1/reports/analyses',
    );
    expect(status).toBe(200);
    expect(json.analyses.map((a) => a.id)).toEqual(
      expect.arrayContaining(['overview', 'customer_kpis', 'retention']),
    );
    expect(json.windows).toContain('last_full_month');
    expect(json.email).toBe(true);
  });

  it('refuses reports that could never run, saying why', async () => {
    const refuse = async (change: Record<string, unknown>, message: RegExp) => {
      const { status, json } = await call<{ error: { message: string } }>('POST', '/v1/reports', {
        ...weekly,
        ...change,
      });
      expect(status).toBe(400);
      expect(json.error.message).toMatch(message);
    };
    await refuse({ analysis: 'horoscope' }, /unknown analysis "horoscope"/);
    await refuse({ schedule: { cron: '0 25 * * *' } }, /hour/);
    await refuse({ params: { window: 'last_fortnight' } }, /unknown window/);
    await refuse({ params: { period: 'week' } }, /takes no period/);
    await refuse({ delivery: { file: { dir: '../../etc', format: 'csv' } } }, /under the reports directory/);
    await refuse({ delivery: { email: { to: ['not an address'] } } }, /email/);
    const missing = await call('POST', '/v1/reports', {
      ...weekly,
      analysis: 'retention',
      params: { segmentId: 'seg_x' },
    });
    expect(missing.status).toBe(404);
  });

  it('saves, edits, runs, exports, sends and deletes a report', async () => {
    const created = await call<ReportWire>('POST', '/v1/reports', weekly);
    expect(created.status).toBe(201);
    const id = created.json.reportId;
    expect(new Date(created.json.nextRunAt!).getUTCDay()).toBe(1);
    expect(
      (await call<{ reports: ReportWire[] }>('GET', '/v1/reports')).json.reports.map((r) => r.reportId),
    ).toContain(id);

    const renamed = await call<ReportWire>('PUT', `/v1/reports/${id}`, { name: 'Overview, weekly' });
    expect(renamed.json).toMatchObject({ name: 'Overview, weekly', nextRunAt: created.json.nextRunAt });
    const daily = await call<ReportWire>('PUT', `/v1/reports/${id}`, {
      schedule: { every: 'day', at: '05:00' },
    });
    expect(daily.json.nextRunAt).toMatch(/T05:00:00.000Z$/);

    const json = await call<{ tables: { name: string; rows: unknown[][] }[]; charts: { option: object }[] }>(
      'GET',
      `/v1/reports/${id}/run?format=json`,
    );
    expect(json.status).toBe(200);
    expect(json.json.tables.map((t) => t.name)).toEqual(['kpis', 'events_per_day']);
    expect(json.json.tables[0]?.rows).toContainEqual(['Orders', 1]);
    expect(json.json.charts[0]?.option).toHaveProperty('series');

    const csv = await call('GET', `/v1/reports/${id}/run?format=csv`);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toMatch(/^attachment; filename="overview-weekly-\d{4}-\d{2}-\d{2}-kpis\.csv"$/);
    expect(csv.text.split('\r\n').slice(0, 2)).toEqual(['KPI,Value', 'Events,3']);
    const perDay = await call('GET', `/v1/reports/${id}/run?format=csv&table=events_per_day`);
    expect(perDay.text.split('\r\n')[0]).toBe('Day,Events');
    expect(perDay.text.split('\r\n').filter(Boolean)).toHaveLength(8);
    expect((await call('GET', `/v1/reports/${id}/run?format=csv&table=nope`)).status).toBe(404);
    const html = await call('GET', `/v1/reports/${id}/run?format=html`);
    expect(html.type).toMatch(/^text\/html/);
    expect(html.text).toContain('<img src="data:image/svg+xml;base64,');
    expect(html.text).toContain('Overview, weekly');

    const sent = await call<{ channel: string; recipients: string[]; images: string }>(
      'POST',
      `/v1/reports/${id}/send`,
    );
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({
      channel: 'email',
      recipients: ['cx@shop.example', 'ceo@shop.example'],
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['cx@shop.example', 'ceo@shop.example']);
    const parsed = await PostalMime.parse(mail!.raw);
    expect(parsed.subject).toMatch(/^Overview, weekly: /);
    expect(parsed.from?.address).toBe('reports@shop.example');
    const inline = parsed.attachments.filter((a) => a.contentId);
    expect(inline).toHaveLength(1);
    expect(inline[0]?.mimeType).toBe(sent.json.images === 'png' ? 'image/png' : 'image/svg+xml');
    expect(parsed.html).toMatch(/<td[^>]*>Revenue \(EUR\)<\/td><td[^>]*>99\.5<\/td>/);
    const recorded = await call<ReportWire>('GET', `/v1/reports/${id}`);
    expect(recorded.json.lastRunAt).not.toBeNull();
    expect(recorded.json.lastError).toBeNull();

    expect((await call('DELETE', `/v1/reports/${id}`)).status).toBe(204);
    expect((await call('GET', `/v1/reports/${id}`)).status).toBe(404);
    expect((await call('POST', `/v1/reports/${id}/send`)).status).toBe(404);
  });

  it('sends a CSV report to files under the reports directory', async () => {
    const created = await call<ReportWire>('POST', '/v1/reports', {
      name: 'KPIs to disk',
      analysis: 'customer_kpis',
      params: { window: 'last_30_days', period: 'week' },
      delivery: { file: { dir: 'kpis', format: 'csv' } },
    });
    expect(created.status).toBe(201);
    expect(created.json.nextRunAt).toBeNull();
    const sent = await call<{ channel: string; files: string[] }>(
      'POST',
      `/v1/reports/${created.json.reportId}/send`,
    );
    expect(sent.status).toBe(200);
    expect(sent.json.channel).toBe('file');
    expect(sent.json.files.map((f) => f.slice(server.dataDir.length))).toEqual([
      expect.stringMatching(/^\/reports\/kpis\/kpis-to-disk-\d{4}-\d{2}-\d{2}-kpis\.csv$/),
      expect.stringMatching(/^\/reports\/kpis\/kpis-to-disk-\d{4}-\d{2}-\d{2}-definitions\.csv$/),
    ]);
    expect(existsSync(sent.json.files[0]!)).toBe(true);
    expect(readFileSync(sent.json.files[0]!, 'utf8')).toMatch(/^From,To,Retention rate \(%\),/);
  });

  it('runs cohort retention with its heatmap', async () => {
    const created = await call<ReportWire>('POST', '/v1/reports', {
      name: 'Retention',
      analysis: 'retention',
      params: { period: 'month', periods: 3 },
      delivery: { file: { dir: 'retention', format: 'html' } },
    });
    const id = created.json.reportId;
    const run = await call<{
      tables: { columns: string[]; rows: unknown[][] }[];
      charts: { title: string }[];
    }>('GET', `/v1/reports/${id}/run`);
    expect(run.status).toBe(200);
    expect(run.json.tables[0]?.columns).toEqual(['Cohort', 'Start', 'Size', 'M0', 'M1', 'M2']);
    expect(run.json.tables[0]?.rows.at(-1)?.slice(0, 3)).toEqual(['Average', null, 1]);
    expect(run.json.charts.map((c) => c.title)).toEqual([
      'Retention heatmap (%)',
      'Average retention curve (%)',
    ]);
  });

  it('needs the secret key and is described in OpenAPI', async () => {
    expect((await call('GET', '/v1/reports', undefined, server.keys.writeKey)).status).toBe(403);
    expect((await call('GET', '/v1/reports', undefined, 'nope')).status).toBe(401);
    const docs = await call<{ paths: Record<string, unknown> }>('GET', '/docs/json');
    expect(Object.keys(docs.json.paths)).toEqual(
      expect.arrayContaining([
        '/v1/reports',
        '/v1/reports/{id}',
        '/v1/reports/{id}/run',
        '/v1/reports/{id}/send',
      ]),
    );
  });
});
