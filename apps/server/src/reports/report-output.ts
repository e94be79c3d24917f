// Turns one run of a report into what is delivered: an e-mail (HTML with the charts as inline
// CID images, a text part, every table attached as CSV), an HTML file (charts as SVG data URIs,
// so the file stands alone and stays sharp), or CSV files. No I/O here but rendering.
import type { ReportRun, ReportTable } from '@centric/contracts';
import type { ChartImageRenderer } from './chart-images';
import { renderChartSvg } from './chart-images';
import { toCsv } from './csv';
import { type HtmlImage, renderReportHtml, renderReportText } from './report-html';
import type { ReportChartSpec } from './report-types';

/** A run as the API answers it, with the charts still as typed options for rendering. */
export interface ReportOutputs {
  run: ReportRun;
  charts: readonly ReportChartSpec[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Set for images the HTML shows inline (src="cid:..."). */
  cid?: string;
}

export interface ReportEmail {
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
  /** How the charts went in: PNG, SVG (no font to rasterise text), or none (no charts). */
  images: 'png' | 'svg' | 'none';
}

/** A name safe in file names and MIME headers: lower-case words joined by dashes. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s === '' ? 'report' : s;
}

/** `<report>-<date>` (UTC), with the time when a report may run more than once a day. */
export function fileStem(name: string, atMs: number, withTime: boolean): string {
  const iso = new Date(atMs).toISOString();
  const stamp = withTime ? `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}` : iso.slice(0, 10);
  return `${slug(name)}-${stamp}`;
}

/** One CSV per table; a single table gets the stem alone, several get the table name appended. */
export function csvFiles(
  run: ReportRun,
  stem: string,
): { fileName: string; csv: string; table: ReportTable }[] {
  return run.tables.map((table) => ({
    fileName: run.tables.length === 1 ? `${stem}.csv` : `${stem}-${slug(table.name)}.csv`,
    csv: toCsv(table),
    table,
  }));
}

/**
 * The e-mail of a run: PNG charts when a font is at hand, else SVG attachments.
 *
 * @example const mail = await buildReportEmail(outputs, { renderer, footer: 'daily at 06:00 UTC' })
 */
export async function buildReportEmail(
  report: ReportOutputs,
  {
    renderer,
    subject,
    footer,
    stem,
  }: { renderer: ChartImageRenderer; subject?: string; footer?: string; stem: string },
): Promise<ReportEmail> {
  const images: HtmlImage[] = [];
  const attachments: MailAttachment[] = [];
  let kind: ReportEmail['images'] = 'none';
  for (const [i, chart] of report.charts.entries()) {
    const image = await renderer.render(chart);
    const cid = `chart-${i + 1}.${stem}@centric`;
    kind = image.png ? 'png' : 'svg';
    attachments.push({
      filename: `chart-${i + 1}-${slug(chart.title)}.${kind}`,
      content: image.png ? Buffer.from(image.png) : Buffer.from(image.svg, 'utf8'),
      contentType: image.png ? 'image/png' : 'image/svg+xml',
      cid,
    });
    images.push({ src: `cid:${cid}`, title: chart.title, width: image.width, height: image.height });
  }
  for (const file of csvFiles(report.run, stem))
    attachments.push({
      filename: file.fileName,
      content: Buffer.from(file.csv, 'utf8'),
      contentType: 'text/csv',
    });
  const note =
    kind === 'svg' ? 'Charts are attached as SVG: no font was found on the server to draw them as PNG.' : '';
  const foot = [footer, note].filter(Boolean).join(' ');
  return {
    subject: subject ?? `${report.run.name}: ${report.run.from} to ${report.run.to}`,
    html: renderReportHtml({ run: report.run, images, ...(foot ? { footer: foot } : {}) }),
    text: renderReportText(report.run, foot || undefined),
    attachments,
    images: kind,
  };
}

/** A self-contained HTML document: charts as SVG data URIs (no rasteriser, no font needed). */
export function buildReportFileHtml(report: ReportOutputs, footer?: string): string {
  const images = report.charts.map((chart): HtmlImage => {
    const { svg, width, height } = renderChartSvg(chart);
    return {
      src: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
      title: chart.title,
      width,
      height,
    };
  });
  return renderReportHtml({ run: report.run, images, ...(footer ? { footer } : {}) });
}
