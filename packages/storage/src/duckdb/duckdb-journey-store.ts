// JourneyStore on DuckDB: runs the journey builders of src/sql with the DuckDB journey dialect
// and turns their rows into the contract's raw figures (see journey-store.ts).
import type {
  DurationQuantiles,
  FunnelFigures,
  FunnelGroupFigures,
  FunnelQuery,
  JourneyStore,
  JourneySummaryFigures,
  JourneySummaryQuery,
  PathFigures,
  PathQuery,
} from '../journey-store';
import { duckdbJourneyDialect } from '../sql/journey-dialect';
import { buildFunnelQuery } from '../sql/journey-funnel-query';
import { buildPathsQuery, COLLISION_ROW } from '../sql/journey-paths-query';
import { buildJourneySummaryQuery, type SummaryRowKind } from '../sql/journey-summary-query';
import type { DuckDbDatabase, Row } from './duckdb-database';

/** Salts tried at most when hashed step codes collide (each try is unlikely to collide). */
const MAX_SALTS = 4;

export class DuckDbJourneyStore implements JourneyStore {
  constructor(readonly db: DuckDbDatabase) {}

  async summary(query: JourneySummaryQuery): Promise<JourneySummaryFigures> {
    const { sql, params } = buildJourneySummaryQuery(query, duckdbJourneyDialect);
    const rows = await this.db.query(sql, params);
    const of = (kind: SummaryRowKind) =>
      rows.filter((r) => r.kind === kind).sort((a, b) => Number(a.idx) - Number(b.idx));
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return {
      sessions: of('session')
        .map((r) => ({
          channel: String(r.a),
          entryPageType: String(r.b),
          outcome: String(r.c),
          sessions: Number(r.n1),
        }))
        .sort(
          (a, b) =>
            a.channel.localeCompare(b.channel) ||
            a.entryPageType.localeCompare(b.entryPageType) ||
            a.outcome.localeCompare(b.outcome),
        ),
      searchTerms: of('term').map((r) => ({
        term: String(r.a),
        searches: Number(r.n1),
        sessions: Number(r.n2),
        convertingSessions: Number(r.n3),
      })),
      products: of('product').map((r) => ({
        productId: String(r.a),
        title: text(r.b),
        views: Number(r.n1),
        sessions: Number(r.n2),
        cartSessions: Number(r.n3),
        convertingSessions: Number(r.n4),
      })),
      categories: of('category').map((r) => ({
        category: String(r.a),
        views: Number(r.n1),
        sessions: Number(r.n2),
        convertingSessions: Number(r.n3),
      })),
    };
  }

  async paths(query: PathQuery): Promise<PathFigures> {
    // Step codes are short hashes: when two names of this range share one, hash them again.
    for (let salt = 0; ; salt++) {
      const { sql, params } = buildPathsQuery(query, duckdbJourneyDialect, { salt });
      const rows = await this.db.query(sql, params);
      const collisions = Number(rows.find((r) => Number(r.depth) === COLLISION_ROW)?.sessions ?? 0);
      if (collisions === 0 || salt === MAX_SALTS) {
        if (collisions > 0) throw new Error(`step codes still collide after ${MAX_SALTS} salts`);
        return pathFigures(rows);
      }
    }
  }

  async funnel(query: FunnelQuery): Promise<FunnelFigures> {
    const { sql, params } = buildFunnelQuery(query, duckdbJourneyDialect);
    return funnelFigures(await this.db.query(sql, params), query.steps);
  }
}

/** The funnel query's rows as the contract's figures: all entrants first, then each breakdown value. */
export function funnelFigures(rows: readonly Row[], steps: FunnelQuery['steps']): FunnelFigures {
  const n = steps.length;
  let last = 0;
  steps.forEach((s, k) => {
    if (!s.optional) last = k;
  });
  const groups = new Map<string | null, FunnelGroupFigures>();
  const groupOf = (value: string | null) => {
    let g = groups.get(value);
    if (!g) {
      g = {
        value,
        reached: new Array<number>(n).fill(0),
        fromPrevious: new Array(n).fill(null),
        toConvert: null,
      };
      groups.set(value, g);
    }
    return g;
  };
  for (const r of rows) {
    const g = groupOf(Number(r.is_total) === 1 ? null : String(r.value ?? ''));
    const k = Number(r.step);
    g.reached[k] = Number(r.reached);
    if (k > 0) g.fromPrevious[k] = quantiles(r, 'q_prev', 'm_prev');
    if (k === last) g.toConvert = quantiles(r, 'q_entry', 'm_entry');
  }
  groupOf(null);
  // All entrants first, then the breakdown values in a stable order.
  return {
    groups: [...groups.values()].sort((a, b) =>
      a.value === null ? -1 : b.value === null ? 1 : a.value.localeCompare(b.value),
    ),
  };
}

function pathFigures(rows: Row[]): PathFigures {
  let sessions = 0;
  const transitions: PathFigures['transitions'] = [];
  for (const r of rows) {
    const depth = Number(r.depth);
    if (depth === 0) sessions = Number(r.sessions);
    else if (depth > 0)
      transitions.push({
        depth,
        step: String(r.step),
        next: r.next === null || r.next === undefined ? null : String(r.next),
        sessions: Number(r.sessions),
      });
  }
  transitions.sort(
    (a, b) =>
      a.depth - b.depth ||
      b.sessions - a.sessions ||
      a.step.localeCompare(b.step) ||
      (a.next ?? '').localeCompare(b.next ?? ''),
  );
  return { sessions, transitions };
}

/** A quantile list and a mean from a row; null when nobody was measured. */
function quantiles(row: Row, listColumn: string, meanColumn: string): DurationQuantiles | null {
  const list = row[listColumn];
  const mean = row[meanColumn];
  if (!Array.isArray(list) || list.length !== 4 || mean === null || mean === undefined) return null;
  const [p25, median, p75, p90] = list.map((v) => Math.round(Number(v)));
  return { p25: p25!, median: median!, p75: p75!, p90: p90!, mean: Math.round(Number(mean)) };
}
