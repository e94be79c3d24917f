// AnalyticsStore on DuckDB. (Being written: see analytics-store.ts for the contract.)
import type { AnalyticsStore } from '../analytics-store';
import type { DuckDbDatabase } from './duckdb-database';

export class DuckDbAnalyticsStore implements AnalyticsStore {
  constructor(readonly db: DuckDbDatabase) {}
}
