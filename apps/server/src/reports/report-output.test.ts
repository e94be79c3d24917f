// Rendering a report: the e-mail's HTML shows every chart as <img src="cid:..."> with a PNG
// (or, without a font, SVG) attachment of that content id, tables escaped, every table as CSV;
// the file HTML stands alone with SVG data URIs.
import type { ReportRun } from '@centric/contracts';
import { describe, expect, it } from 'vitest';
import { barChart, heatmapChart } from './analyses/chart-options';
import { ChartImageRenderer, findChartFont } from './chart-images';
import { buildReportEmail, buildReportFileHtml, fileStem, type ReportOutputs, slug } from './report-output';

const run: ReportRun = {
  reportId: 'rep_1',
  name: 'Weekly <Overview>',
  analysis: 'overview',
  title: 'Overview 2026-03-02 to 2026-03-08',
  from: '2026-03-02',
  to: '2026-03-08',
  generatedAt: '2026-03-09T06:00:00.000Z',
  notes: ['Conversion rate: sessions with an order / all sessions.'],
  tables: [
    {
      name: 'kpis',
      title: 'KPIs',
      columns: ['KPI', 'Value'],
      rows: [
        ['Orders', 42],
        ['<b>Revenue</b>', 1234.5],
      ],
    },
    {
      name: 'events_per_day',
      title: 'Events per day',
      columns: ['Day', 'Events'],
      rows: [['2026-03-02', 7]],
    },
  ],
  charts: [],
};
const outputs: ReportOutputs = {
  run,
  charts: [
    {
      title: 'Events per day',
      option: barChart({ categories: ['Mon', 'Tue'], series: [{ name: 'Events', data: [3, 9] }] }),
    },
    {
      title: 'Retention',
      height: 200,
      option: heatmapChart({ rows: ['2026-01'], columns: ['M0', 'M1'], values: [[100, 12.5]], max: 12.5 }),
    },
  ],
};
const stem = fileStem(run.name, Date.parse(run.generatedAt), false);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('buildReportEmail', () => {
  // Needs a system font (fonts-liberation or DejaVu); the SVG case below runs everywhere.
  it.skipIf(findChartFont('') === null)(
    'references each chart by content id and attaches it as a PNG at twice its size',
    async () => {
      const renderer = new ChartImageRenderer('');
      const mail = await buildReportEmail(outputs, { renderer, stem, footer: 'every Monday at 06:00 UTC' });
      expect(mail.images).toBe('png');
      expect(mail.subject).toBe('Weekly <Overview>: 2026-03-02 to 2026-03-08');
      const images = mail.attachments.filter((a) => a.cid);
      expect(images).toHaveLength(2);
      for (const image of images) {
        expect(mail.html).toContain(`<img src="cid:${image.cid}"`);
        expect(image.contentType).toBe('image/png');
      }
      expect(pngSize(images[0]!.content)).toEqual({ width: 1280, height: 600 });
      expect(pngSize(images[1]!.content)).toEqual({ width: 1280, height: 400 });
      expect(mail.html).toContain('width="640" height="300"');
    },
  );

  it('falls back to SVG attachments without a font, and says so', async () => {
    const mail = await buildReportEmail(outputs, { renderer: new ChartImageRenderer('none'), stem });
    expect(mail.images).toBe('svg');
    const image = mail.attachments.find((a) => a.cid);
    expect(image?.contentType).toBe('image/svg+xml');
    expect(image?.content.toString('utf8')).toMatch(/^<svg[^>]+width="640"/);
    expect(mail.html).toContain(`src="cid:${image?.cid}"`);
    expect(mail.html).toContain('attached as SVG');
  });

  it('escapes shop data and attaches every table as CSV', async () => {
    const mail = await buildReportEmail(outputs, { renderer: new ChartImageRenderer('none'), stem });
    expect(mail.html).toContain('&lt;b&gt;Revenue&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Revenue</b>');
    expect(mail.html).toContain(
      '<h1 style="font-family:Arial,Helvetica,sans-serif;font-size:20px;margin:0 0 4px">Weekly &lt;Overview&gt;</h1>',
    );
    expect(mail.html).toMatch(/<td[^>]*>1,234\.5<\/td>/);
    const csv = mail.attachments.filter((a) => a.contentType === 'text/csv');
    expect(csv.map((a) => a.filename)).toEqual([
      'weekly-overview-2026-03-09-kpis.csv',
      'weekly-overview-2026-03-09-events-per-day.csv',
    ]);
    expect(csv[0]?.content.toString('utf8')).toBe('KPI,Value\r\nOrders,42\r\n<b>Revenue</b>,1234.5\r\n');
    expect(mail.text).toContain('Orders\t42');
  });
});

describe('buildReportFileHtml', () => {
  it('embeds the charts as SVG data URIs so the file stands alone', () => {
    const html = buildReportFileHtml(outputs, 'on demand');
    const sources = [...html.matchAll(/<img src="data:image\/svg\+xml;base64,([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(2);
    expect(Buffer.from(sources[0]!, 'base64').toString('utf8')).toMatch(/^<svg/);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('data-table="events_per_day"');
  });
});

describe('names', () => {
  it('makes file-name-safe slugs and stems', () => {
    expect(slug('Überblick: Q1 / 2026!')).toBe('uberblick-q1-2026');
    expect(slug('***')).toBe('report');
    expect(fileStem('Daily', Date.parse('2026-03-09T06:05:00Z'), true)).toBe('daily-2026-03-09-0605');
  });

  it('finds a font or says there is none', () => {
    expect(findChartFont('none')).toBeNull();
    expect(() => findChartFont('/no/such/font.ttf')).toThrow(/no font file/);
  });
});
