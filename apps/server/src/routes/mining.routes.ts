// Pattern Explorer, association and persona routes for the dashboard and the CLI. All need the
// project's secret key (or the local admin token). The TypeBox schemas of @centric/contracts
// document the query strings, bodies and answers in the OpenAPI description (/docs).
import {
  type AssociationQuery,
  AssociationQuerySchema,
  AssociationReportSchema,
  ErrorBodySchema,
  type PatternQuery,
  PatternQuerySchema,
  PatternReportSchema,
  type PersonaDiscoverBody,
  PersonaDiscoverBodySchema,
  PersonaReportSchema,
  PersonaSegmentSchema,
} from '@centric/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { CentricService } from '../services/centric-service';
import { MiningService } from '../services/mining-service';
import { PersonaService } from '../services/persona-service';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const security = [{ secretKey: [] }];

export function registerMiningRoutes(
  app: FastifyInstance,
  { service, secret }: { service: CentricService; secret: preHandlerAsyncHookHandler },
): void {
  const mining = new MiningService(service.store);
  const personas = new PersonaService(service.store);

  app.get(
    '/v1/query/patterns',
    {
      preHandler: secret,
      schema: {
        tags: ['query'],
        summary:
          'Pattern Explorer: frequent ordered patterns in sessions, their conversion, and those that separate converting from abandoning sessions',
        security,
        querystring: PatternQuerySchema,
        response: { 200: PatternReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as PatternQuery;
      const items = q.items
        ?.split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      return mining.patterns(request.auth!.projectId, {
        from: q.from,
        to: q.to,
        vocabulary: q.vocabulary,
        minSupport: q.minSupport,
        maxLength: q.maxLength,
        segmentId: q.segment,
        items,
        limit: q.limit,
      });
    },
  );

  app.get(
    '/v1/query/associations',
    {
      preHandler: secret,
      schema: {
        tags: ['query'],
        summary:
          'Associations of one side (A -> B): support, confidence, lift, observed vs expected count, surprise factor, Fisher test with Benjamini-Hochberg',
        security,
        querystring: AssociationQuerySchema,
        response: { 200: AssociationReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as AssociationQuery;
      return mining.associations(request.auth!.projectId, {
        side: q.side,
        from: q.from,
        to: q.to,
        minSupport: q.minSupport,
        minConfidence: q.minConfidence,
        sort: q.sort as 'significance' | 'surprise' | 'support' | 'confidence' | undefined,
        limit: q.limit,
      });
    },
  );

  app.get(
    '/v1/personas',
    {
      preHandler: secret,
      schema: {
        tags: ['personas'],
        summary: 'The personas of the latest discovery (none before the first)',
        security,
        response: { 200: PersonaReportSchema, ...errors },
      },
    },
    async (request) => personas.latest(request.auth!.projectId),
  );

  app.post(
    '/v1/personas/discover',
    {
      preHandler: secret,
      schema: {
        tags: ['personas'],
        summary:
          'Cluster customers on behaviour and value into personas (k by silhouette unless given), each described by what sets it apart',
        security,
        body: PersonaDiscoverBodySchema,
        response: { 200: PersonaReportSchema, ...errors },
      },
    },
    async (request) =>
      personas.discover(request.auth!.projectId, (request.body ?? {}) as PersonaDiscoverBody),
  );

  app.post(
    '/v1/personas/:id/segment',
    {
      preHandler: secret,
      schema: {
        tags: ['personas'],
        summary:
          'Save a persona as a segment (rule: personas contains "<id>"); asking again answers the same segment',
        security,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: PersonaSegmentSchema, ...errors },
      },
    },
    async (request) => personas.makeSegment(request.auth!.projectId, (request.params as { id: string }).id),
  );
}
