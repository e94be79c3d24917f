// SQL dialects: plain objects that spread a base and override what differs (GrowthBook's
// pattern), so each analysis is written once and compiled per backend.

export interface Dialect {
  readonly name: string;
  /** Placeholder for a named parameter. */
  param(name: string, type: 'string' | 'int' | 'float'): string;
  /** A TIMESTAMP from a parameter holding milliseconds since the epoch. */
  timestampFromMs(paramSql: string): string;
  /** The UTC day (DATE) of a TIMESTAMP expression. */
  dayOf(expr: string): string;
  /** Exact count of distinct values. */
  countDistinct(expr: string): string;
  /** Aggregate filtered by a condition. */
  filtered(aggregate: string, condition: string): string;
  /** Any one value of a group. */
  anyValue(expr: string): string;
  /** Most frequent value of a group. */
  mode(expr: string): string;
  /** String concatenation of expressions. */
  concat(parts: readonly string[]): string;
  /** Start of the day / ISO week / month of a TIMESTAMP expression, as a TIMESTAMP. */
  truncate(unit: 'day' | 'week' | 'month', expr: string): string;
  /** Whole units between two TIMESTAMP expressions (later minus earlier). */
  diff(unit: 'day' | 'week' | 'month', earlier: string, later: string): string;
}

export const baseDialect: Dialect = {
  name: 'ansi',
  param: (name) => `$${name}`,
  timestampFromMs: (p) => `make_timestamp(CAST(${p} AS BIGINT) * 1000)`,
  dayOf: (expr) => `CAST(${expr} AS DATE)`,
  countDistinct: (expr) => `count(DISTINCT ${expr})`,
  filtered: (aggregate, condition) => `${aggregate} FILTER (WHERE ${condition})`,
  anyValue: (expr) => `any_value(${expr})`,
  mode: (expr) => `mode(${expr})`,
  concat: (parts) => `(${parts.join(' || ')})`,
  truncate: (unit, expr) => `date_trunc('${unit}', ${expr})`,
  diff: (unit, earlier, later) => `date_diff('${unit}', ${earlier}, ${later})`,
};

export const duckdbDialect: Dialect = { ...baseDialect, name: 'duckdb' };

/** A compiled query: SQL text plus named parameter values. */
export interface CompiledQuery {
  sql: string;
  params: Record<string, string | number>;
}
