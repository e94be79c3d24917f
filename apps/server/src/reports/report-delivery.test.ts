// Delivery: a report e-mail through a real SMTP server on 127.0.0.1 (login, recipients,
// subject, inline chart images by content id, tables in the HTML and as CSV), and report files
// written only below the reports directory.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpCapture, startSmtpCapture } from '../test-support/smtp-capture';
import { barChart } from './analyses/chart-options';
import { ChartImageRenderer } from './chart-images';
import { deliveryDir, sendReportEmail, writeReportFiles } from './report-delivery';
import { buildReportEmail, type ReportOutputs } from './report-output';

const outputs: ReportOutputs = {
  run: {
    reportId: 'rep_mail',
    name: 'Daily overview',
    analysis: 'overview',
    title: 'Overview 2026-03-08 to 2026-03-08',
    from: '2026-03-08',
    to: '2026-03-08',
    generatedAt: '2026-03-09T06:00:00.000Z',
    notes: [],
    tables: [
      {
        name: 'kpis',
        title: 'KPIs',
        columns: ['KPI', 'Value'],
        rows: [
          ['Orders', 17],
          ['Visitors', 4321],
        ],
      },
      { name: 'top', title: 'Top products', columns: ['Product', 'Views'], rows: [['Mug, "blue"', 9]] },
    ],
    charts: [],
  },
  charts: [
    {
      title: 'Orders per day',
      option: barChart({ categories: ['Sun'], series: [{ name: 'Orders', data: [17] }] }),
    },
  ],
};

let smtp: SmtpCapture;
const dir = mkdtempSync(join(tmpdir(), 'centric-report-files-'));
beforeAll(async () => {
  smtp = await startSmtpCapture({ user: 'reporter', pass: 'p@ss word' });
});
afterAll(async () => {
  await smtp.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('sendReportEmail', () => {
  it('delivers the HTML with inline chart images and CSV tables over real SMTP', async () => {
    const renderer = new ChartImageRenderer('');
    const email = await buildReportEmail(outputs, { renderer, stem: 'daily-overview-2026-03-09' });
    const sent = await sendReportEmail(
      { smtpUrl: smtp.url, mailFrom: 'Centric <reports@shop.example>' },
      { to: ['cx@shop.example', 'ceo@shop.example'], email },
    );
    expect(sent.accepted).toEqual(['cx@shop.example', 'ceo@shop.example']);

    const [captured] = await smtp.waitFor(1);
    expect(captured?.from).toBe('reports@shop.example');
    expect(captured?.to).toEqual(['cx@shop.example', 'ceo@shop.example']);
    const mail = await PostalMime.parse(captured!.raw);
    expect(mail.subject).toBe('Daily overview: 2026-03-08 to 2026-03-08');
    expect(mail.to?.map((a) => a.address)).toEqual(['cx@shop.example', 'ceo@shop.example']);
    expect(mail.from?.address).toBe('reports@shop.example');

    // The chart: an inline part whose Content-ID the HTML refers to.
    const inline = mail.attachments.filter((a) => a.contentId);
    expect(inline).toHaveLength(1);
    const image = inline[0]!;
    const cid = image.contentId!.replace(/^<|>$/g, '');
    expect(mail.html).toContain(`<img src="cid:${cid}"`);
    expect(image.disposition).toBe('inline');
    const bytes = Buffer.from(image.content as ArrayBuffer);
    if (email.images === 'png') {
      expect(image.mimeType).toBe('image/png');
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    } else {
      expect(image.mimeType).toBe('image/svg+xml');
      expect(bytes.toString('utf8')).toMatch(/^<svg/);
    }

    // The tables: in the HTML, and as CSV attachments.
    expect(mail.html).toMatch(/<td[^>]*>Visitors<\/td><td[^>]*>4,321<\/td>/);
    expect(mail.text).toContain('Orders\t17');
    const csv = mail.attachments.filter((a) => a.mimeType === 'text/csv');
    expect(csv.map((a) => a.filename)).toEqual([
      'daily-overview-2026-03-09-kpis.csv',
      'daily-overview-2026-03-09-top.csv',
    ]);
    expect(Buffer.from(csv[1]!.content as ArrayBuffer).toString('utf8')).toBe(
      'Product,Views\r\n"Mug, ""blue""",9\r\n',
    );
  });

  it('refuses to send without SMTP settings, and fails on a wrong login', async () => {
    const email = await buildReportEmail(outputs, { renderer: new ChartImageRenderer('none'), stem: 's' });
    await expect(
      sendReportEmail({ smtpUrl: '', mailFrom: 'a@b.c' }, { to: ['x@shop.example'], email }),
    ).rejects.toThrow(/CENTRIC_SMTP_URL/);
    const wrong = smtp.url.replace('reporter', 'intruder');
    await expect(
      sendReportEmail({ smtpUrl: wrong, mailFrom: 'a@b.c' }, { to: ['x@shop.example'], email }),
    ).rejects.toThrow(/invalid login/i);
  });
});

describe('file delivery', () => {
  it('writes below the reports directory and nowhere else', () => {
    const target = deliveryDir(dir, 'weekly/kpis');
    expect(target).toBe(join(dir, 'weekly', 'kpis'));
    const written = writeReportFiles(target, [{ fileName: 'weekly-2026-03-09.csv', content: 'a,b\r\n' }]);
    expect(written).toEqual([join(target, 'weekly-2026-03-09.csv')]);
    expect(readFileSync(written[0]!, 'utf8')).toBe('a,b\r\n');
    expect(readdirSync(target)).toEqual(['weekly-2026-03-09.csv']);
    expect(deliveryDir(dir, join(dir, 'inside'))).toBe(join(dir, 'inside'));
    expect(() => deliveryDir(dir, '../outside')).toThrow(/under the reports directory/);
    expect(() => deliveryDir(dir, '/etc')).toThrow(/under the reports directory/);
  });
});
