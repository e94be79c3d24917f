// Customer-journey routes: where sessions enter and how they end (journeys), paths as Sankey
// data (paths), ad-hoc funnels (GET with the steps as text, POST with a JSON body), the
// journey-phase funnel and the project's journey settings (phase mapping, own hosts). All
// need the project's secret key. Schemas in journeys.schemas.ts document them in /docs.
import {
  ErrorBodySchema,
  type FunnelBreakdown,
  type FunnelEntity,
  type PathGrouping,
} from '@centric/contracts';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { CentricService } from '../services/centric-service';
import { JourneyService, type PhaseFunnelRequest, type StepRequest } from '../services/journey-service';
import {
  FunnelBodySchema,
  FunnelQuerySchema,
  FunnelReportSchema,
  JourneySettingsBodySchema,
  JourneySettingsSchema,
  JourneysQuerySchema,
  JourneysReportSchema,
  PathsQuerySchema,
  PathsReportSchema,
  PhaseFunnelQuerySchema,
  PhaseFunnelReportSchema,
} from './journeys.schemas';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const security = [{ secretKey: [] }];
const tags = ['journeys'];

interface ScopeQuery {
  from?: string;
  to?: string;
  segment?: string;
  profiles?: string;
}
interface CompareQuery {
  compareFrom?: string;
  compareTo?: string;
  compareSegment?: string;
}
interface FunnelOptionsQuery {
  window?: string;
  entity?: FunnelEntity;
  breakdown?: FunnelBreakdown;
  comparePrevious?: boolean;
}

const scope = (q: ScopeQuery) => ({
  from: q.from,
  to: q.to,
  segmentId: q.segment,
  profileIds: q.profiles
    ?.split(',')
    .map((p) => p.trim())
    .filter((p) => p !== ''),
});
const compare = (q: CompareQuery) => ({
  compareFrom: q.compareFrom,
  compareTo: q.compareTo,
  compareSegmentId: q.compareSegment,
});
const funnelOptions = (
  q: FunnelOptionsQuery,
): Omit<PhaseFunnelRequest, 'from' | 'to' | 'segmentId' | 'profileIds'> => ({
  window: q.window,
  entity: q.entity,
  breakdown: q.breakdown,
  comparePrevious: q.comparePrevious,
});

export function registerJourneyRoutes(
  app: FastifyInstance,
  { service, secret }: { service: CentricService; secret: preHandlerAsyncHookHandler },
): void {
  const journeys = new JourneyService(service.store);

  app.get(
    '/v1/query/journeys',
    {
      preHandler: secret,
      schema: {
        tags,
        summary:
          'Entry channels, landing pages, outcomes, search terms, viewed products and categories of sessions',
        security,
        querystring: JourneysQuerySchema,
        response: { 200: JourneysReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as ScopeQuery & CompareQuery & { limit?: number };
      return journeys.journeys(request.auth!.projectId, { ...scope(q), ...compare(q), limit: q.limit });
    },
  );

  app.get(
    '/v1/query/paths',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Paths of sessions as Sankey nodes and links, from the start, from a step or to a step',
        security,
        querystring: PathsQuerySchema,
        response: { 200: PathsReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as ScopeQuery &
        CompareQuery & {
          groupBy?: PathGrouping;
          depth?: number;
          startAt?: string;
          endAt?: string;
          collapse?: boolean;
          maxNodes?: number;
        };
      return journeys.paths(request.auth!.projectId, {
        ...scope(q),
        ...compare(q),
        groupBy: q.groupBy,
        depth: q.depth,
        startAt: q.startAt,
        endAt: q.endAt,
        collapse: q.collapse,
        maxNodes: q.maxNodes,
      });
    },
  );

  app.get(
    '/v1/query/funnel',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'An ordered funnel with optional steps, time-to-convert, breakdown and previous period',
        security,
        querystring: FunnelQuerySchema,
        response: { 200: FunnelReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as ScopeQuery & FunnelOptionsQuery & { steps: string };
      return journeys.funnel(request.auth!.projectId, { ...scope(q), ...funnelOptions(q), steps: q.steps });
    },
  );

  app.post(
    '/v1/query/funnel',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'The same funnel with its steps in a JSON body (labels, optional flags)',
        security,
        body: FunnelBodySchema,
        response: { 200: FunnelReportSchema, ...errors },
      },
    },
    async (request) => {
      const b = request.body as Omit<ScopeQuery, 'profiles'> &
        FunnelOptionsQuery & { profiles?: string[]; steps: StepRequest[] };
      return journeys.funnel(request.auth!.projectId, {
        from: b.from,
        to: b.to,
        segmentId: b.segment,
        profileIds: b.profiles,
        ...funnelOptions(b),
        steps: b.steps,
      });
    },
  );

  app.get(
    '/v1/query/journey-phases',
    {
      preHandler: secret,
      schema: {
        tags,
        summary:
          'The journey-phase funnel (awareness, discovery, consideration, intent, purchase, experience, loyalty) per customer',
        security,
        querystring: PhaseFunnelQuerySchema,
        response: { 200: PhaseFunnelReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as ScopeQuery & FunnelOptionsQuery;
      return journeys.phaseFunnel(request.auth!.projectId, { ...scope(q), ...funnelOptions(q) });
    },
  );

  app.get(
    '/v1/settings/journeys',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'The journey-phase mapping (the project’s own or the default) and the shop’s own hosts',
        security,
        response: { 200: JourneySettingsSchema, ...errors },
      },
    },
    async (request) => journeys.settings(request.auth!.projectId),
  );

  app.put(
    '/v1/settings/journeys',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Set the phase mapping and/or the shop’s own hosts; null resets one to the default',
        security,
        body: JourneySettingsBodySchema,
        response: { 200: JourneySettingsSchema, ...errors },
      },
    },
    async (request) =>
      journeys.updateSettings(
        request.auth!.projectId,
        request.body as Parameters<JourneyService['updateSettings']>[1],
      ),
  );
}
