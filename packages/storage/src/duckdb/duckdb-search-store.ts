// SearchStore on DuckDB: runs the search queries of sql/search.ts over the events table.
import type { NoResultFigures, PopularQuery, SearchStore } from '../search-store';
import { duckdbDialect } from '../sql/dialect';
import { buildNoResultQueriesQuery, buildPopularQueriesQuery, buildSearchTotalsQuery } from '../sql/search';
import type { TimeRange } from '../store';
import type { DuckDbDatabase } from './duckdb-database';

export class DuckDbSearchStore implements SearchStore {
  constructor(private readonly db: DuckDbDatabase) {}

  async noResults(
    projectId: string,
    { range, limit }: { range: TimeRange; limit: number },
  ): Promise<NoResultFigures> {
    const totals = buildSearchTotalsQuery({ projectId, range }, duckdbDialect);
    const queries = buildNoResultQueriesQuery({ projectId, range, limit }, duckdbDialect);
    const [total] = await this.db.query(totals.sql, totals.params);
    const rows = await this.db.query(queries.sql, queries.params);
    return {
      searches: Number(total?.searches ?? 0),
      noResultSearches: Number(total?.no_result_searches ?? 0),
      rows: rows.map((r) => ({
        query: String(r.q),
        searches: Number(r.searches),
        visitors: Number(r.visitors),
        lastSeen: Number(r.last_ms),
      })),
    };
  }

  async popularQueries(
    projectId: string,
    { sinceMs, limit }: { sinceMs: number; limit: number },
  ): Promise<PopularQuery[]> {
    const { sql, params } = buildPopularQueriesQuery({ projectId, sinceMs, limit }, duckdbDialect);
    const rows = await this.db.query(sql, params);
    return rows.map((r) => ({ query: String(r.q), searches: Number(r.searches) }));
  }
}
