// Segment routes for the dashboard's segment builder and the CLI: saved segments (CRUD), the
// live member count of a rule being typed, members of a saved segment, and the refresh of the
// membership history. All need the project's secret key (or the local admin token).
import {
  ErrorBodySchema,
  SegmentInputSchema,
  SegmentMembersSchema,
  SegmentPreviewSchema,
  SegmentSchema,
} from '@centric/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { CentricService } from '../services/centric-service';
import { SegmentService } from '../services/segment-service';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const secured = [{ secretKey: [] }];
const tags = ['segments'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export function registerSegmentRoutes(
  app: FastifyInstance,
  { service, secret }: { service: CentricService; secret: preHandlerAsyncHookHandler },
): void {
  const segments = new SegmentService(service.store);

  app.get(
    '/v1/segments',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Saved segments of the project, oldest first',
        security: secured,
        response: { 200: Type.Object({ segments: Type.Array(SegmentSchema) }), ...errors },
      },
    },
    async (request) => ({ segments: await segments.list(request.auth!.projectId) }),
  );

  app.post(
    '/v1/segments',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Save a segment; a rule that does not parse answers 400 with its line and column',
        security: secured,
        body: SegmentInputSchema,
        response: { 201: SegmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await segments.create(
        request.auth!.projectId,
        request.body as { name: string; rule: string },
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/v1/segments/preview',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Live member count of a rule (the segment builder), with a sample of members',
        security: secured,
        body: Type.Object({
          rule: SegmentInputSchema.properties.rule,
          sample: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, default: 10 })),
        }),
        response: { 200: SegmentPreviewSchema, ...errors },
      },
    },
    async (request) => {
      const { rule, sample } = request.body as { rule: string; sample?: number };
      return segments.preview(request.auth!.projectId, { rule, ...(sample === undefined ? {} : { sample }) });
    },
  );

  app.post(
    '/v1/segments/refresh',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Re-evaluate every saved segment and record who entered and who left',
        security: secured,
        response: {
          200: Type.Object({
            entered: Type.Integer(),
            left: Type.Integer(),
            failed: Type.Array(Type.String(), { description: 'Segments whose rule no longer parses' }),
          }),
          ...errors,
        },
      },
    },
    async (request) => segments.refresh(request.auth!.projectId),
  );

  app.get(
    '/v1/segments/:id',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'One saved segment',
        security: secured,
        params: IdParams,
        response: { 200: SegmentSchema, ...errors },
      },
    },
    async (request) => segments.get(request.auth!.projectId, (request.params as { id: string }).id),
  );

  app.put(
    '/v1/segments/:id',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Rename a segment or change its rule',
        security: secured,
        params: IdParams,
        body: Type.Partial(SegmentInputSchema, { minProperties: 1 }),
        response: { 200: SegmentSchema, ...errors },
      },
    },
    async (request) =>
      segments.update(
        request.auth!.projectId,
        (request.params as { id: string }).id,
        request.body as { name?: string; rule?: string },
      ),
  );

  app.delete(
    '/v1/segments/:id',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Delete a segment and its membership history',
        security: secured,
        params: IdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await segments.remove(request.auth!.projectId, (request.params as { id: string }).id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/v1/segments/:id/members',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Profiles in a saved segment now (evaluated in the store), sorted, up to the limit',
        security: secured,
        params: IdParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 100 })),
        }),
        response: { 200: SegmentMembersSchema, ...errors },
      },
    },
    async (request) => {
      const { limit = 100 } = request.query as { limit?: number };
      return segments.members(request.auth!.projectId, (request.params as { id: string }).id, { limit });
    },
  );
}
