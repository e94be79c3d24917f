// Builds the Fastify app: parsers, hooks, routes, OpenAPI docs, dashboard. No listening here,
// so tests can drive it with inject() or listen on an ephemeral port.
import { join } from 'node:path';
import fastifyCors from '@fastify/cors';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Config } from './config';
import { requireRole } from './hooks/auth.hook';
import { registerBodyParsers } from './hooks/body-parsers';
import { registerErrorHandler } from './hooks/error-handler';
import { registerCustomerAnalyticsRoutes } from './routes/customer-analytics.routes';
import { registerCustomerRoutes } from './routes/customers.routes';
import { registerDashboardRoutes } from './routes/dashboard.routes';
import { registerDecideRoutes } from './routes/decide.routes';
import { registerHealthRoutes } from './routes/health.routes';
import { registerImportRoutes } from './routes/import.routes';
import { registerIngestRoutes } from './routes/ingest.routes';
import { registerJourneyRoutes } from './routes/journeys.routes';
import { registerMiningRoutes } from './routes/mining.routes';
import { registerQueryRoutes } from './routes/query.routes';
import { registerRecommendationRoutes } from './routes/recommendations.routes';
import { registerReportRoutes } from './routes/reports.routes';
import { registerSdkRoutes } from './routes/sdk.routes';
import { registerSearchRoutes } from './routes/search.routes';
import { registerSegmentRoutes } from './routes/segments.routes';
import { registerStreamRoutes } from './routes/stream.routes';
import type { CentricService } from './services/centric-service';
import type { DecideService } from './services/decide-service';
import { KeyCache } from './services/key-cache';
import type { RecommendationService } from './services/recommendation-service';
import type { SearchService } from './services/search-service';
import { StreamService } from './services/stream-service';

export const VERSION = '0.1.0';

export async function buildApp({
  config,
  service,
  adminToken,
  recommendations,
  decide,
  search,
}: {
  config: Readonly<Config>;
  service: CentricService;
  adminToken: string;
  /** The running recommendation engine; without it the recommendation routes are not served. */
  recommendations?: RecommendationService;
  /** The decision API and triggers; without it their routes are not served. */
  decide?: DecideService;
  /** Personalised search; without it the search routes are not served. */
  search?: SearchService;
}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    bodyLimit: config.limits.maxBodyBytes,
    // Fastify takes a hop count too, but its types do not: the same as a function of the hop.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
    // Client-made ids and keys can be long; the defaults are fine otherwise.
    routerOptions: { maxParamLength: 500 },
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: true } },
  });
  registerErrorHandler(app, { maxBodyBytes: config.limits.maxBodyBytes });
  registerBodyParsers(app);
  await app.register(fastifyCors, {
    origin: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'x-centric-project'],
    maxAge: 86_400,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Centric API',
        version: VERSION,
        description: 'Collect events (Segment-compatible ingest), query KPIs and administer projects.',
      },
      components: {
        securitySchemes: {
          writeKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'The project’s public write key (or Basic auth with it as user name)',
          },
          secretKey: { type: 'http', scheme: 'bearer', description: 'The project’s secret key' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const deps = { keys: new KeyCache(service.store.state), service, adminToken };
  const write = requireRole(deps, ['write', 'admin']);
  const secret = requireRole(deps, ['secret', 'admin']);
  const admin = requireRole(deps, ['admin']);
  registerHealthRoutes(app, {
    pipeline: service.pipeline,
    backend: service.store.backend,
    startedAt: Date.now(),
  });
  registerIngestRoutes(app, { pipeline: service.pipeline, auth: write });
  registerQueryRoutes(app, { service, secret, admin });
  registerCustomerAnalyticsRoutes(app, { service, secret });
  registerJourneyRoutes(app, { service, secret });
  registerCustomerRoutes(app, { service, secret });
  registerSegmentRoutes(app, { service, secret });
  registerMiningRoutes(app, { service, secret });
  if (recommendations) registerRecommendationRoutes(app, { recommendations, write, secret });
  if (recommendations)
    registerStreamRoutes(app, { streams: new StreamService(service.store, recommendations), write });
  if (decide) registerDecideRoutes(app, { decide, write, secret });
  if (search) registerSearchRoutes(app, { search, write, secret });
  registerImportRoutes(app, { service, secret, tmpDir: join(config.dataDir, 'tmp') });
  registerReportRoutes(app, { service, secret, settings: config.reports });
  registerSdkRoutes(app, { sdkDir: config.sdkDir });
  await registerDashboardRoutes(app, { dashboardDir: config.dashboardDir });
  return app;
}
