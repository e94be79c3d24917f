// The HTML of a report, for e-mail and for files: title, period, notes, charts as <img> (a cid:
// reference to an inline attachment in e-mail, a data: URI in a file) and the tables. Inline
// styles and plain tables only, because e-mail clients drop <style> blocks and most CSS. Every
// value is escaped: names and labels come from shop data.
import type { ReportRun, ReportTable } from '@centric/contracts';

export interface HtmlImage {
  /** cid:... or data:... */
  src: string;
  title: string;
  width: number;
  height: number;
}

export interface ReportHtmlInput {
  run: ReportRun;
  images: readonly HtmlImage[];
  /** A line at the bottom: schedule, where it comes from. */
  footer?: string;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif';
const CELL = 'padding:4px 8px;border:1px solid #d9dde8;font-size:13px';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function formatCell(value: ReportTable['rows'][number][number]): string {
  if (value === null) return '–';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return escapeHtml(value);
}

function tableHtml(table: ReportTable): string {
  const head = table.columns
    .map((c) => `<th style="${CELL};background:#f3f5fa;text-align:left">${escapeHtml(c)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = row
        .map(
          (v) =>
            `<td style="${CELL}${typeof v === 'number' ? ';text-align:right' : ''}">${formatCell(v)}</td>`,
        )
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  const empty =
    table.rows.length === 0
      ? `<tr><td style="${CELL}" colspan="${table.columns.length}">No data in this period.</td></tr>`
      : '';
  return [
    `<h2 style="${FONT};font-size:16px;margin:24px 0 8px">${escapeHtml(table.title)}</h2>`,
    `<table data-table="${escapeHtml(table.name)}" cellspacing="0" cellpadding="0" style="${FONT};border-collapse:collapse">`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${body}${empty}</tbody>`,
    '</table>',
  ].join('\n');
}

function imageHtml(image: HtmlImage): string {
  return [
    `<h2 style="${FONT};font-size:16px;margin:24px 0 8px">${escapeHtml(image.title)}</h2>`,
    `<img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.title)}" width="${image.width}" height="${image.height}" style="display:block;max-width:100%;height:auto;border:0">`,
  ].join('\n');
}

/** A whole HTML document of the report. */
export function renderReportHtml({ run, images, footer }: ReportHtmlInput): string {
  const notes = run.notes
    .map((n) => `<p style="${FONT};font-size:12px;color:#5a5c69;margin:4px 0">${escapeHtml(n)}</p>`)
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(run.name)}</title></head>`,
    `<body style="margin:0;padding:16px;background:#ffffff;color:#222">`,
    `<div style="max-width:720px">`,
    `<h1 style="${FONT};font-size:20px;margin:0 0 4px">${escapeHtml(run.name)}</h1>`,
    `<p style="${FONT};font-size:14px;margin:0 0 8px">${escapeHtml(run.title)}</p>`,
    `<p style="${FONT};font-size:12px;color:#5a5c69;margin:0 0 8px">${escapeHtml(run.from)} to ${escapeHtml(run.to)} (UTC), made ${escapeHtml(run.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>`,
    notes,
    ...images.map(imageHtml),
    ...run.tables.map(tableHtml),
    footer ? `<p style="${FONT};font-size:11px;color:#858796;margin:24px 0 0">${escapeHtml(footer)}</p>` : '',
    '</div></body></html>',
    '',
  ].join('\n');
}

/** A plain-text part for mail clients that show no HTML: the tables as aligned text. */
export function renderReportText(run: ReportRun, footer?: string): string {
  const lines = [run.name, run.title, `${run.from} to ${run.to} (UTC)`, ''];
  for (const table of run.tables) {
    lines.push(table.title);
    for (const row of [table.columns, ...table.rows])
      lines.push(row.map((v) => (v === null ? '-' : String(v))).join('\t'));
    lines.push('');
  }
  if (footer) lines.push(footer);
  return lines.join('\n');
}
