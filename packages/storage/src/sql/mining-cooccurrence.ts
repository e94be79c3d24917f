// Builds the co-occurrence count of an association side (pure: no I/O): how many baskets hold
// each pair of values, with each value's own count and the number of baskets, all counted in
// the store so that no basket leaves it (10 million events: two seconds on two cores).
//
// Apriori pruning first (Agrawal and Srikant 1994): a pair cannot be in more baskets than either
// of its values, so values below the minimum count are dropped before the self-join, which on
// shop data removes most of the long tail. Basket ids are hashed to 64-bit integers and the
// frequent values numbered, so the join and the grouping run on integers, not text (a
// collision of two basket hashes would need about 4 billion baskets to become likely).
import type { CooccurrenceQuery } from '../mining-store';
import type { CompiledQuery } from './dialect';
import type { JourneyDialect } from './journey-dialect';
import { isSymmetricSide, sideCtes } from './mining-sides';

/**
 * One row per pair (x, y, observed, from_count, to_count) with the basket count and the number
 * of frequent values of each side repeated on every row; a single row with NULL pair columns
 * when there is no pair. Ordered by observed (descending), then values.
 *
 * @example buildCooccurrenceQuery({ projectId, side: 'bought_together', range, minSupport: { count: 5 } }, duckdbJourneyDialect)
 */
export function buildCooccurrenceQuery(q: CooccurrenceQuery, d: JourneyDialect): CompiledQuery {
  const share = typeof q.minSupport === 'number' ? q.minSupport : null;
  const count = typeof q.minSupport === 'number' ? 1 : q.minSupport.count;
  if (share !== null && !(share > 0 && share <= 1)) {
    throw new RangeError(`minSupport must be a share in (0, 1] or { count }, got ${share}`);
  }
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`minSupport.count must be a whole number >= 1, got ${count}`);
  }
  const limit = q.limit ?? 20_000;
  const { ctes, params } = sideCtes(q, d);
  const symmetric = isSymmetricSide(q.side);
  // ceil(share x N) less a relative 1e-9 for binary rounding: minimumCount() of analyses.
  const exact = `(${d.param('minShare', 'float')} * n)`;
  const threshold =
    share === null
      ? d.param('minCount', 'int')
      : `greatest(1, CAST(ceil(${exact} - 1e-9 * greatest(1, ${exact})) AS BIGINT))`;
  const minCount = '(SELECT m FROM threshold)';
  // One more row than asked tells whether the list was cut.
  const limitParam = d.param('limit', 'int');
  const frequent = (side: 'from' | 'to') => `${side}_frequent AS (
  SELECT v, count(*) AS c, row_number() OVER (ORDER BY v) AS id
  FROM ${side}_items GROUP BY v HAVING count(*) >= ${minCount}
),
${side}_kept AS (
  SELECT hash(i.b) AS b, f.id AS id FROM ${side}_items i JOIN ${side}_frequent f ON f.v = i.v
)`;
  const sql = `
WITH ${ctes},
basket_count AS (SELECT count(*) AS n FROM universe),
threshold AS (SELECT ${threshold} AS m FROM basket_count),
${frequent('from')},
${symmetric ? 'to_frequent AS (SELECT * FROM from_frequent),\nto_kept AS (SELECT * FROM from_kept)' : frequent('to')},
pairs AS (
  SELECT x.id AS x, y.id AS y, count(*) AS observed
  FROM from_kept x JOIN to_kept y ON x.b = y.b${symmetric ? ' AND x.id < y.id' : ''}
  GROUP BY 1, 2 HAVING count(*) >= ${minCount}
),
top_pairs AS (
  SELECT fx.v AS x, fy.v AS y, p.observed, fx.c AS from_count, fy.c AS to_count
  FROM pairs p
  JOIN from_frequent fx ON fx.id = p.x
  JOIN to_frequent fy ON fy.id = p.y
  ORDER BY p.observed DESC, fx.v, fy.v
  LIMIT ${limitParam}
)
SELECT t.x, t.y, t.observed, t.from_count, t.to_count, n.n AS baskets, (SELECT m FROM threshold) AS min_count,
       (SELECT count(*) FROM from_frequent) AS from_values,
       (SELECT count(*) FROM to_frequent) AS to_values
FROM basket_count n LEFT JOIN top_pairs t ON true
ORDER BY t.observed DESC, t.x, t.y`;
  const thresholdParams: Record<string, number> = share === null ? { minCount: count } : { minShare: share };
  return { sql, params: { ...params, ...thresholdParams, limit: limit + 1 } };
}
