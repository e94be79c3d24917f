// Recommendation routes. Serving (`GET /v1/recommendations`) is called from shop pages, so it takes
// the project's public write key like ingest does (CORS is global); slots, the live preview and
// the attribution report are the dashboard's and need the secret key. The TypeBox schemas of
// @centric/contracts document them in the OpenAPI description (/docs).
import {
  type AttributionQuery,
  AttributionQuerySchema,
  AttributionReportSchema,
  ErrorBodySchema,
  type RecommendationPreview,
  RecommendationPreviewSchema,
  type RecommendationQuery,
  RecommendationQuerySchema,
  RecommendationResponseSchema,
  type SlotInput,
  SlotInputSchema,
  SlotSchema,
} from '@centric/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { RecommendationService } from '../services/recommendation-service';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const tags = ['recommendations'];
const SlotParams = Type.Object({ slotId: Type.String({ minLength: 1, maxLength: 64 }) });

export function registerRecommendationRoutes(
  app: FastifyInstance,
  {
    recommendations,
    write,
    secret,
  }: {
    recommendations: RecommendationService;
    write: preHandlerAsyncHookHandler;
    secret: preHandlerAsyncHookHandler;
  },
): void {
  app.get(
    '/v1/recommendations',
    {
      preHandler: write,
      schema: {
        tags,
        summary:
          'Recommendations of a slot for a visitor (and the page’s product); send the recommendation id back as properties.recommendation_id on clicks',
        security: [{ writeKey: [] }],
        querystring: RecommendationQuerySchema,
        response: { 200: RecommendationResponseSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as RecommendationQuery;
      return recommendations.recommend(request.auth!.projectId, {
        slot: q.slot,
        visitor: q.visitor,
        product: q.product,
        limit: q.limit,
      });
    },
  );

  app.post(
    '/v1/recommendations/preview',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'What an (unsaved) slot configuration would show a visitor; logs no impression',
        security: [{ secretKey: [] }],
        body: RecommendationPreviewSchema,
        response: { 200: RecommendationResponseSchema, ...errors },
      },
    },
    async (request) => {
      const body = request.body as RecommendationPreview;
      return recommendations.recommend(
        request.auth!.projectId,
        { slot: 'preview', visitor: body.visitor, product: body.product },
        { log: false, draft: body.slot },
      );
    },
  );

  app.get(
    '/v1/recommendations/slots',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'The project’s recommendation slots with their rules',
        security: [{ secretKey: [] }],
        response: { 200: Type.Object({ slots: Type.Array(SlotSchema) }), ...errors },
      },
    },
    async (request) => ({ slots: await recommendations.listSlots(request.auth!.projectId) }),
  );

  app.put(
    '/v1/recommendations/slots/:slotId',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Create or replace a slot: algorithm, length and business rules',
        security: [{ secretKey: [] }],
        params: SlotParams,
        body: SlotInputSchema,
        response: { 200: SlotSchema, ...errors },
      },
    },
    async (request) =>
      recommendations.saveSlot(
        request.auth!.projectId,
        (request.params as { slotId: string }).slotId,
        request.body as SlotInput,
      ),
  );

  app.delete(
    '/v1/recommendations/slots/:slotId',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Delete a slot',
        security: [{ secretKey: [] }],
        params: SlotParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await recommendations.removeSlot(
        request.auth!.projectId,
        (request.params as { slotId: string }).slotId,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/v1/query/recommendations/attribution',
    {
      preHandler: secret,
      schema: {
        tags: ['query', ...tags],
        summary: 'Per slot and algorithm: lists served, clicks, CTR, attributed orders and revenue',
        security: [{ secretKey: [] }],
        querystring: AttributionQuerySchema,
        response: { 200: AttributionReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as AttributionQuery;
      return recommendations.attribution(request.auth!.projectId, { from: q.from, to: q.to });
    },
  );
}
