// Starts Centric: opens the store, seeds ingest state, makes the default project on first run,
// listens, announces itself for the CLI, checkpoints on a timer, and shuts down gracefully
// (stop accepting, flush the buffer, checkpoint, close) on SIGINT/SIGTERM.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { IngestPipeline } from '@centric/ingest';
import { DuckDbStore, type Project, type ProjectKeys } from '@centric/storage';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { startReportScheduler } from './reports/report-scheduler';
import { removeServerFile, writeServerFile } from './server-file';
import { CentricService } from './services/centric-service';
import { DecideService } from './services/decide-service';
import { IdentityLinker } from './services/identity-linker';
import { RecommendationService } from './services/recommendation-service';
import { SearchService } from './services/search-service';
import { SegmentService } from './services/segment-service';

export interface RunningServer {
  url: string;
  port: number;
  app: FastifyInstance;
  service: CentricService;
  recommendations: RecommendationService;
  decide: DecideService;
  search: SearchService;
  project: Project;
  keys: ProjectKeys;
  firstRun: boolean;
  close(): Promise<void>;
}

export async function startServer(
  config: Readonly<Config>,
  { handleSignals = true }: { handleSignals?: boolean } = {},
): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  const store = await DuckDbStore.open({ file: config.dbFile });
  let app: FastifyInstance | undefined;
  const linker = new IdentityLinker(store, (error) => app?.log.error({ err: error }, 'identity link failed'));
  // Impressions go through the pipeline declared below; the engine learns after the identity graph.
  const recommendations = new RecommendationService(store, {
    ingest: (request) => pipeline.ingest(request),
    onError: (error) => app?.log.error({ err: error }, 'recommendations failed'),
    sessionTimeoutMs: config.sessionTimeoutMs,
  });
  // Capping and social-proof counts follow the stored events too.
  const decide = new DecideService(store, recommendations, {
    onError: (error) => app?.log.error({ err: error }, 'decide failed'),
  });
  // Searches are recorded through the pipeline, like impressions.
  const search = new SearchService(store, recommendations, {
    ingest: (request) => pipeline.ingest(request),
    onError: (error) => app?.log.error({ err: error }, 'search failed'),
  });
  const pipeline = new IngestPipeline(store.events, {
    afterStore: async (projectId, events) => {
      await linker.afterStore(projectId, events);
      await recommendations.afterStore(projectId, events);
      await decide.afterStore(projectId, events);
    },
    limits: config.limits,
    dedupeCapacity: config.dedupeCapacity,
    sessionTimeoutMs: config.sessionTimeoutMs,
    concurrentFlushes: config.concurrentFlushes,
    onFlush: (report) => {
      if (!report.ok) app?.log.error({ flush: report }, 'ingest flush failed');
      else app?.log.debug({ flush: report }, 'ingest flush');
    },
  });
  await pipeline.start();
  const service = new CentricService(store, pipeline, {
    sessionTimeoutMs: config.sessionTimeoutMs,
    workDir: join(config.dataDir, 'tmp'),
  });
  const { project, keys, created } = await service.ensureDefaultProject(config.defaultProjectName);
  if (created && config.loadDemo) {
    const report = await service.loadDemo(project.id, (line) => process.stderr.write(`${line}\n`));
    const traits = await service.profiles.refreshTraits(project.id, { full: true });
    process.stderr.write(
      `demo data loaded in ${(report.ms / 1000).toFixed(1)} s; traits of ${traits.profiles} profiles computed\n`,
    );
  }
  const adminToken = `adm_${randomBytes(24).toString('base64url')}`;
  await recommendations.start([project.id]);
  await decide.start([project.id]);
  await search.start([project.id]);
  app = await buildApp({ config, service, adminToken, recommendations, decide, search });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  writeServerFile(config.dataDir, {
    pid: process.pid,
    url,
    adminToken,
    dbFile: config.dbFile,
    startedAt: new Date().toISOString(),
  });

  // Computed traits follow the events: an incremental refresh redoes the profiles touched since.
  // Then segment memberships, so "segment entry" cohorts see who entered when.
  const segmentService = new SegmentService(store);
  const traitsTimer = setInterval(() => {
    service.profiles
      .refreshTraits(project.id)
      .then(() => segmentService.refresh(project.id))
      .catch((error) => app?.log.warn({ err: error }, 'traits or segment refresh failed'));
  }, config.traitsRefreshIntervalMs);
  traitsTimer.unref();

  const checkpointTimer = setInterval(() => {
    pipeline.checkpoint().catch((error) => app?.log.warn({ err: error }, 'checkpoint skipped'));
  }, config.checkpointIntervalMs);
  checkpointTimer.unref();
  const stopReports = startReportScheduler({ service, settings: config.reports, log: app.log });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      clearInterval(checkpointTimer);
      clearInterval(traitsTimer);
      await stopReports();
      await app?.close();
      await decide.stop();
      await search.stop();
      await recommendations.stop();
      await pipeline.stop();
      await pipeline.checkpoint().catch(() => undefined);
      await store.close();
      removeServerFile(config.dataDir);
    })();
    return closing;
  };
  if (handleSignals) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        app?.log.info(`${signal}: flushing and shutting down`);
        close().then(
          () => process.exit(0),
          (error) => {
            console.error(error);
            process.exit(1);
          },
        );
      });
    }
  }
  return {
    url,
    port,
    app,
    service,
    recommendations,
    decide,
    search,
    project,
    keys,
    firstRun: created,
    close,
  };
}
