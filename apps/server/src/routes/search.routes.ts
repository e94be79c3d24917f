// Search routes. Search and autosuggest are called from shop pages, so they take the project's
// public write key like /v1/recommendations (CORS is global; the secret key and the CLI's admin
// token work too); the no-results (content gap) report is the dashboard's and needs the secret
// key. The TypeBox schemas of @centric/contracts validate them and document them in /docs.
import {
  ErrorBodySchema,
  type NoResultsQuery,
  NoResultsQuerySchema,
  NoResultsReportSchema,
  type SearchQuery,
  SearchQuerySchema,
  SearchResponseSchema,
  type SuggestQuery,
  SuggestQuerySchema,
  SuggestResponseSchema,
} from '@centric/contracts';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { SearchService } from '../services/search-service';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema };
const tags = ['search'];

export function registerSearchRoutes(
  app: FastifyInstance,
  {
    search,
    write,
    secret,
  }: { search: SearchService; write: preHandlerAsyncHookHandler; secret: preHandlerAsyncHookHandler },
): void {
  app.get(
    '/v1/search',
    {
      preHandler: write,
      schema: {
        tags,
        summary:
          'Typo-tolerant catalogue search re-ranked for the visitor; recorded as a Products Searched event (properties.search_id = searchId)',
        security: [{ writeKey: [] }],
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as SearchQuery;
      return search.search(
        request.auth!.projectId,
        { q: q.q, visitor: q.visitor, limit: q.limit, offset: q.offset, category: q.category },
        { log: q.log ?? true },
      );
    },
  );

  app.get(
    '/v1/search/suggest',
    {
      preHandler: write,
      schema: {
        tags,
        summary: 'Autosuggest while typing: popular past queries, categories and products, typos tolerated',
        security: [{ writeKey: [] }],
        querystring: SuggestQuerySchema,
        response: { 200: SuggestResponseSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as SuggestQuery;
      return search.suggest(request.auth!.projectId, { q: q.q, visitor: q.visitor, limit: q.limit });
    },
  );

  app.get(
    '/v1/search/no-results',
    {
      preHandler: secret,
      schema: {
        tags: ['query', ...tags],
        summary:
          'Content gap report: search queries that found nothing, with searches, visitors and last time',
        security: [{ secretKey: [] }],
        querystring: NoResultsQuerySchema,
        response: { 200: NoResultsReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as NoResultsQuery;
      return search.noResults(request.auth!.projectId, { from: q.from, to: q.to, limit: q.limit });
    },
  );
}
