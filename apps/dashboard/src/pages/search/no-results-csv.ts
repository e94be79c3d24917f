// The content gap report as CSV (RFC 4180: comma-separated, fields with a comma, quote or line
// break quoted, quotes doubled), one row per query that found nothing, for the shop's content
// team to work through in a spreadsheet.
import type { NoResultsReport } from '@centric/contracts';

const HEADER = ['query', 'searches', 'visitors', 'last_seen'];

function cell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: search terms are user input.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** @example noResultsCsv(report) // 'query,searches,visitors,last_seen\r\nzebra lamp,2,2,2026-03-01T10:00:00.000Z\r\n' */
export function noResultsCsv(report: NoResultsReport): string {
  const lines = [HEADER, ...report.rows.map((r) => [r.query, r.searches, r.visitors, r.lastSeen])];
  return `${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function noResultsFileName(report: Pick<NoResultsReport, 'from' | 'to'>): string {
  return `search-no-results-${report.from}-to-${report.to}.csv`;
}
