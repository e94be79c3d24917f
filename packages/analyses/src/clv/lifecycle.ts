// Lifecycle stage of a customer (new, active, at risk, lapsed, won back) from order dates.
// A rule-based classification, not a statistical model: the stages are the usual CRM lifecycle
// (e.g. Kumar & Reinartz, "Customer Relationship Management", ch. on customer lifecycle), and the
// thresholds scale with the customer's own purchase cadence when there is enough history, because
// "90 days without an order" means different things for weekly and for yearly buyers.

import { dayIndex } from './customer-summary';

export type LifecycleStage = 'new' | 'active' | 'at risk' | 'lapsed' | 'won back';

export interface LifecycleOptions {
  /** Date the stage is evaluated at; orders after it are ignored. */
  asOf: Date | number;
  /** A customer whose first order is fewer than this many days old is new (default 30). */
  newWithinDays?: number;
  /** Fixed thresholds in days without an order (defaults 90 and 180). */
  atRiskAfterDays?: number;
  lapsedAfterDays?: number;
  /**
   * Thresholds relative to the customer's median gap between purchase days, used instead of the fixed
   * ones once the customer has at least `minGaps` gaps (defaults: at risk after 2×, lapsed after 4× the
   * median gap, minGaps 2). `null` always uses the fixed thresholds.
   */
  cadence?: { atRiskMultiple?: number; lapsedMultiple?: number; minGaps?: number } | null;
  /** Shop time zone offset from UTC in minutes, used to cut days (default 0). */
  utcOffsetMinutes?: number;
}

interface Thresholds {
  atRisk: number;
  lapsed: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function thresholdsFor(gaps: readonly number[], options: LifecycleOptions): Thresholds {
  const fixed = { atRisk: options.atRiskAfterDays ?? 90, lapsed: options.lapsedAfterDays ?? 180 };
  const cadence = options.cadence === undefined ? {} : options.cadence;
  if (cadence === null || gaps.length < (cadence.minGaps ?? 2)) return fixed;
  const typicalGap = median(gaps);
  return {
    atRisk: (cadence.atRiskMultiple ?? 2) * typicalGap,
    lapsed: (cadence.lapsedMultiple ?? 4) * typicalGap,
  };
}

/**
 * Lifecycle stage as of `asOf`, or null if the customer has no order by then. With d = days since the
 * last purchase day and thresholds from the customer's cadence (or the fixed ones):
 * - lapsed: d >= lapsed threshold;
 * - at risk: d >= at-risk threshold;
 * - won back: recent, and the gap before the last purchase was itself a lapse (>= the lapsed threshold
 *   computed from the history before that purchase);
 * - new: recent, and the first order is fewer than `newWithinDays` days old;
 * - active: otherwise.
 * Orders on the same day count once.
 *
 * @example
 * lifecycleStage([Date.UTC(2024, 0, 1), Date.UTC(2024, 8, 1)], { asOf: Date.UTC(2024, 8, 10) }); // 'won back'
 */
export function lifecycleStage(
  orderDates: Iterable<Date | number>,
  options: LifecycleOptions,
): LifecycleStage | null {
  const offset = options.utcOffsetMinutes ?? 0;
  const asOfDay = dayIndex(options.asOf, offset);
  const daySet = new Set<number>();
  for (const at of orderDates) {
    const day = dayIndex(at, offset);
    if (day <= asOfDay) daySet.add(day);
  }
  if (daySet.size === 0) return null;
  const days = [...daySet].sort((p, q) => p - q);
  const gaps = days.slice(1).map((d, i) => d - days[i]!);

  const sinceLast = asOfDay - days[days.length - 1]!;
  const now = thresholdsFor(gaps, options);
  if (sinceLast >= now.lapsed) return 'lapsed';
  if (sinceLast >= now.atRisk) return 'at risk';

  if (gaps.length > 0) {
    const before = thresholdsFor(gaps.slice(0, -1), options);
    if (gaps[gaps.length - 1]! >= before.lapsed) return 'won back';
  }
  if (asOfDay - days[0]! < (options.newWithinDays ?? 30)) return 'new';
  return 'active';
}
