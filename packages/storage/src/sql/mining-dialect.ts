// What the mining queries need beyond the journey dialect: a 64-bit hash, so that basket ids
// and values are joined and grouped as integers rather than text (on 10 million events the
// difference between two seconds and three), and a list joined into one text, so sessions with
// the same steps group together. Kept apart like journey-dialect.ts, so the shared dialect stays
// as it is; ClickHouse would answer cityHash64(x) and arrayStringConcat(list, sep).
import { duckdbJourneyDialect, type JourneyDialect } from './journey-dialect';

export interface MiningDialect extends JourneyDialect {
  /** A 64-bit hash of a text expression. */
  hash64(expr: string): string;
  /** The elements of a list of text joined by a separator (an SQL text expression). */
  listJoin(list: string, separator: string): string;
  /** In a GROUP BY over a few rows (a dictionary): the values ordered by orderBy, as a list. */
  smallOrderedList(expr: string, orderBy: string): string;
  /** A list of 0-based codes turned into the names at those positions of a list of names. */
  decodeList(codes: string, names: string): string;
  /** The bucket 0 .. 2^bits - 1 of a pair of 64-bit hashes (their xor, masked). */
  pairBucket(x: string, y: string, bits: number): string;
}

export const duckdbMiningDialect: MiningDialect = {
  ...duckdbJourneyDialect,
  hash64: (expr) => `hash(${expr})`,
  listJoin: (list, separator) => `array_to_string(${list}, ${separator})`,
  smallOrderedList: (expr, orderBy) => `list(${expr} ORDER BY ${orderBy})`,
  decodeList: (codes, names) => `list_transform(${codes}, lambda c: (${names})[c + 1])`,
  pairBucket: (x, y, bits) => `(xor(${x}, ${y}) & ${2 ** bits - 1})`,
};
