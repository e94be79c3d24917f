// Decision API and trigger admin. `POST /v1/decide` is called from shop pages (the SDK), so it
// takes the project's public write key like ingest does (CORS is global); triggers and their
// performance are the dashboard's and need the secret key. The TypeBox schemas of
// @centric/contracts validate the bodies and document the routes in the OpenAPI description.
import {
  type DecideRequest,
  DecideRequestSchema,
  DecideResponseSchema,
  ErrorBodySchema,
  type TriggerInput,
  TriggerInputSchema,
  type TriggerPerformanceQuery,
  TriggerPerformanceQuerySchema,
  TriggerPerformanceReportSchema,
  TriggerSchema,
} from '@centric/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { DecideService } from '../services/decide-service';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const tags = ['decide'];
const IdParams = Type.Object({ triggerId: Type.String({ minLength: 1, maxLength: 100 }) });

export function registerDecideRoutes(
  app: FastifyInstance,
  {
    decide,
    write,
    secret,
  }: {
    decide: DecideService;
    write: preHandlerAsyncHookHandler;
    secret: preHandlerAsyncHookHandler;
  },
): void {
  app.post(
    '/v1/decide',
    {
      preHandler: write,
      schema: {
        tags,
        summary:
          'What a page shows a visitor, in one round trip: recommendations per slot, triggered messages (after targeting and frequency capping), experiments and surveys',
        security: [{ writeKey: [] }],
        body: DecideRequestSchema,
        response: { 200: DecideResponseSchema, ...errors },
      },
    },
    async (request) => decide.decide(request.auth!.projectId, request.body as DecideRequest),
  );

  app.get(
    '/v1/triggers',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'The project’s on-site triggers',
        security: [{ secretKey: [] }],
        response: { 200: Type.Object({ triggers: Type.Array(TriggerSchema) }), ...errors },
      },
    },
    async (request) => ({ triggers: await decide.listTriggers(request.auth!.projectId) }),
  );

  app.post(
    '/v1/triggers',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Create a trigger: kind, targeting, frequency capping, content and kind-specific settings',
        security: [{ secretKey: [] }],
        body: TriggerInputSchema,
        response: { 201: TriggerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await decide.createTrigger(request.auth!.projectId, request.body as TriggerInput);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/v1/triggers/:triggerId',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'One trigger',
        security: [{ secretKey: [] }],
        params: IdParams,
        response: { 200: TriggerSchema, ...errors },
      },
    },
    async (request) =>
      decide.getTrigger(request.auth!.projectId, (request.params as { triggerId: string }).triggerId),
  );

  app.put(
    '/v1/triggers/:triggerId',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Change a trigger: the given fields are replaced whole (e.g. {"active": false})',
        security: [{ secretKey: [] }],
        params: IdParams,
        body: Type.Partial(TriggerInputSchema, { minProperties: 1, additionalProperties: false }),
        response: { 200: TriggerSchema, ...errors },
      },
    },
    async (request) =>
      decide.updateTrigger(
        request.auth!.projectId,
        (request.params as { triggerId: string }).triggerId,
        request.body as Partial<TriggerInput>,
      ),
  );

  app.delete(
    '/v1/triggers/:triggerId',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Delete a trigger',
        security: [{ secretKey: [] }],
        params: IdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await decide.removeTrigger(
        request.auth!.projectId,
        (request.params as { triggerId: string }).triggerId,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/v1/query/triggers/performance',
    {
      preHandler: secret,
      schema: {
        tags: ['query', ...tags],
        summary: 'Per trigger over whole UTC days: impressions, clicks, dismissals, visitors and CTR',
        security: [{ secretKey: [] }],
        querystring: TriggerPerformanceQuerySchema,
        response: { 200: TriggerPerformanceReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as TriggerPerformanceQuery;
      return decide.performance(request.auth!.projectId, { from: q.from, to: q.to });
    },
  );
}
