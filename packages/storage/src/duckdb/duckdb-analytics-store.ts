// AnalyticsStore on DuckDB: runs the retention and customer-KPI builders of src/sql and turns
// their rows into the contract's raw figures (see analytics-store.ts).
import type {
  AnalyticsStore,
  CustomerKpiFigures,
  CustomerKpiQuery,
  CustomerPeriodFigures,
  RetentionCohortFigures,
  RetentionFigures,
  RetentionQuery,
} from '../analytics-store';
import { buildCustomerKpiQuery, kpiPeriods } from '../sql/customer-kpi-query';
import { duckdbDialect } from '../sql/dialect';
import { buildRetentionQuery, COHORT_SIZE_OFFSET } from '../sql/retention-query';
import type { DuckDbDatabase } from './duckdb-database';

export class DuckDbAnalyticsStore implements AnalyticsStore {
  constructor(readonly db: DuckDbDatabase) {}

  async retention(query: RetentionQuery): Promise<RetentionFigures> {
    const { sql, params } = buildRetentionQuery(query, duckdbDialect);
    const rows = await this.db.query(sql, params);
    const cohorts = new Map<number, RetentionCohortFigures>();
    const cohortOf = (startMs: number) => {
      let c = cohorts.get(startMs);
      if (!c) {
        c = { startMs, size: 0, active: new Array<number>(query.periods).fill(0) };
        cohorts.set(startMs, c);
      }
      return c;
    };
    for (const r of rows) {
      const c = cohortOf(toMs(r.cohort_start));
      const offset = Number(r.period_offset);
      if (offset === COHORT_SIZE_OFFSET) c.size = Number(r.customers);
      else c.active[offset] = Number(r.customers);
    }
    return {
      period: query.period,
      periods: query.periods,
      cohorts: [...cohorts.values()].sort((a, b) => a.startMs - b.startMs),
    };
  }

  async customerKpis(query: CustomerKpiQuery): Promise<CustomerKpiFigures> {
    const { sql, params } = buildCustomerKpiQuery(query, duckdbDialect);
    const periods = kpiPeriods(query.range, query.period);
    const rows = await this.db.query(sql, params);
    return {
      activityWindowDays: query.activityWindowDays,
      periods: rows.map((r): CustomerPeriodFigures => {
        const range = periods[Number(r.idx)]!;
        return {
          startMs: range.startMs,
          endMs: range.endMs,
          startCustomers: Number(r.start_customers),
          endCustomers: Number(r.end_customers),
          retainedCustomers: Number(r.retained_customers),
          newCustomers: Number(r.new_customers),
          orderingCustomers: Number(r.ordering_customers),
          returningCustomers: Number(r.returning_customers),
          repeatCustomers: Number(r.repeat_customers),
          orders: Number(r.orders),
          revenue: Number(r.revenue),
          returningCustomerRevenue: Number(r.returning_revenue),
          sessions: Number(r.sessions),
          convertingSessions: Number(r.converting_sessions),
          cartSessions: Number(r.cart_sessions),
          abandonedCartSessions: Number(r.abandoned_cart_sessions),
        };
      }),
    };
  }
}

/** DuckDB answers TIMESTAMP as a Date in JS rows; the contract speaks milliseconds. */
function toMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return Date.parse(`${String(value).replace(' ', 'T')}Z`);
}
