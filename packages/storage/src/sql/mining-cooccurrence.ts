// Builds the co-occurrence count of an association side (pure: no I/O): how many baskets hold
// each pair of values, with each value's own count and the number of baskets, all counted in
// the store so that no basket leaves it (10 million events: two seconds on two cores).
//
// Apriori pruning first (Agrawal and Srikant 1994): a pair cannot be in more baskets than either
// of its values, so values below the minimum count are dropped before the self-join, which on
// shop data removes most of the long tail. Then PCY's hash filter (Park, Chen and Yu 1995, "An
// effective hash-based algorithm for mining association rules"): pairs are first counted per
// hash bucket, a small aggregate, and only pairs in buckets reaching the minimum count are
// counted one by one; a pair is never in more baskets than its bucket, so nothing frequent is
// lost, and the large aggregate over millions of one-off pairs (two random products viewed in
// one session) shrinks to the pairs that can matter: about a third less work on 10M events. Basket ids and values are hashed to 64-bit integers
// before they are made distinct, joined and grouped, and the text comes back only for the pairs
// returned; two ids would collide with a chance of about n^2 / 2^65 (1 in 20 million for a
// million baskets), which would merge two baskets or two values.
import type { CooccurrenceQuery } from '../mining-store';
import type { CompiledQuery } from './dialect';
import type { MiningDialect } from './mining-dialect';
import { isSymmetricSide, sideCtes } from './mining-sides';

/** 2^20 buckets: small enough to aggregate in cache, many enough that one-off pairs spread thin. */
const PAIR_BUCKET_BITS = 20;

/**
 * One row per pair (x, y, observed, from_count, to_count) with the basket count, the minimum
 * count and the number of frequent values of each side repeated on every row; a single row
 * with NULL pair columns when there is no pair. For one-sided kinds x < y. Ordered by observed
 * (descending), then values.
 *
 * @example buildCooccurrenceQuery({ projectId, side: 'bought_together', range, minSupport: { count: 5 } }, duckdbMiningDialect)
 */
export function buildCooccurrenceQuery(q: CooccurrenceQuery, d: MiningDialect): CompiledQuery {
  const share = typeof q.minSupport === 'number' ? q.minSupport : null;
  const count = typeof q.minSupport === 'number' ? 1 : q.minSupport.count;
  if (share !== null && !(share > 0 && share <= 1)) {
    throw new RangeError(`minSupport must be a share in (0, 1] or { count }, got ${share}`);
  }
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`minSupport.count must be a whole number >= 1, got ${count}`);
  }
  const limit = q.limit ?? 20_000;
  // The side's rows are read twice (hashed, and for the names of the frequent values): read from
  // the events each time rather than kept as text in memory.
  const { ctes, params } = sideCtes(q, d, { inline: true });
  const symmetric = isSymmetricSide(q.side);
  // ceil(share x N) less a relative 1e-9 for binary rounding: minimumCount() of analyses.
  const exact = `(${d.param('minShare', 'float')} * n)`;
  const threshold =
    share === null
      ? d.param('minCount', 'int')
      : `greatest(1, CAST(ceil(${exact} - 1e-9 * greatest(1, ${exact})) AS BIGINT))`;
  const minCount = '(SELECT m FROM threshold)';
  // Values are counted on their rows first: a value on fewer rows than the minimum count can
  // never be in that many baskets, so only the others are made distinct per basket, which on
  // shop data (a long tail of rarely viewed products) spares most of that grouping.
  const hashed = (name: 'from' | 'to') => `${name}_hashed AS ${d.materialized}(
  SELECT ${d.hash64('b')} AS b, ${d.hash64('v')} AS h FROM ${name}_rows
)`;
  const items = (name: 'from' | 'to') => `${name}_items AS (
  SELECT DISTINCT b, h FROM ${name}_hashed
  WHERE h IN (SELECT h FROM ${name}_hashed GROUP BY h HAVING count(*) >= ${minCount})
)`;
  const side = (
    name: 'from' | 'to',
  ) => `${name}_frequent AS (SELECT h, count(*) AS c FROM ${name}_items GROUP BY h HAVING count(*) >= ${minCount}),
${name}_kept AS (SELECT b, h FROM ${name}_items WHERE h IN (SELECT h FROM ${name}_frequent)),
${name}_names AS (
  SELECT h, min(v) AS v FROM (SELECT v, ${d.hash64('v')} AS h FROM (SELECT DISTINCT v FROM ${name}_rows) d) distinct_values
  WHERE h IN (SELECT h FROM ${name}_frequent) GROUP BY 1
)`;
  const bucket = d.pairBucket('x', 'y', PAIR_BUCKET_BITS);
  // For one-sided kinds the pair is named in text order, its counts following its values.
  const ordered = (first: string, second: string) =>
    symmetric ? `CASE WHEN nx.v < ny.v THEN ${first} ELSE ${second} END` : first;
  const sql = `
WITH ${ctes},
${symmetric ? hashed('from') : `${hashed('from')},\n${hashed('to')}`},
basket_count AS (${
    // The baskets of one-sided kinds are those holding a value: counted from the hashed rows.
    symmetric
      ? 'SELECT count(DISTINCT b) AS n FROM from_hashed'
      : `SELECT count(DISTINCT ${d.hash64('b')}) AS n FROM universe_rows`
  }),
threshold AS (SELECT ${threshold} AS m FROM basket_count),
${symmetric ? items('from') : `${items('from')},\n${items('to')}`},
${side('from')},
${symmetric ? 'to_frequent AS (SELECT * FROM from_frequent),\nto_kept AS (SELECT * FROM from_kept),\nto_names AS (SELECT * FROM from_names)' : side('to')},
joined AS (
  SELECT x.h AS x, y.h AS y FROM from_kept x JOIN to_kept y ON x.b = y.b${symmetric ? ' AND x.h < y.h' : ''}
),
buckets AS (
  SELECT ${bucket} AS q FROM joined GROUP BY 1 HAVING count(*) >= ${minCount}
),
pairs AS (
  SELECT x, y, count(*) AS observed
  FROM joined WHERE ${bucket} IN (SELECT q FROM buckets)
  GROUP BY 1, 2 HAVING count(*) >= ${minCount}
),
named AS (
  SELECT ${ordered('nx.v', 'ny.v')} AS x, ${ordered('ny.v', 'nx.v')} AS y, p.observed,
         ${ordered('fx.c', 'fy.c')} AS from_count, ${ordered('fy.c', 'fx.c')} AS to_count
  FROM pairs p
  JOIN from_frequent fx ON fx.h = p.x JOIN from_names nx ON nx.h = p.x
  JOIN to_frequent fy ON fy.h = p.y JOIN to_names ny ON ny.h = p.y
),
top_pairs AS (SELECT * FROM named ORDER BY observed DESC, x, y LIMIT ${d.param('limit', 'int')})
SELECT t.x, t.y, t.observed, t.from_count, t.to_count, n.n AS baskets, (SELECT m FROM threshold) AS min_count,
       (SELECT count(*) FROM from_frequent) AS from_values,
       (SELECT count(*) FROM to_frequent) AS to_values
FROM basket_count n LEFT JOIN top_pairs t ON true
ORDER BY t.observed DESC, t.x, t.y`;
  // One more row than asked tells whether the list was cut.
  const thresholdParams: Record<string, number> = share === null ? { minCount: count } : { minShare: share };
  return { sql, params: { ...params, ...thresholdParams, limit: limit + 1 } };
}
