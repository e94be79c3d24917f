// CentricClient in this process, for when no server holds the store: opens the DuckDB file,
// runs the same services and ingest pipeline the server runs, and closes it cleanly.
import { join } from 'node:path';
import type { PersonaDiscoverBody } from '@centric/contracts';
import { IngestPipeline } from '@centric/ingest';
import {
  CentricService,
  type Config,
  IdentityLinker,
  MiningService,
  PersonaService,
  SegmentService,
} from '@centric/server';
import { DuckDbStore } from '@centric/storage';
import type {
  BatchOutcome,
  CentricClient,
  CustomerKpiInput,
  ImportRequest,
  RetentionInput,
} from './centric-client';
import { LocalJourneyClient } from './journey-client';
import { LocalRecommendClient } from './recommend-client';
import { LocalReportClient } from './report-client';
import { LocalSearchClient } from './search-client';

export class LocalClient implements CentricClient {
  readonly mode = 'local' as const;

  private constructor(
    private readonly service: CentricService,
    private readonly projectId: string,
  ) {}

  static async open(config: Readonly<Config>): Promise<LocalClient> {
    const store = await DuckDbStore.open({ file: config.dbFile });
    const pipeline = new IngestPipeline(store.events, {
      afterStore: new IdentityLinker(store, (error) =>
        process.stderr.write(`identity link failed: ${(error as Error).message}\n`),
      ).afterStore,
      limits: config.limits,
      dedupeCapacity: config.dedupeCapacity,
      sessionTimeoutMs: config.sessionTimeoutMs,
    });
    await pipeline.start();
    const service = new CentricService(store, pipeline, {
      sessionTimeoutMs: config.sessionTimeoutMs,
      workDir: join(config.dataDir, 'tmp'),
    });
    const { project } = await service.ensureDefaultProject(config.defaultProjectName);
    return new LocalClient(service, project.id);
  }

  keys() {
    return this.service.keys(this.projectId);
  }

  overview(range: { from?: string | undefined; to?: string | undefined }) {
    return this.service.overview(this.projectId, range);
  }

  retention(input: RetentionInput) {
    return this.service.retention(this.projectId, input);
  }

  customerKpis(input: CustomerKpiInput) {
    return this.service.customerKpis(this.projectId, input);
  }

  async ingestBatch(messages: readonly unknown[]): Promise<BatchOutcome> {
    return this.service.pipeline.ingest({ projectId: this.projectId, messages });
  }

  importFile({ onProgress, ...input }: ImportRequest) {
    return this.service.importFile(this.projectId, {
      ...input,
      ...(onProgress
        ? { onProgress: (p: { bytesRead: number; rows: number }) => onProgress(p.bytesRead, p.rows) }
        : {}),
    });
  }

  customer360(id: string) {
    return this.service.profiles.customer360(this.projectId, id);
  }

  async exportCustomer(id: string) {
    const profileId = await this.service.profiles.findProfile(this.projectId, id);
    return {
      exportedAt: new Date().toISOString(),
      projectId: this.projectId,
      ...(await this.service.store.profiles.exportProfile(this.projectId, profileId)),
    };
  }

  async eraseCustomer(id: string) {
    const profileId = await this.service.profiles.findProfile(this.projectId, id);
    const report = await this.service.store.profiles.eraseProfile(this.projectId, profileId);
    return { profileId, ...report, verified: Object.values(report.remaining).every((n) => n === 0) };
  }

  async fitClv(until: string | undefined) {
    const untilMs = until ? Date.parse(`${until}T23:59:59.999Z`) : Date.now();
    if (!Number.isFinite(untilMs)) throw new Error(`--until must be a date YYYY-MM-DD, got "${until}"`);
    const model = await this.service.profiles.fitClv(this.projectId, untilMs);
    return {
      bgnbd: model.bgnbd,
      gammaGamma: model.gammaGamma,
      customers: model.customers,
      until: new Date(untilMs).toISOString().slice(0, 10),
    };
  }

  async refreshTraits(full: boolean) {
    const r = await this.service.profiles.refreshTraits(this.projectId, { full });
    return { profiles: r.profiles, full: r.full };
  }

  listSegments() {
    return new SegmentService(this.service.store).list(this.projectId);
  }

  createSegment(input: { name: string; rule: string }) {
    return new SegmentService(this.service.store).create(this.projectId, input);
  }

  segmentMembers(segmentId: string, limit: number) {
    return new SegmentService(this.service.store).members(this.projectId, segmentId, { limit });
  }

  patterns(input: Parameters<MiningService['patterns']>[1]) {
    return new MiningService(this.service.store).patterns(this.projectId, input);
  }

  associations(input: Parameters<MiningService['associations']>[1]) {
    return new MiningService(this.service.store).associations(this.projectId, input);
  }

  discoverPersonas(input: PersonaDiscoverBody) {
    return new PersonaService(this.service.store).discover(this.projectId, input);
  }

  latestPersonas() {
    return new PersonaService(this.service.store).latest(this.projectId);
  }

  personaSegment(personaId: string) {
    return new PersonaService(this.service.store).makeSegment(this.projectId, personaId);
  }

  loadDemo() {
    return this.service.loadDemo(this.projectId, (line) => process.stderr.write(`${line}\n`));
  }

  recommendations() {
    return new LocalRecommendClient(this.service, this.projectId);
  }

  search() {
    return new LocalSearchClient(this.service, this.projectId);
  }

  journeys() {
    return new LocalJourneyClient(this.service, this.projectId);
  }

  reports(config: Readonly<Config>) {
    return new LocalReportClient(this.service, this.projectId, config);
  }

  async close(): Promise<void> {
    await this.service.pipeline.stop();
    await this.service.pipeline.checkpoint();
    await this.service.store.close();
  }
}
