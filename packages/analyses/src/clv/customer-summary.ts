// Per-customer recency/frequency/monetary summary: the sufficient statistics (x, t_x, T, m_x) of the
// BG/NBD and Gamma-Gamma models. Source: Fader, Hardie & Lee (2005), "Counting your customers the easy
// way" (Marketing Science 24(2)), section 2, and the `summary_data_from_transaction_data` helper of the
// lifetimes library (C. Davidson-Pilon), whose CDNOW summary this reproduces exactly.
//
// Conventions (chosen to reproduce the published CDNOW summary):
// - Time is bucketed into calendar days (UTC unless `utcOffsetMinutes` is given); all orders of a
//   customer on one day form one purchase whose value is the sum of the orders.
// - frequency = number of distinct purchase days - 1 (repeat purchases; the first one only starts the clock).
// - recency = days between the first and the last purchase day / 7 (weeks, fractional).
// - T = days between the first purchase day and the `until` day / 7 (weeks, fractional).
// - monetaryValue = mean value of the repeat purchase days (the first purchase excluded), 0 if frequency = 0.
// - Orders after the `until` day are ignored; orders on the `until` day count. Customers whose first
//   order is after `until` do not appear.

const MS_PER_DAY = 86_400_000;
const DAYS_PER_WEEK = 7;

/** One order (or any purchase event) of a customer. `value` is the order value in the shop currency. */
export interface Transaction {
  customerId: string;
  /** When the order was placed: a Date or epoch milliseconds. */
  at: Date | number;
  value: number;
}

export interface CustomerSummary {
  customerId: string;
  /** Repeat purchase days (x in the paper). */
  frequency: number;
  /** Weeks between the first and the last purchase day (t_x). */
  recency: number;
  /** Weeks between the first purchase day and the observation end (T). */
  T: number;
  /** Mean value of the repeat purchase days (m_x); 0 when frequency is 0. */
  monetaryValue: number;
  /** Number of orders (rows) up to `until`, before the per-day aggregation. */
  orders: number;
  /** Sum of all order values up to `until`, first purchase included (historic CLV). */
  revenue: number;
  /** Start of the first and last purchase day, epoch ms (UTC day boundary shifted by the offset). */
  firstPurchaseDay: number;
  lastPurchaseDay: number;
}

export interface SummaryOptions {
  /** Observation end (inclusive, day granularity). */
  until: Date | number;
  /** Offset of the shop's local time from UTC in minutes (e.g. 60 for CET), used to cut days. Default 0. */
  utcOffsetMinutes?: number;
}

/**
 * Day index of a timestamp: whole days since the epoch in the shop's time zone.
 *
 * @example
 * dayIndex(Date.UTC(1970, 0, 2, 23)); // 1
 * dayIndex(Date.UTC(1970, 0, 2, 23), 120); // 2 (already Jan 3 at UTC+2)
 */
export function dayIndex(at: Date | number, utcOffsetMinutes = 0): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor((ms + utcOffsetMinutes * 60_000) / MS_PER_DAY);
}

interface Accumulator {
  days: Map<number, number>;
  orders: number;
  revenue: number;
}

/**
 * Builds the RFM summary of every customer from raw transactions, in order of first appearance.
 *
 * @example
 * summarizeCustomers(
 *   [
 *     { customerId: 'c1', at: Date.UTC(1997, 0, 1), value: 29.33 },
 *     { customerId: 'c1', at: Date.UTC(1997, 0, 18), value: 29.73 },
 *   ],
 *   { until: Date.UTC(1997, 8, 30) },
 * ); // [{ customerId: 'c1', frequency: 1, recency: 17 / 7, T: 272 / 7, monetaryValue: 29.73, ... }]
 */
export function summarizeCustomers(
  transactions: Iterable<Transaction>,
  options: SummaryOptions,
): CustomerSummary[] {
  const offset = options.utcOffsetMinutes ?? 0;
  const untilDay = dayIndex(options.until, offset);
  const byCustomer = new Map<string, Accumulator>();
  for (const t of transactions) {
    const day = dayIndex(t.at, offset);
    if (!Number.isFinite(day))
      throw new RangeError(`summarizeCustomers: invalid date for customer ${t.customerId}`);
    if (day > untilDay) continue;
    let acc = byCustomer.get(t.customerId);
    if (!acc) {
      acc = { days: new Map(), orders: 0, revenue: 0 };
      byCustomer.set(t.customerId, acc);
    }
    acc.days.set(day, (acc.days.get(day) ?? 0) + t.value);
    acc.orders += 1;
    acc.revenue += t.value;
  }

  const summaries: CustomerSummary[] = [];
  for (const [customerId, acc] of byCustomer) {
    const days = [...acc.days.keys()].sort((p, q) => p - q);
    const first = days[0]!;
    const last = days[days.length - 1]!;
    const frequency = days.length - 1;
    let repeatValue = 0;
    for (let i = 1; i < days.length; i++) repeatValue += acc.days.get(days[i]!)!;
    summaries.push({
      customerId,
      frequency,
      recency: (last - first) / DAYS_PER_WEEK,
      T: (untilDay - first) / DAYS_PER_WEEK,
      monetaryValue: frequency > 0 ? repeatValue / frequency : 0,
      orders: acc.orders,
      revenue: acc.revenue,
      firstPurchaseDay: first * MS_PER_DAY - offset * 60_000,
      lastPurchaseDay: last * MS_PER_DAY - offset * 60_000,
    });
  }
  return summaries;
}
