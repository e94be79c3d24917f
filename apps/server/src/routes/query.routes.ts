// Query and project routes for the dashboard and the CLI: who am I, which projects, keys, and
// the Overview KPIs. All need the project's secret key (or the local admin token).
import {
  DateRangeQuerySchema,
  ErrorBodySchema,
  MeSchema,
  OverviewSchema,
  ProjectKeysSchema,
  ProjectSchema,
} from '@centric/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { CentricError } from '../errors';
import type { CentricService } from '../services/centric-service';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const secured = [{ secretKey: [] }];

export function registerQueryRoutes(
  app: FastifyInstance,
  {
    service,
    secret,
    admin,
  }: { service: CentricService; secret: preHandlerAsyncHookHandler; admin: preHandlerAsyncHookHandler },
): void {
  app.get(
    '/v1/me',
    {
      preHandler: secret,
      schema: {
        tags: ['projects'],
        summary: 'The project and role of the presented key',
        security: secured,
        response: { 200: MeSchema, ...errors },
      },
    },
    async (request) => {
      const project = await service.project(request.auth!.projectId);
      const { demo } = await service.store.state.projectSettings(project.id);
      return {
        projectId: project.id,
        projectName: project.name,
        role: request.auth!.role === 'admin' ? 'admin' : 'secret',
        ...(demo ? { demo } : {}),
      };
    },
  );

  app.get(
    '/v1/projects',
    {
      preHandler: secret,
      schema: {
        tags: ['projects'],
        summary: 'Projects the key may see: its own, or all with the admin token',
        security: secured,
        response: { 200: Type.Object({ projects: Type.Array(ProjectSchema) }), ...errors },
      },
    },
    async (request) => {
      const all = await service.store.state.listProjects();
      const visible =
        request.auth!.role === 'admin' ? all : all.filter((p) => p.id === request.auth!.projectId);
      return {
        projects: visible.map((p) => ({
          id: p.id,
          name: p.name,
          createdAt: new Date(p.createdAt).toISOString(),
        })),
      };
    },
  );

  app.post(
    '/v1/projects',
    {
      preHandler: admin,
      schema: {
        tags: ['projects'],
        summary: 'Create a project (admin token); answers its keys',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: ProjectKeysSchema, ...errors },
      },
    },
    async (request) => {
      const { name } = request.body as { name: string };
      const { keys } = await service.store.state.createProject({ name });
      return keys;
    },
  );

  app.get(
    '/v1/projects/current/keys',
    {
      preHandler: secret,
      schema: {
        tags: ['projects'],
        summary: 'The write and secret key of the project',
        security: secured,
        response: { 200: ProjectKeysSchema, ...errors },
      },
    },
    async (request) => service.keys(request.auth!.projectId),
  );

  app.get(
    '/v1/query/overview',
    {
      preHandler: secret,
      schema: {
        tags: ['query'],
        summary: 'Overview KPIs for a date range (UTC days, inclusive; default the last 30 days)',
        security: secured,
        querystring: DateRangeQuerySchema,
        response: { 200: OverviewSchema, ...errors },
      },
    },
    async (request) => {
      const { from, to } = request.query as { from?: string; to?: string };
      return service.overview(request.auth!.projectId, { from, to });
    },
  );

  app.post(
    '/v1/demo',
    {
      preHandler: secret,
      schema: {
        tags: ['projects'],
        summary:
          'Load the demo data into the project (real UCI Online Retail orders, simulated browsing); idempotent',
        security: secured,
        response: {
          200: Type.Object({
            products: Type.Integer(),
            customers: Type.Integer(),
            orders: Type.Integer(),
            simulatedEvents: Type.Integer(),
            shiftWeeks: Type.Integer(),
            ms: Type.Number(),
          }),
          ...errors,
        },
      },
    },
    async (request) => service.loadDemo(request.auth!.projectId),
  );

  app.get(
    '/v1/events',
    {
      preHandler: secret,
      schema: {
        tags: ['query'],
        summary: 'The latest events of the project, newest first',
        security: secured,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          visitor: Type.Optional(Type.String({ minLength: 1 })),
        }),
      },
    },
    async (request) => {
      const { limit = 100, visitor } = request.query as { limit?: number; visitor?: string };
      if (limit > 1000) throw new CentricError('invalid_query', 'limit is at most 1000');
      const events = await service.store.events.listEvents({
        projectId: request.auth!.projectId,
        limit,
        ...(visitor ? { visitor } : {}),
      });
      return { events };
    },
  );
}
