// Parser of session-rec's prepared data files: tab-separated with a header naming SessionId, ItemId and
// Time (unix seconds), one event per line (rn5l/session-rec, data/*/prepared).
import type { SessionEvent } from '../types';

/**
 * Parses the text of a `SessionId ItemId Time` TSV file; columns are found by name, extra columns ignored.
 * Throws with the line number on a malformed line.
 *
 * @example
 * parseSessionTsv('SessionId\tItemId\tTime\n1\t214536502\t1396860669.277\n');
 * // [{ sessionId: '1', itemId: '214536502', time: 1396860669.277 }]
 */
export function parseSessionTsv(text: string): SessionEvent[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`session TSV: header has no ${name} column (got: ${header.join(', ')})`);
    return i;
  };
  const si = col('SessionId');
  const ii = col('ItemId');
  const ti = col('Time');
  const events: SessionEvent[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') continue;
    const f = line.split('\t');
    const time = Number(f[ti]);
    const sessionId = f[si]?.trim();
    const itemId = f[ii]?.trim();
    if (!sessionId || !itemId || !Number.isFinite(time)) {
      throw new Error(`session TSV: malformed line ${n + 1}: ${JSON.stringify(line)}`);
    }
    events.push({ sessionId, itemId, time });
  }
  return events;
}
