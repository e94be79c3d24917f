// Field readers shared by the order formats: cells, amounts, quantities, dates (parseShopDate:
// ISO 8601, Shopify's "2024-03-05 14:03:11 +0100", German "05.03.2024", US "3/5/2024", Unix
// time; no zone means UTC), statuses and channels, each rejecting a bad value with a reason that names the column and the value, so a
// merchant can find and fix it. Builders throw `RowRejected`; the format's loop turns it into
// a rejected row, so one bad order never stops the file.

import type { OrderLine, OrderRecord, OrderStatus } from '../records';
import type { DecimalSeparator } from '../sources/decimal';
import { parseDecimal } from '../sources/decimal';
import { parseShopDate } from './shop-date';

export type Row = Record<string, string>;
export type OrderChannel = OrderRecord['channel'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** A row (or order) that cannot be imported, with the line to report it on. */
export class RowRejected extends Error {
  constructor(
    reason: string,
    readonly line?: number,
  ) {
    super(reason);
  }
}

/** Trimmed cell text; null when the column is absent or blank. */
export function cell(row: Row, key: string): string | null {
  const v = row[key];
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** The first non-blank value among an order's rows: exports differ in whether they repeat it. */
export function firstCell(rows: readonly Row[], key: string): string | null {
  for (const row of rows) {
    const v = cell(row, key);
    if (v !== null) return v;
  }
  return null;
}

/** An amount; null when blank, rejected when it is not a number. */
export function amount(
  text: string | null,
  decimal: DecimalSeparator | 'auto',
  column: string,
): number | null {
  if (text === null) return null;
  const n = parseDecimal(text, decimal);
  if (n === null) throw new RowRejected(`${column} "${text}" is not a number`);
  return n;
}

/** A line's quantity: a whole number of at least 1 ("2", "2.0", "2,00" from spreadsheets). */
export function quantity(text: string | null, column: string): number {
  if (text === null) throw new RowRejected(`${column} is empty`);
  const m = /^(\d+)(?:[.,]0+)?$/.exec(text);
  const n = m ? Number(m[1]) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RowRejected(`${column} "${text}" is not a whole number above 0`);
  return n;
}

/** A required order date, not more than a day after the import runs. */
export function orderedAt(text: string | null, column: string, now: number): number {
  if (text === null) throw new RowRejected(`${column} is empty`);
  const at = parseShopDate(text);
  if (at === null) throw new RowRejected(`${column} "${text}" is not a date`);
  if (at > now + DAY_MS) throw new RowRejected(`${column} ${text} lies in the future`);
  return at;
}

/** An optional date (refunded at, cancelled at). */
export function optionalDate(text: string | null, column: string): number | null {
  if (text === null) return null;
  const at = parseShopDate(text);
  if (at === null) throw new RowRejected(`${column} "${text}" is not a date`);
  return at;
}

/** Rounds a computed sum to cents, so 0.1 + 0.2 does not become a revenue of 0.30000000000000004. */
export const cents = (n: number): number => Math.round(n * 100) / 100;

export const sumOfLines = (lines: readonly OrderLine[]): number =>
  cents(lines.reduce((sum, l) => sum + (l.price ?? 0) * l.quantity, 0));

/** Zero refunds and discounts are "none": the record keeps null so reports need not filter zeros. */
export const positiveOrNull = (n: number | null): number | null => (n !== null && n > 0 ? n : null);

/**
 * A completed order with money refunded is (partially) refunded: WooCommerce and many ERPs keep
 * the status "completed" after a partial refund and only the refunded amount tells.
 */
export function withRefund(status: OrderStatus, refund: number | null, total: number): OrderStatus {
  if (status !== 'completed' || refund === null || refund <= 0) return status;
  return refund >= total ? 'refunded' : 'partially_refunded';
}

/** Status words -> status; null marks orders that are not (yet) a sale. */
export function statusFrom(
  word: string | null,
  words: Readonly<Record<string, OrderStatus | null>>,
  column: string,
): OrderStatus {
  const key = (word ?? '').trim().toLowerCase();
  if (key === '') throw new RowRejected(`${column} is empty`);
  if (!Object.hasOwn(words, key)) {
    const known = Object.keys(words).join(', ');
    throw new RowRejected(`${column} "${word}" is not one of ${known}`);
  }
  const status = words[key];
  if (status === null || status === undefined) throw new RowRejected(`order status ${key} is not a sale`);
  return status;
}

/** Channel words (ours and common synonyms) -> channel. */
const CHANNEL_WORDS: Readonly<Record<string, OrderChannel>> = {
  web: 'web',
  online: 'web',
  shop: 'web',
  app: 'app',
  mobile: 'app',
  store: 'store',
  pos: 'store',
  retail: 'store',
  service: 'service',
  phone: 'service',
  email: 'email',
};

export function channelFrom(word: string | null, column: string): OrderChannel {
  if (word === null) return 'web';
  const channel = CHANNEL_WORDS[word.toLowerCase()];
  if (channel === undefined)
    throw new RowRejected(`${column} "${word}" is not one of web, app, store, service, email`);
  return channel;
}

/** Runs `read` for one row, so a rejection points at that row's line rather than the order's first. */
export function atLine<T>(line: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RowRejected && error.line === undefined) throw new RowRejected(error.message, line);
    throw error;
  }
}

/** Runs a builder; a rejection becomes the reason to report, anything else is a bug and propagates. */
export function tryBuild<T>(
  build: () => T,
  line: number,
  label?: string,
): { line: number; record: T } | { line: number; error: string } {
  try {
    return { line, record: build() };
  } catch (error) {
    if (error instanceof RowRejected) {
      return { line: error.line ?? line, error: label ? `${label}: ${error.message}` : error.message };
    }
    throw error;
  }
}
