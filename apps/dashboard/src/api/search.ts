// Typed calls for the search routes (apps/server/src/routes/search.routes.ts): the try-it search
// and autosuggest (not recorded: log=false, and suggest never is) and the no-results report.
import type { NoResultsReport, SearchResponse, SuggestionWire, SuggestResponse } from '@centric/contracts';
import { asRecord, bool, list, num, numOrNull, str, strOrNull } from './validate';

export function parseSearch(body: unknown): SearchResponse {
  const r = asRecord(body, 'body');
  return {
    searchId: str(r, 'searchId'),
    query: str(r, 'query'),
    corrected: strOrNull(r, 'corrected'),
    total: num(r, 'total'),
    items: list(r, 'items', (entry) => {
      const i = asRecord(entry, 'item');
      return {
        productId: str(i, 'productId'),
        title: str(i, 'title'),
        category: str(i, 'category'),
        brand: strOrNull(i, 'brand'),
        price: numOrNull(i, 'price'),
        imageLink: strOrNull(i, 'imageLink'),
        link: strOrNull(i, 'link'),
        inStock: bool(i, 'inStock'),
        score: num(i, 'score'),
      };
    }),
  };
}

const KINDS: readonly SuggestionWire['kind'][] = ['product', 'category', 'term'];

export function parseSuggest(body: unknown): SuggestResponse {
  const r = asRecord(body, 'body');
  return {
    query: str(r, 'query'),
    suggestions: list(r, 'suggestions', (entry) => {
      const s = asRecord(entry, 'suggestion');
      const kind = KINDS.find((k) => k === s.kind);
      if (!kind) throw new Error(`unknown suggestion kind "${String(s.kind)}"`);
      const out: SuggestionWire = { text: str(s, 'text'), kind };
      if (s.productId !== undefined) out.productId = str(s, 'productId');
      if (s.category !== undefined) out.category = str(s, 'category');
      return out;
    }),
  };
}

export function parseNoResults(body: unknown): NoResultsReport {
  const r = asRecord(body, 'body');
  return {
    from: str(r, 'from'),
    to: str(r, 'to'),
    searches: num(r, 'searches'),
    noResultSearches: num(r, 'noResultSearches'),
    rows: list(r, 'rows', (entry) => {
      const row = asRecord(entry, 'row');
      return {
        query: str(row, 'query'),
        searches: num(row, 'searches'),
        visitors: num(row, 'visitors'),
        lastSeen: str(row, 'lastSeen'),
      };
    }),
  };
}

/** A try from the dashboard: not recorded as a shopper's search. */
export function searchPath(input: {
  q: string;
  visitor?: string;
  category?: string;
  limit?: number;
}): string {
  const params = new URLSearchParams({ q: input.q, log: 'false', limit: String(input.limit ?? 20) });
  if (input.visitor) params.set('visitor', input.visitor);
  if (input.category) params.set('category', input.category);
  return `/v1/search?${params.toString()}`;
}

export function suggestPath(input: { q: string; visitor?: string }): string {
  const params = new URLSearchParams({ q: input.q });
  if (input.visitor) params.set('visitor', input.visitor);
  return `/v1/search/suggest?${params.toString()}`;
}

export function noResultsPath(from: string, to: string, limit = 1000): string {
  return `/v1/search/no-results?${new URLSearchParams({ from, to, limit: String(limit) }).toString()}`;
}
