// Wire schemas of personalised search (apps/server/src/routes/search.routes.ts): the search
// answer with its "did you mean", autosuggest, and the no-results (content gap) report. Shared by
// the server (validation, OpenAPI), the dashboard and the CLI (types).
import { type Static, Type } from '@sinclair/typebox';

/** The event every search is recorded as: Segment's spec name (GA4 `search` maps onto it). */
export const PRODUCTS_SEARCHED_EVENT = 'Products Searched';
/** `properties.source` of the searches Centric's own search API served and recorded. */
export const CENTRIC_SEARCH_SOURCE = 'centric_search';
export const MAX_QUERY_LENGTH = 200;

const Query = Type.String({
  minLength: 1,
  maxLength: MAX_QUERY_LENGTH,
  description: 'What the shopper typed',
});
const Visitor = Type.String({
  minLength: 1,
  maxLength: 500,
  description: 'Anonymous id or user id of the visitor: results are re-ranked by their affinities',
});

export const SearchQuerySchema = Type.Object({
  q: Query,
  visitor: Type.Optional(Visitor),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
  category: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Only this category and its sub-categories ("Home" takes "Home > Candles")',
    }),
  ),
  log: Type.Optional(
    Type.Boolean({
      default: true,
      description:
        'Record the search as a Products Searched event (default true); false for tries that are no shopper’s search (dashboard, CLI)',
    }),
  ),
});
export type SearchQuery = Static<typeof SearchQuerySchema>;

export const SearchHitSchema = Type.Object({
  productId: Type.String(),
  title: Type.String(),
  category: Type.String(),
  brand: Type.Union([Type.String(), Type.Null()]),
  price: Type.Union([Type.Number(), Type.Null()]),
  imageLink: Type.Union([Type.String(), Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
  inStock: Type.Boolean(),
  score: Type.Number({
    description: 'Text relevance (1 = the best match) lifted by affinity, lowered when out of stock',
  }),
});
export type SearchHit = Static<typeof SearchHitSchema>;

export const SearchResponseSchema = Type.Object({
  searchId: Type.String({ description: 'Recorded as properties.search_id of the Products Searched event' }),
  query: Type.String({ description: 'The query as normalised: lower-case, trimmed, spaces collapsed' }),
  corrected: Type.Union([Type.String(), Type.Null()], {
    description: '"Did you mean": the query with its misspelt words corrected, when no word matched as typed',
  }),
  total: Type.Integer({ description: 'All matches; items is one page of them' }),
  items: Type.Array(SearchHitSchema),
});
export type SearchResponse = Static<typeof SearchResponseSchema>;

export const SuggestQuerySchema = Type.Object({
  q: Query,
  visitor: Type.Optional(Visitor),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
});
export type SuggestQuery = Static<typeof SuggestQuerySchema>;

export const SUGGESTION_KINDS = ['product', 'category', 'term'] as const;
export type SuggestionKindWire = (typeof SUGGESTION_KINDS)[number];

export const SuggestionSchema = Type.Object({
  text: Type.String(),
  kind: Type.Union(
    SUGGESTION_KINDS.map((k) => Type.Literal(k)),
    { description: 'A product title, a category path or a popular past query' },
  ),
  productId: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
});
export type SuggestionWire = Static<typeof SuggestionSchema>;

export const SuggestResponseSchema = Type.Object({
  query: Type.String(),
  suggestions: Type.Array(SuggestionSchema),
});
export type SuggestResponse = Static<typeof SuggestResponseSchema>;

export const NoResultsQuerySchema = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'First day (UTC); default 30 days ago' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last day (UTC), inclusive; default today' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});
export type NoResultsQuery = Static<typeof NoResultsQuerySchema>;

export const NoResultsRowSchema = Type.Object({
  query: Type.String({ description: 'Normalised: lower-case, trimmed, spaces collapsed' }),
  searches: Type.Integer(),
  visitors: Type.Integer({ description: 'Distinct customers (profiles) who searched it' }),
  lastSeen: Type.String({ format: 'date-time' }),
});
export type NoResultsRow = Static<typeof NoResultsRowSchema>;

export const NoResultsReportSchema = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  searches: Type.Integer({ description: 'All searches in the range' }),
  noResultSearches: Type.Integer({ description: 'Searches that found nothing (results_count = 0)' }),
  rows: Type.Array(NoResultsRowSchema, { description: 'Queries that found nothing, most searched first' }),
});
export type NoResultsReport = Static<typeof NoResultsReportSchema>;
