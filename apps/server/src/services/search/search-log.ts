// A served search as the `Products Searched` event the server records for it (through the
// ServerEventLog), so the no-results report and the journeys see it like the shop's own searches.
import { CENTRIC_SEARCH_SOURCE, PRODUCTS_SEARCHED_EVENT } from '@centric/contracts';
import type { ServerEvent } from '../server-event-log';

export interface SearchRecord {
  searchId: string;
  /** The normalised query. */
  query: string;
  resultsCount: number;
  /** The visitor as sent; searches without one share the impressions' pseudo-visitor. */
  visitor: string | undefined;
  at: number;
}

export function searchEvent(search: SearchRecord): ServerEvent {
  return {
    event: PRODUCTS_SEARCHED_EVENT,
    messageId: `search:${search.searchId}`,
    visitor: search.visitor,
    at: search.at,
    properties: {
      query: search.query,
      results_count: search.resultsCount,
      search_id: search.searchId,
      source: CENTRIC_SEARCH_SOURCE,
    },
  };
}
