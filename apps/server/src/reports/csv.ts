// CSV export of report tables, as RFC 4180 says: CRLF between records, a header record, fields
// with a comma, a quote or a line break in double quotes, quotes doubled. Text that a
// spreadsheet would run as a formula (=, +, -, @ ... at the start) is prefixed with an
// apostrophe (the OWASP advice): product names and search terms come from shop visitors.
import type { ReportTable } from '@centric/contracts';

type Cell = ReportTable['rows'][number][number];

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted only when it must be. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) && !isNumberText(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "-12.5" stays a number in a spreadsheet, and is one: no apostrophe for it. */
function isNumberText(value: string): boolean {
  return /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value);
}

/**
 * A table as CSV text: header record, then one record per row, each ending in CRLF.
 *
 * @example toCsv({ columns: ['day', 'events'], rows: [['2026-03-01', 12]] }) // 'day,events\r\n2026-03-01,12\r\n'
 */
export function toCsv(table: Pick<ReportTable, 'columns' | 'rows'>): string {
  const records = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return `${records.join('\r\n')}\r\n`;
}
