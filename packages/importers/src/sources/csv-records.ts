// Streams a CSV/TSV file as header-keyed records with their line numbers (csv-parse does the
// quoting rules). Delimiter sniffed from the header (`,` `;` tab `|`); with `;` the file is
// taken as written by a German Excel, so decimal commas are expected. Malformed rows are
// reported with their line and skipped, never guessed at.
import { closeSync, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse';
import type { DecimalSeparator } from './decimal';
import { openText, sniffEncoding, type TextEncoding } from './text-source';

export const MAX_FIELD_CHARS = 1_048_576;

export interface CsvDialect {
  delimiter: string;
  encoding: TextEncoding;
  decimal: DecimalSeparator | 'auto';
}

export type CsvItem = { line: number; record: Record<string, string> } | { line: number; error: string };

export function sniffDelimiter(file: string, encoding: TextEncoding): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16_384);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = new TextDecoder(encoding).decode(buf.subarray(0, n));
    const header = text.split(/\r?\n/, 1)[0] ?? '';
    const counts = new Map<string, number>([
      [',', 0],
      [';', 0],
      ['\t', 0],
      ['|', 0],
    ]);
    let quoted = false;
    for (const ch of header) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    let best = ',';
    for (const [d, c] of counts) if (c > (counts.get(best) ?? 0)) best = d;
    return best;
  } finally {
    closeSync(fd);
  }
}

export function sniffCsvDialect(file: string, given: Partial<CsvDialect> = {}): CsvDialect {
  const encoding = given.encoding ?? sniffEncoding(file);
  const delimiter = given.delimiter ?? sniffDelimiter(file, encoding);
  return { encoding, delimiter, decimal: given.decimal ?? (delimiter === ';' ? ',' : 'auto') };
}

/** Header names as keys: trimmed and lower-cased, so "Lineitem SKU" and "lineitem sku" match. */
export const headerKey = (name: string) =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** Header keys for a header row; unnamed columns get "column_N" so their values are not lost. */
function headerKeys(header: string[]): string[] {
  return header.map((name, i) => headerKey(name) || `column_${i + 1}`);
}

function skipReason(err: Error & { code?: string }): string {
  // Both errors leave csv-parse unable to find the next row, so say that the rest is lost.
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    return 'malformed CSV: a quoted field opened in this row is never closed; the rest of the file could not be read';
  }
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return `malformed CSV: row larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB (an unclosed quote?); the rest of the file could not be read`;
  }
  return `malformed CSV: ${err.message}`;
}

/** csv-parse counts "\r\n" inside a quoted field as two lines; these count it as one. */
const countParserLines = (fields: string[]) =>
  fields.reduce((n, f) => n + (f.match(/[\r\n]/g)?.length ?? 0), 0);
const countRealLines = (fields: string[]) =>
  fields.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

export async function* readCsv(
  file: string,
  dialect: CsvDialect,
  onProgress?: (bytesRead: number) => void,
): AsyncGenerator<CsvItem> {
  const { stream, bytesRead } = openText(file, dialect.encoding);
  const parser = stream.pipe(
    parse({
      delimiter: dialect.delimiter,
      bom: true,
      // Column counts are checked below, where the row's line is known.
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      max_record_size: MAX_RECORD_BYTES,
    }),
  );
  let header: string[] | null = null;
  // csv-parse reports the line a row ends on, and over-counts CRLF inside quoted fields; the
  // drift corrects the latter so lines match what an editor shows.
  let drift = 0;
  let lastEnd = 0;
  // Skip events fire while csv-parse reads ahead, before the rows in front of them are read
  // here; `after` (rows parsed before the bad one) puts them back in file order.
  const skipped: { after: number; reason: string }[] = [];
  parser.on('skip', (err: Error & { code?: string; records?: number }) => {
    skipped.push({ after: err.records ?? 0, reason: skipReason(err) });
  });
  for await (const row of parser as AsyncIterable<{
    record: string[];
    info: { lines: number; records: number };
  }>) {
    while (skipped.length > 0 && skipped[0]!.after < row.info.records) {
      yield { line: lastEnd + 1, error: skipped.shift()!.reason };
    }
    const fields = row.record;
    const counted = countParserLines(fields);
    const line = row.info.lines - counted - drift;
    drift += counted - countRealLines(fields);
    lastEnd = row.info.lines - drift;
    if (header === null) {
      header = headerKeys(fields);
    } else {
      yield toItem(header, fields, line);
    }
    onProgress?.(bytesRead());
  }
  for (const skip of skipped) yield { line: lastEnd + 1, error: skip.reason };
}

function toItem(header: string[], fields: string[], line: number): CsvItem {
  // More values than columns means a delimiter inside an unquoted value: every value after it
  // sits in the wrong column, even when the surplus ones are empty. Fewer values are read as
  // empty trailing cells, which some spreadsheet exports leave out.
  if (fields.length > header.length) {
    return { line, error: `row has ${fields.length} fields but the header has ${header.length} columns` };
  }
  const long = fields.findIndex((f) => f.length > MAX_FIELD_CHARS);
  if (long >= 0) {
    const name = header[long] ?? `column_${long + 1}`;
    return {
      line,
      error: `field "${name}" holds ${fields[long]!.length} characters; at most ${MAX_FIELD_CHARS} are accepted`,
    };
  }
  const record: Record<string, string> = {};
  header.forEach((key, i) => {
    const value = fields[i];
    // A repeated column name keeps its first non-empty value.
    if (value !== undefined && (record[key] === undefined || record[key] === '')) record[key] = value;
  });
  return { line, record };
}
