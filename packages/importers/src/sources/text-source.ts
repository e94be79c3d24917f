// Opens a file as text whatever the shop's export used: UTF-8 with or without BOM, or
// Latin-1 / Windows-1252 (common in German shop and ERP exports). The encoding is sniffed from
// the first 64 KB unless given; Windows-1252 is the superset of Latin-1 that Excel writes.
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Transform } from 'node:stream';

export type TextEncoding = 'utf-8' | 'windows-1252';

export function sniffEncoding(file: string): TextEncoding {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let sample = buf.subarray(0, n);
    // Cut a multi-byte character split at the end of the sample.
    let end = sample.length;
    for (let i = 1; i <= 3 && end - i >= 0; i++) {
      const b = sample[end - i]!;
      if ((b & 0xc0) === 0xc0) {
        end -= i;
        break;
      }
      if ((b & 0x80) === 0) break;
    }
    sample = sample.subarray(0, end);
    return isUtf8(sample) ? 'utf-8' : 'windows-1252';
  } finally {
    closeSync(fd);
  }
}

/** A stream of decoded text chunks (BOM removed) plus the byte count read so far. */
export function openText(
  file: string,
  encoding: TextEncoding = sniffEncoding(file),
): { stream: NodeJS.ReadableStream; bytesRead: () => number; size: number } {
  const size = statSync(file).size;
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
  const decode = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  return { stream: raw.pipe(decode), bytesRead: () => raw.bytesRead, size };
}
