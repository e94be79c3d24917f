// The AnalyticsStore contract: customer analyses that run where the data is (cohorts and
// retention, customer KPIs). Implemented per backend; see duckdb/duckdb-analytics-store.ts.
// Shapes of inputs and results are defined by the implementation work on this file.

// biome-ignore lint/suspicious/noEmptyInterface: filled in by the cohorts and KPIs work
export interface AnalyticsStore {}
