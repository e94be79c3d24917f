// What the journey queries need beyond the base dialect: integer step codes ordered per group,
// list slicing, string tests on hosts and paths, millisecond arithmetic and exact quantiles,
// lists per group with filtered minima, bit words and constant lookups. Kept apart from
// dialect.ts so the journey analyses extend the shared dialect without changing it. Every
// construct here has a ClickHouse counterpart (cityHash64, groupArray + arraySort for ordered
// lists, arraySlice, ARRAY JOIN range() for positions, argMin with a tuple, domain(),
// quantilesExact, arrayMin(arrayFilter()), arrayFlatten, groupBitOr, transform() for lookups),
// so a ClickHouse adapter overrides these and reuses the journey query builders unchanged. The
// one DuckDB-specific idea is rowId: ClickHouse has no row ids, and its adapter would take a
// landing's columns with one argMin of a tuple instead (see journey-landing.ts).
import { type Dialect, duckdbDialect } from './dialect';

export interface JourneyDialect extends Dialect {
  /** A string literal (the dialect's quoting rules). */
  literal(value: string): string;
  /** Equality that holds for two NULLs too (a join condition). */
  nullSafeEquals(a: string, b: string): string;
  /** A well-mixed unsigned 64-bit hash of a string expression, varied by an integer salt. */
  hash(expr: string, salt: number): string;
  /**
   * In a GROUP BY: the integer codes (0 <= code < 2^bits) of a group as a list ordered by time
   * (0 <= time < 2^(62 - bits), e.g. milliseconds since the range start); only the first
   * `first` of them when given.
   */
  orderedCodes(o: { code: string; time: string; bits: number; first?: number | undefined }): string;
  /** Elements from..to (1-based, inclusive, SQL expressions) of a list; clipped to the list. */
  listSlice(list: string, from: string, to: string): string;
  listLength(list: string): string;
  /** Element i (1-based); NULL past the end. */
  listElement(list: string, i: string): string;
  /** 1-based position of the first element equal to value; 0 when absent. */
  listPosition(list: string, value: string): string;
  listReverse(list: string): string;
  /** The list without elements equal to the one before them. */
  collapseRepeats(list: string): string;
  /** A FROM-clause addition giving each row the positions 1..n in column `name`. */
  positions(name: string, n: number): string;
  /** In a GROUP BY: the named fields of the row with the smallest orderBy, as one value. */
  firstRow(fields: Readonly<Record<string, string>>, orderBy: string): string;
  /** A field of a firstRow value. */
  rowField(row: string, fields: readonly string[], name: string): string;
  /** In a GROUP BY: expr at the row with the smallest orderBy. */
  argMin(expr: string, orderBy: string): string;
  /** Lower-case host of a URL; '' when there is none. */
  urlHost(expr: string): string;
  startsWith(expr: string, prefix: string): string;
  endsWith(expr: string, suffix: string): string;
  contains(expr: string, part: string): string;
  /** A TIMESTAMP plus milliseconds (an integer SQL expression). */
  addMs(ts: string, ms: string): string;
  /** Microseconds since the epoch of a TIMESTAMP, as an integer. */
  epochUs(ts: string): string;
  /**
   * A unique integer per row of a table (alias), to read a row again by (a join on it): lets
   * a grouping carry a row along as one integer rather than its text columns.
   */
  rowId(alias: string): string;
  /** Milliseconds from earlier to later (TIMESTAMPs). */
  diffMs(earlier: string, later: string): string;
  /** The continuous quantiles ps of expr in a group, as a list in the order of ps; NULL when empty. */
  quantiles(expr: string, ps: readonly number[]): string;
  /** Put after `name AS` of a CTE read several times, so it is worked out once ('' if always so). */
  materialized: string;
  /** Put after `name AS` of a CTE to have each reader work it out again ('' if always so). */
  notMaterialized: string;
  /** An unsigned 64-bit word with only bit `index` (0..63, an integer SQL expression) set. */
  bit(index: string): string;
  /** In a GROUP BY: the bitwise OR of unsigned 64-bit words (NULL when there are none). */
  bitOr(expr: string): string;
  /**
   * The value at the position of expr in keys (SQL literals), otherwise when it is not there
   * (or NULL). A function of one column: worked out per distinct value where the engine can.
   */
  lookup(expr: string, keys: readonly string[], values: readonly string[], otherwise: string): string;
  /**
   * Whether expr is one of the values (SQL literals), NULL when expr is NULL: `expr IN (...)`,
   * written so that a dictionary-compressed column is tested once per distinct value.
   */
  inList(expr: string, values: readonly string[]): string;
  /** The bitwise OR of integer expressions. */
  bitwiseOr(parts: readonly string[]): string;
  /** Whether any bit set in `bits` is set in `word` too. */
  hasBit(word: string, bits: string): string;
  /** In a GROUP BY: the values as a list, in no particular order (NULL when there are none). */
  listOf(expr: string): string;
  /** The list of lists made one list; NULL lists count as empty. */
  listFlatten(lists: string): string;
  /** The smallest element x of a list for which condition (over the name x) holds; NULL when none. */
  listMinWhere(list: string, x: string, condition: string): string;
}

export const duckdbJourneyDialect: JourneyDialect = {
  ...duckdbDialect,
  // DuckDB string literals take no backslash escapes: doubling the quote is all there is.
  literal: (value) => `'${value.replaceAll("'", "''")}'`,
  nullSafeEquals: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
  hash: (expr, salt) => `hash(${expr}, ${Math.trunc(salt)})`,
  // list(x ORDER BY t) sorts every group through one big sort and gets slow on millions of
  // rows; one BIGINT per event (time in the high bits, code in the low) sorts inside each
  // small list instead, about ten times faster on 10M events.
  orderedCodes: ({ code, time, bits, first }) => {
    const mask = 2 ** bits - 1;
    const sorted = `list_sort(list((${time}) * ${2 ** bits} + (${code})))`;
    // Taking the first elements before unpacking spares the lambda most of a long session.
    return `list_transform(${first === undefined ? sorted : `${sorted}[1:${Math.trunc(first)}]`}, lambda k: k & ${mask})`;
  },
  listSlice: (list, from, to) => `(${list})[${from}:${to}]`,
  listLength: (list) => `len(${list})`,
  listElement: (list, i) => `(${list})[${i}]`,
  listPosition: (list, value) => `coalesce(list_position(${list}, ${value}), 0)`,
  listReverse: (list) => `list_reverse(${list})`,
  collapseRepeats: (list) =>
    `list_filter(${list}, lambda x, i: i = 1 OR x IS DISTINCT FROM (${list})[i - 1])`,
  positions: (name, n) => `CROSS JOIN range(1, ${Math.trunc(n) + 1}) AS positions_${name}(${name})`,
  firstRow: (fields, orderBy) =>
    `arg_min({${Object.entries(fields)
      .map(([k, v]) => `'${k}': ${v}`)
      .join(', ')}}, ${orderBy})`,
  rowField: (row, _fields, name) => `(${row}).${name}`,
  argMin: (expr, orderBy) => `arg_min(${expr}, ${orderBy})`,
  urlHost: (expr) => `regexp_extract(lower(trim(${expr})), '^[a-z][a-z0-9+.-]*://([^/:?#]+)', 1)`,
  startsWith: (expr, prefix) => `starts_with(${expr}, ${prefix})`,
  endsWith: (expr, suffix) => `ends_with(${expr}, ${suffix})`,
  contains: (expr, part) => `contains(${expr}, ${part})`,
  addMs: (ts, ms) => `(${ts} + to_milliseconds(${ms}))`,
  epochUs: (ts) => `epoch_us(${ts})`,
  rowId: (alias) => `${alias}.rowid`,
  diffMs: (earlier, later) => `(epoch_ms(${later}) - epoch_ms(${earlier}))`,
  quantiles: (expr, ps) => `quantile_cont(${expr}, [${ps.join(', ')}])`,
  // A CTE read more than once might otherwise be inlined and scanned again per reader.
  materialized: 'MATERIALIZED ',
  notMaterialized: 'NOT MATERIALIZED ',
  bit: (index) => `(CAST(1 AS UBIGINT) << CAST(${index} AS INTEGER))`,
  bitOr: (expr) => `bit_or(${expr})`,
  lookup: (expr, keys, values, otherwise) =>
    keys.length === 0
      ? otherwise
      : `coalesce([${values.join(', ')}][list_position([${keys.join(', ')}], ${expr})], ${otherwise})`,
  // DuckDB tests an IN list row by row (0.4 s on 10M events), list_contains once per distinct
  // value of a dictionary-compressed column (as fast as a plain scan).
  inList: (expr, values) => (values.length ? `list_contains([${values.join(', ')}], ${expr})` : 'FALSE'),
  bitwiseOr: (parts) => `(${parts.map((p) => `(${p})`).join(' | ')})`,
  hasBit: (word, bits) => `((${word}) & (${bits})) <> 0`,
  listOf: (expr) => `list(${expr})`,
  listFlatten: (lists) => `flatten(${lists})`,
  listMinWhere: (list, x, condition) => `list_min(list_filter(${list}, lambda ${x}: ${condition}))`,
};
