// The shopping stream route. Shop pages (and apps) page through a visitor's stream with the
// project's public write key, like recommendations; the dashboard's preview uses the secret key
// with preview=true so that it logs no impression. TypeBox schemas from @centric/contracts give
// validation and the OpenAPI description (/docs).
import {
  ErrorBodySchema,
  type StreamQuery,
  StreamQuerySchema,
  StreamResponseSchema,
} from '@centric/contracts';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { StreamService } from '../services/stream-service';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

export function registerStreamRoutes(
  app: FastifyInstance,
  { streams, write }: { streams: StreamService; write: preHandlerAsyncHookHandler },
): void {
  app.get(
    '/v1/stream',
    {
      preHandler: write,
      schema: {
        tags: ['recommendations'],
        summary:
          'A page of the visitor’s shopping stream: replenishment, price drops, back in stock, new arrivals, recommendations and loyalty, each card with its reason; pass nextCursor for the next page',
        security: [{ writeKey: [] }],
        querystring: StreamQuerySchema,
        response: { 200: StreamResponseSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as StreamQuery;
      return streams.stream(request.auth!.projectId, {
        visitor: q.visitor,
        cursor: q.cursor,
        limit: q.limit,
        preview: q.preview,
      });
    },
  );
}
