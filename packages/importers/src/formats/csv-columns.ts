// The header row of a CSV file, read before the rows: a file exported in another format (or
// the wrong file picked) then fails once with the columns it lacks, instead of every row
// failing with a confusing reason. csv-parse drops the keys of short rows, so the first record
// cannot tell which columns exist.
import { parse } from 'csv-parse/sync';
import { type CsvDialect, headerKey } from '../sources/csv-records';
import { openText } from '../sources/text-source';

/** Header names as `readCsv` keys them (trimmed, lower-cased); empty for an empty file. */
export async function readCsvHeader(file: string, dialect: CsvDialect): Promise<string[]> {
  const { stream } = openText(file, dialect.encoding);
  let text = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    text += chunk;
    if (text.includes('\n') || text.length > 1_048_576) break;
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') return [];
  const rows = parse(firstLine, {
    delimiter: dialect.delimiter,
    relax_quotes: true,
    relax_column_count: true,
  });
  const header = (rows[0] ?? []) as string[];
  return header.map(headerKey);
}

/**
 * Why the file cannot be read as `format`, or null when every required column is there.
 * `required` lists alternatives with '|': "order_id|order_number" needs one of them.
 */
export function missingColumns(
  header: readonly string[],
  required: readonly string[],
  format: string,
): string | null {
  const have = new Set(header);
  const missing = required.filter((spec) => !spec.split('|').some((name) => have.has(name)));
  if (missing.length === 0) return null;
  const names = missing.map((spec) => spec.split('|').join('" or "'));
  return `not ${format}: the header lacks the column${missing.length > 1 ? 's' : ''} "${names.join('", "')}"`;
}
