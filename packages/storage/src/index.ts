// Public entry of @centric/storage: the store contracts and the embedded DuckDB backend.

export { DuckDbStore } from './duckdb/duckdb-store';
export { type CompiledQuery, type Dialect, duckdbDialect } from './sql/dialect';
export type {
  AppendReport,
  EventQuery,
  EventStore,
  KeyKind,
  OrderItem,
  OverviewFigures,
  Project,
  ProjectKeys,
  StateStore,
  Store,
  StoredEvent,
  TimeRange,
  VisitorSession,
} from './store';
