// RFM (recency, frequency, monetary) scores and segments.
// Sources: Hughes (1994), "Strategic Database Marketing" for quintile RFM scoring; the 11 segment names and
// their placement on the recency × frequency/monetary grid follow the widely used RFM segment map (the
// 5×5 "R vs F" grid of e.g. the `rfm` R package and Putler's 11-segment table), with F and M combined.

import { dayIndex, type Transaction } from './customer-summary';

export interface RfmInput {
  customerId: string;
  /** Days since the last order (lower is better). */
  recencyDays: number;
  /** Number of orders. */
  frequency: number;
  /** Total revenue. */
  monetary: number;
}

export type RfmSegment =
  | 'Champions'
  | 'Loyal'
  | 'Potential loyalist'
  | 'New'
  | 'Promising'
  | 'Needs attention'
  | 'About to sleep'
  | 'At risk'
  | "Can't lose them"
  | 'Hibernating'
  | 'Lost';

export interface RfmScore {
  customerId: string;
  /** 1..5, 5 = most recent quintile. */
  recency: number;
  /** 1..5, 5 = most orders. */
  frequency: number;
  /** 1..5, 5 = highest revenue. */
  monetary: number;
  /** The three digits, e.g. "545". */
  code: string;
  segment: RfmSegment;
}

/**
 * Quintile score 1..5 of each value, higher value → higher score, by mid-rank percentile:
 * score = floor(5 · (#smaller + #equal / 2) / n) + 1. Ties always share a score (a customer's score
 * does not depend on input order) and n distinct values spread evenly over 1..5.
 *
 * @example
 * quintileScores([10, 20, 30, 40, 50]); // [1, 2, 3, 4, 5]
 */
export function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('quintileScores: values must be finite');
  const sorted = [...values].sort((p, q) => p - q);
  const scoreOf = new Map<number, number>();
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && sorted[j] === sorted[i]) j++;
    const midRank = (i + (j - i) / 2) / n;
    scoreOf.set(sorted[i]!, Math.min(5, Math.floor(5 * midRank) + 1));
    i = j;
  }
  return values.map((v) => scoreOf.get(v)!);
}

// Rows: recency score 5 (top) .. 1; columns: combined frequency/monetary score 1..5.
const SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  ['New', 'Potential loyalist', 'Potential loyalist', 'Champions', 'Champions'],
  ['Promising', 'Potential loyalist', 'Potential loyalist', 'Loyal', 'Loyal'],
  ['About to sleep', 'About to sleep', 'Needs attention', 'Loyal', 'Loyal'],
  ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose them"],
  ['Lost', 'Hibernating', 'At risk', 'At risk', "Can't lose them"],
];

/**
 * Segment of a customer from the R, F and M scores (1..5). F and M are combined as round((F + M) / 2)
 * (halves round up) and looked up on the recency × FM grid:
 *
 * | R \ FM | 1              | 2                  | 3                  | 4         | 5               |
 * |--------|----------------|--------------------|--------------------|-----------|-----------------|
 * | 5      | New            | Potential loyalist | Potential loyalist | Champions | Champions       |
 * | 4      | Promising      | Potential loyalist | Potential loyalist | Loyal     | Loyal           |
 * | 3      | About to sleep | About to sleep     | Needs attention    | Loyal     | Loyal           |
 * | 2      | Hibernating    | Hibernating        | At risk            | At risk   | Can't lose them |
 * | 1      | Lost           | Hibernating        | At risk            | At risk   | Can't lose them |
 *
 * @example
 * rfmSegment(5, 5, 4); // 'Champions'
 */
export function rfmSegment(recency: number, frequency: number, monetary: number): RfmSegment {
  const clamp = (s: number): number => Math.min(5, Math.max(1, Math.round(s)));
  const fm = clamp((frequency + monetary) / 2);
  return SEGMENT_GRID[5 - clamp(recency)]![fm - 1]!;
}

/**
 * RFM quintile scores and segment of every customer, relative to the given population.
 *
 * @example
 * rfmScores([{ customerId: 'c1', recencyDays: 3, frequency: 8, monetary: 640 }, ...]);
 * // [{ customerId: 'c1', recency: 5, frequency: 5, monetary: 5, code: '555', segment: 'Champions' }, ...]
 */
export function rfmScores(customers: readonly RfmInput[]): RfmScore[] {
  // Negate recency so that fewer days since the last order gives the higher score.
  const r = quintileScores(customers.map((c) => -c.recencyDays));
  const f = quintileScores(customers.map((c) => c.frequency));
  const m = quintileScores(customers.map((c) => c.monetary));
  return customers.map((c, i) => {
    const [rs, fs, ms] = [r[i]!, f[i]!, m[i]!];
    return {
      customerId: c.customerId,
      recency: rs,
      frequency: fs,
      monetary: ms,
      code: `${rs}${fs}${ms}`,
      segment: rfmSegment(rs, fs, ms),
    };
  });
}

export interface RfmInputOptions {
  /** Date the recency is measured at; orders after it are ignored. */
  asOf: Date | number;
  /** Shop time zone offset from UTC in minutes, used to cut days (default 0). */
  utcOffsetMinutes?: number;
}

/**
 * RFM inputs from raw orders: whole days since the last order's day, number of orders, total revenue.
 *
 * @example
 * rfmInputsFromTransactions(orders, { asOf: Date.now() }); // [{ customerId, recencyDays, frequency, monetary }]
 */
export function rfmInputsFromTransactions(
  transactions: Iterable<Transaction>,
  options: RfmInputOptions,
): RfmInput[] {
  const offset = options.utcOffsetMinutes ?? 0;
  const asOfDay = dayIndex(options.asOf, offset);
  const byCustomer = new Map<string, { lastDay: number; orders: number; revenue: number }>();
  for (const t of transactions) {
    const day = dayIndex(t.at, offset);
    if (day > asOfDay) continue;
    const acc = byCustomer.get(t.customerId);
    if (acc) {
      acc.lastDay = Math.max(acc.lastDay, day);
      acc.orders += 1;
      acc.revenue += t.value;
    } else {
      byCustomer.set(t.customerId, { lastDay: day, orders: 1, revenue: t.value });
    }
  }
  return [...byCustomer].map(([customerId, acc]) => ({
    customerId,
    recencyDays: asOfDay - acc.lastDay,
    frequency: acc.orders,
    monetary: acc.revenue,
  }));
}
