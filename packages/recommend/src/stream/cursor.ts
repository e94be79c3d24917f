// The stream's opaque paging cursor. It holds what the visitor has been shown, not a position:
// a 32-bit hash of each shown card's product (or 'loyalty'), with a hash of the visitor so that
// a cursor cannot be replayed for someone else. The next page is the stream recomputed now minus
// what was shown, so events arriving between two pages (a new view, a price change) can add
// cards but never show a product twice; with nothing new, it is exactly the next slice.
// Layout (base64url): version byte, visitor hash (4 bytes), shown hashes (4 bytes each).
import { fnv1a64 } from '@centric/core';

const VERSION = 1;
const HEADER = 5;

export class StreamCursorError extends Error {}

/** 32-bit hash of a text: the low half of FNV-1a 64. Collisions among a few hundred cards are ~1e-5. */
export function hash32(text: string): number {
  return Number.parseInt(fnv1a64(text).slice(8), 16);
}

export function encodeCursor({ visitor, shown }: { visitor: string; shown: Iterable<number> }): string {
  const hashes = [...new Set(shown)];
  const bytes = new Uint8Array(HEADER + 4 * hashes.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, VERSION);
  view.setUint32(1, hash32(visitor));
  hashes.forEach((h, i) => {
    view.setUint32(HEADER + 4 * i, h);
  });
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The shown hashes of a cursor made for this visitor; throws StreamCursorError otherwise. */
export function decodeCursor(cursor: string, visitor: string): Set<number> {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new StreamCursorError('cursor is not a stream cursor');
  let binary: string;
  try {
    binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    throw new StreamCursorError('cursor is not a stream cursor');
  }
  if (binary.length < HEADER || (binary.length - HEADER) % 4 !== 0 || binary.charCodeAt(0) !== VERSION)
    throw new StreamCursorError('cursor is not a stream cursor');
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  if (view.getUint32(1) !== hash32(visitor))
    throw new StreamCursorError('cursor belongs to another visitor’s stream');
  const shown = new Set<number>();
  for (let offset = HEADER; offset < bytes.length; offset += 4) shown.add(view.getUint32(offset));
  return shown;
}
