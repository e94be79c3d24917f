// Customer 360 and GDPR routes: a customer by any identifier (profile id, user id, anonymous
// id, customer id, e-mail), their merges and undo, the data export and the erasure, plus the
// traits refresh and the CLV model fit. All need the project's secret key.
import { ErrorBodySchema } from '@centric/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { CentricError } from '../errors';
import type { CentricService } from '../services/centric-service';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
};
const security = [{ secretKey: [] }];
const Id = Type.Object({ id: Type.String({ minLength: 1, description: 'Any identifier of the customer' }) });

const ClvModelSchema = Type.Object({
  bgnbd: Type.Object({
    r: Type.Number(),
    alpha: Type.Number(),
    a: Type.Number(),
    b: Type.Number(),
    logLikelihood: Type.Number(),
  }),
  gammaGamma: Type.Union([
    Type.Object({ p: Type.Number(), q: Type.Number(), gamma: Type.Number() }),
    Type.Null(),
  ]),
  customers: Type.Integer(),
  until: Type.String({ format: 'date' }),
});

export function registerCustomerRoutes(
  app: FastifyInstance,
  { service, secret }: { service: CentricService; secret: preHandlerAsyncHookHandler },
): void {
  const profiles = service.profiles;

  app.get(
    '/v1/customers',
    {
      preHandler: secret,
      schema: {
        tags: ['customers'],
        summary: 'Customers (profiles with orders) by a computed trait, for the customer list',
        security,
        querystring: Type.Object({
          sort: Type.Optional(
            Type.Union(
              ['revenue', 'orders', 'predicted_clv', 'churn_probability', 'last_order'].map((s) =>
                Type.Literal(s),
              ),
            ),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        }),
      },
    },
    async (request) => {
      const { sort = 'revenue', limit = 50 } = request.query as { sort?: string; limit?: number };
      const traits = await service.store.profiles.customerTraits(request.auth!.projectId);
      const key = (t: (typeof traits)[number]) =>
        sort === 'orders'
          ? t.orders
          : sort === 'predicted_clv'
            ? (t.predictedClv ?? -1)
            : sort === 'churn_probability'
              ? (t.churnProbability ?? -1)
              : sort === 'last_order'
                ? (t.lastOrderAt ?? 0)
                : t.revenue;
      return { customers: traits.sort((a, b) => key(b) - key(a)).slice(0, limit), total: traits.length };
    },
  );

  app.get(
    '/v1/customers/:id',
    {
      preHandler: secret,
      schema: {
        tags: ['customers'],
        summary: 'The 360 view: identities, traits, orders, timeline across channels, segments, merges',
        security,
        params: Id,
        response: { 404: ErrorBodySchema },
      },
    },
    async (request) => profiles.customer360(request.auth!.projectId, (request.params as { id: string }).id),
  );

  app.get(
    '/v1/customers/:id/export',
    {
      preHandler: secret,
      schema: {
        tags: ['customers', 'gdpr'],
        summary: 'GDPR export: everything held about the customer, as JSON',
        security,
        params: Id,
        response: { 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const projectId = request.auth!.projectId;
      const profileId = await profiles.findProfile(projectId, (request.params as { id: string }).id);
      void reply.header('content-disposition', `attachment; filename="customer-${profileId}.json"`);
      return {
        exportedAt: new Date().toISOString(),
        projectId,
        ...(await service.store.profiles.exportProfile(projectId, profileId)),
      };
    },
  );

  app.delete(
    '/v1/customers/:id',
    {
      preHandler: secret,
      schema: {
        tags: ['customers', 'gdpr'],
        summary:
          'GDPR erasure: deletes the customer’s events, orders, profile and identities, then scans every table for their identifiers',
        security,
        params: Id,
        response: {
          200: Type.Object({
            profileId: Type.String(),
            deleted: Type.Record(Type.String(), Type.Integer()),
            remaining: Type.Record(Type.String(), Type.Integer()),
            verified: Type.Boolean(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const projectId = request.auth!.projectId;
      const profileId = await profiles.findProfile(projectId, (request.params as { id: string }).id);
      const report = await service.store.profiles.eraseProfile(projectId, profileId);
      const verified = Object.values(report.remaining).every((n) => n === 0);
      if (!verified)
        request.log.error({ profileId, remaining: report.remaining }, 'erasure left identifiers behind');
      return { profileId, ...report, verified };
    },
  );

  app.get(
    '/v1/merges',
    {
      preHandler: secret,
      schema: {
        tags: ['customers'],
        summary: 'The merge audit trail (newest first), optionally of one profile',
        security,
        querystring: Type.Object({
          profile: Type.Optional(Type.String()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
        }),
      },
    },
    async (request) => {
      const { profile, limit = 100 } = request.query as { profile?: string; limit?: number };
      const merges = await service.store.profiles.merges(request.auth!.projectId, {
        limit,
        ...(profile ? { profileId: profile } : {}),
      });
      return {
        merges: merges.map((m) => ({
          ...m,
          at: new Date(m.at).toISOString(),
          undoneAt: m.undoneAt === null ? null : new Date(m.undoneAt).toISOString(),
        })),
      };
    },
  );

  app.post(
    '/v1/merges/:mergeId/undo',
    {
      preHandler: secret,
      schema: {
        tags: ['customers'],
        summary: 'Unmerge: the identities the merge moved go back to their own profile',
        security,
        params: Type.Object({ mergeId: Type.String() }),
        response: { 404: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (request) => {
      const projectId = request.auth!.projectId;
      try {
        const merge = await service.store.profiles.unmerge(
          projectId,
          (request.params as { mergeId: string }).mergeId,
          Date.now(),
        );
        return {
          ...merge,
          at: new Date(merge.at).toISOString(),
          undoneAt: new Date(merge.undoneAt ?? Date.now()).toISOString(),
        };
      } catch (error) {
        const message = (error as Error).message;
        if (/does not exist/.test(message)) throw new CentricError('not_found', message);
        if (/already undone/.test(message)) throw new CentricError('conflict', message);
        throw error;
      }
    },
  );

  app.post(
    '/v1/profiles/refresh',
    {
      preHandler: secret,
      schema: {
        tags: ['customers'],
        summary: 'Refresh computed traits (incremental by default)',
        security,
        body: Type.Optional(Type.Object({ full: Type.Optional(Type.Boolean()) })),
      },
    },
    async (request) => {
      const { full = false } = (request.body ?? {}) as { full?: boolean };
      const result = await profiles.refreshTraits(request.auth!.projectId, { full });
      return { profiles: result.profiles, full: result.full, model: result.model };
    },
  );

  app.get(
    '/v1/model/clv',
    {
      preHandler: secret,
      schema: {
        tags: ['customers'],
        summary: 'Fit BG/NBD and Gamma-Gamma (Fader, Hardie and Lee) on the orders up to a day',
        security,
        querystring: Type.Object({ until: Type.Optional(Type.String({ format: 'date' })) }),
        response: { 200: ClvModelSchema, ...errors },
      },
    },
    async (request) => {
      const { until } = request.query as { until?: string };
      const untilMs = until ? Date.parse(`${until}T23:59:59.999Z`) : Date.now();
      const model = await profiles.fitClv(request.auth!.projectId, untilMs);
      return {
        bgnbd: model.bgnbd,
        gammaGamma: model.gammaGamma,
        customers: model.customers,
        until: new Date(untilMs).toISOString().slice(0, 10),
      };
    },
  );
}
