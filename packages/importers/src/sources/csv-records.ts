// Streams a CSV/TSV file as header-keyed records with their line numbers (csv-parse does the
// quoting rules). Delimiter sniffed from the header (`,` `;` tab `|`); with `;` the file is
// taken as written by a German Excel, so decimal commas are expected. Malformed rows are
// reported with their line and skipped, never guessed at.
import { closeSync, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse';
import type { DecimalSeparator } from './decimal';
import { openText, type TextEncoding, sniffEncoding } from './text-source';

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
    const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
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
export const headerKey = (name: string) => name.replace(/^\uFEFF/, '').trim().toLowerCase();

export async function* readCsv(file: string, dialect: CsvDialect, onProgress?: (bytesRead: number) => void): AsyncGenerator<CsvItem> {
  const { stream, bytesRead } = openText(file, dialect.encoding);
  const parser = stream.pipe(
    parse({
      delimiter: dialect.delimiter,
      bom: true,
      columns: (header: string[]) => header.map(headerKey),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      max_record_size: 64 * 1024 * 1024,
    }),
  );
  const skipped: CsvItem[] = [];
  parser.on('skip', (err: Error & { lines?: number }) => {
    skipped.push({ line: err.lines ?? 0, error: `malformed CSV: ${err.message}` });
  });
  for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    const long = Object.entries(row.record).find(([, v]) => typeof v === 'string' && v.length > MAX_FIELD_CHARS);
    if (long) {
      yield { line: row.info.lines, error: `field "${long[0]}" holds ${long[1].length} characters; at most ${MAX_FIELD_CHARS} are accepted` };
    } else {
      yield { line: row.info.lines, record: row.record };
    }
    onProgress?.(bytesRead());
  }
  while (skipped.length > 0) yield skipped.shift()!;
}
