// The use cases behind the API, shared by the HTTP routes and the CLI's local mode (when no
// server holds the store), so both answer the same way.
import { kpis } from '@centric/analyses';
import { daysOf, resolveDayRange, toInstantRange } from '@centric/core';
import {
  type ImportFormat,
  type ImportKind,
  type ImportSummary,
  runImport,
  UnsupportedFormatError,
} from '@centric/importers';
import type { IngestPipeline } from '@centric/ingest';
import type { Project, ProjectKeys, Store } from '@centric/storage';
import { type DemoReport, loadDemo } from '../demo/load-demo';
import { CentricError } from '../errors';
import {
  CustomerAnalyticsService,
  type CustomerKpiReport,
  type CustomerKpiRequest,
  type RetentionReport,
  type RetentionRequest,
} from './customer-analytics-service';
import { ProfileService } from './profile-service';

export class CentricService {
  readonly profiles: ProfileService;

  constructor(
    readonly store: Store,
    readonly pipeline: IngestPipeline,
    private readonly options: { sessionTimeoutMs: number; workDir: string },
  ) {
    this.profiles = new ProfileService(store);
  }

  /** Loads the demo data (real orders, simulated browsing) into a project; idempotent. */
  loadDemo(projectId: string, log?: (line: string) => void): Promise<DemoReport> {
    return loadDemo(this, { projectId, workDir: this.options.workDir, ...(log ? { log } : {}) });
  }

  /**
   * Imports a file of products, orders, customers or events into a project.
   *
   * @example await service.importFile(projectId, { kind: 'orders', format: 'shopify', file: 'orders.csv' })
   */
  async importFile(
    projectId: string,
    input: {
      kind: ImportKind;
      file: string;
      format?: ImportFormat | undefined;
      strict?: boolean | undefined;
      onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
      onChunk?: (c: { chunks: number; imported: number }) => void;
    },
  ): Promise<ImportSummary> {
    try {
      return await runImport({
        store: this.store,
        projectId,
        kind: input.kind,
        file: input.file,
        ...(input.format ? { format: input.format } : {}),
        strict: input.strict ?? false,
        sessionTimeoutMs: this.options.sessionTimeoutMs,
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
        ...(input.onChunk ? { onChunk: input.onChunk } : {}),
      });
    } catch (error) {
      if (error instanceof UnsupportedFormatError) throw new CentricError('invalid_query', error.message);
      throw error;
    }
  }

  /** The project created on first start (the oldest one). */
  async ensureDefaultProject(
    name: string,
  ): Promise<{ project: Project; keys: ProjectKeys; created: boolean }> {
    const [first] = await this.store.state.listProjects();
    if (first) {
      const keys = await this.store.state.projectKeys(first.id);
      if (!keys) throw new CentricError('internal', `project ${first.id} has no active keys`);
      return { project: first, keys, created: false };
    }
    const made = await this.store.state.createProject({ name });
    return { ...made, created: true };
  }

  async defaultProjectId(): Promise<string> {
    const [first] = await this.store.state.listProjects();
    if (!first) throw new CentricError('not_found', 'no project exists yet');
    return first.id;
  }

  async project(projectId: string): Promise<Project> {
    const project = await this.store.state.getProject(projectId);
    if (!project) throw new CentricError('not_found', `project ${projectId} does not exist`);
    return project;
  }

  async keys(projectId: string): Promise<ProjectKeys> {
    const keys = await this.store.state.projectKeys(projectId);
    if (!keys) throw new CentricError('not_found', `project ${projectId} has no active keys`);
    return keys;
  }

  async overview(
    projectId: string,
    input: { from?: string | undefined; to?: string | undefined },
  ): Promise<kpis.OverviewKpis> {
    let range: ReturnType<typeof resolveDayRange>;
    try {
      range = resolveDayRange(
        { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) },
        Date.now(),
      );
    } catch (error) {
      throw new CentricError('invalid_query', (error as Error).message);
    }
    const figures = await this.store.events.overview({ projectId, range: toInstantRange(range) });
    return kpis.overviewKpis(figures, { ...range, days: daysOf(range) });
  }

  /** The retention matrix of cohorts, optionally compared with a segment's. */
  retention(projectId: string, input: RetentionRequest): Promise<RetentionReport> {
    return new CustomerAnalyticsService(this.store).retention(projectId, input);
  }

  /** Customer KPIs (CRR, churn, returning-customer revenue ...) per period, with definitions. */
  customerKpis(projectId: string, input: CustomerKpiRequest): Promise<CustomerKpiReport> {
    return new CustomerAnalyticsService(this.store).customerKpis(projectId, input);
  }
}
