// Streams an NDJSON file (one JSON value per line) with line numbers; bad lines are reported.
import { createInterface } from 'node:readline';
import { openText, type TextEncoding } from './text-source';

export type JsonItem = { line: number; value: unknown } | { line: number; error: string };

export async function* readNdjson(
  file: string,
  encoding: TextEncoding,
  onProgress?: (bytesRead: number) => void,
): AsyncGenerator<JsonItem> {
  const { stream, bytesRead } = openText(file, encoding);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch (error) {
      yield { line, error: `not valid JSON: ${(error as Error).message}` };
    }
    if (line % 256 === 0) onProgress?.(bytesRead());
  }
  onProgress?.(bytesRead());
}
