// The AnalyticsStore contract: customer analyses that run where the data is (cohorts and
// retention, customer KPIs). Implemented per backend; see duckdb/duckdb-analytics-store.ts.
// The store answers raw counts and sums only; rates, definitions and the heatmap shape are
// derived once in packages/analyses (cohorts/, kpis/customer-kpis.ts), so every backend and
// every surface shows the same numbers.
//
// Words as in DESIGN.md: a customer is a profile (stitched identities count as one) with at
// least one order that was not cancelled; orders count once per order id.
import type { TimeRange } from './store';

/** What starts a customer's cohort. */
export type CohortBasis = 'first_order' | 'first_visit' | 'segment_entry';
/** What counts as being active in a later period. */
export type CohortActivity = 'order' | 'visit';
export type CohortPeriod = 'day' | 'week' | 'month';

export interface RetentionQuery {
  projectId: string;
  cohortBy: CohortBasis;
  /**
   * With segment_entry: the segment whose first entry starts the cohort (required). Otherwise:
   * only profiles that were ever members of this segment.
   */
  segmentId?: string | undefined;
  activity: CohortActivity;
  /** Cohort and offset unit; weeks start on Monday, all in UTC. */
  period: CohortPeriod;
  /** Cohorts whose start instant lies in the range. */
  range: TimeRange;
  /** Offsets 0 .. periods - 1 are counted. */
  periods: number;
}

export interface RetentionCohortFigures {
  /** Start of the cohort's period (ms, UTC). */
  startMs: number;
  /** Profiles in the cohort. */
  size: number;
  /** active[k]: cohort profiles active in the period k periods after the cohort's; length `periods`. */
  active: number[];
}

export interface RetentionFigures {
  period: CohortPeriod;
  periods: number;
  /** Non-empty cohorts, oldest first. */
  cohorts: RetentionCohortFigures[];
}

export interface CustomerKpiQuery {
  projectId: string;
  range: TimeRange;
  /** One row per ISO week or calendar month (clipped to the range), or one for the whole range. */
  period: 'week' | 'month' | null;
  /** Only profiles that were members of this segment at some time during each period. */
  segmentId?: string | undefined;
  /** Only profiles whose current lifecycle stage (profile_traits) is this one. */
  lifecycleStage?: string | undefined;
  /** A customer is active at a date when they ordered in this many days before it. */
  activityWindowDays: number;
}

/** Raw figures of one period [startMs, endMs). */
export interface CustomerPeriodFigures {
  startMs: number;
  endMs: number;
  /** S: customers active at the start (an order in the window before startMs). */
  startCustomers: number;
  /** E: customers active at the end (an order in the window before endMs). */
  endCustomers: number;
  /** Customers active both at the start and at the end. */
  retainedCustomers: number;
  /** N: customers whose first order falls in the period. */
  newCustomers: number;
  /** Customers with an order in the period. */
  orderingCustomers: number;
  /** Ordering customers whose first order was before the period. */
  returningCustomers: number;
  /** Ordering customers with two or more orders by the end of the period. */
  repeatCustomers: number;
  orders: number;
  /** Order revenue net of refunds, on the day of the order. */
  revenue: number;
  /** Part of revenue from customers whose first order was before the period. */
  returningCustomerRevenue: number;
  /** Sessions that started in the period. */
  sessions: number;
  /** Those with an order that was not cancelled. */
  convertingSessions: number;
  /** Those with a Product Added. */
  cartSessions: number;
  /** Those with a Product Added and no Order Completed. */
  abandonedCartSessions: number;
}

export interface CustomerKpiFigures {
  activityWindowDays: number;
  periods: CustomerPeriodFigures[];
}

export interface AnalyticsStore {
  /** Cohort sizes and active customers per cohort and offset. */
  retention(query: RetentionQuery): Promise<RetentionFigures>;
  /** Raw customer figures per period; see CustomerPeriodFigures. */
  customerKpis(query: CustomerKpiQuery): Promise<CustomerKpiFigures>;
}
