// The SearchStore contract: what search reads from the stored `Products Searched` events (tracked
// by the shop's own search through the SDK or API, or recorded by Centric's search API) - the
// no-results (content gap) report and the popular queries autosuggest offers. Queries are grouped
// by their normalised form: lower-case, trimmed, inner whitespace collapsed. Implemented per
// backend; see duckdb/duckdb-search-store.ts.
import type { TimeRange } from './store';

/** A query that found nothing, over a period. */
export interface NoResultQueryFigures {
  query: string;
  searches: number;
  /** Distinct profiles (identities resolved through the identity graph). */
  visitors: number;
  /** Milliseconds since the epoch. */
  lastSeen: number;
}

export interface NoResultFigures {
  /** Searches in the period (with a non-empty query). */
  searches: number;
  /** Of those, the ones whose results count was 0. */
  noResultSearches: number;
  /** Most searched first (then most visitors, then alphabetical), at most `limit`. */
  rows: NoResultQueryFigures[];
}

export interface PopularQuery {
  query: string;
  /** Searches since the time asked, not counting those that found nothing. */
  searches: number;
}

export interface SearchStore {
  /**
   * Searches whose results count (properties.results_count, or properties.results) was 0, per
   * normalised query; searches sent without a count are not counted as finding nothing.
   */
  noResults(projectId: string, query: { range: TimeRange; limit: number }): Promise<NoResultFigures>;
  /** The most searched queries since a time that did not find nothing, most searched first. */
  popularQueries(projectId: string, query: { sinceMs: number; limit: number }): Promise<PopularQuery[]>;
}
