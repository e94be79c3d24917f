// CentricClient in this process, for when no server holds the store: opens the DuckDB file,
// runs the same services and ingest pipeline the server runs, and closes it cleanly.
import { IngestPipeline } from '@centric/ingest';
import { CentricService, type Config } from '@centric/server';
import { DuckDbStore } from '@centric/storage';
import type { BatchOutcome, CentricClient } from './centric-client';

export class LocalClient implements CentricClient {
  readonly mode = 'local' as const;

  private constructor(
    private readonly service: CentricService,
    private readonly projectId: string,
  ) {}

  static async open(config: Readonly<Config>): Promise<LocalClient> {
    const store = await DuckDbStore.open({ file: config.dbFile });
    const pipeline = new IngestPipeline(store.events, {
      limits: config.limits,
      dedupeCapacity: config.dedupeCapacity,
      sessionTimeoutMs: config.sessionTimeoutMs,
    });
    await pipeline.start();
    const service = new CentricService(store, pipeline);
    const { project } = await service.ensureDefaultProject(config.defaultProjectName);
    return new LocalClient(service, project.id);
  }

  keys() {
    return this.service.keys(this.projectId);
  }

  overview(range: { from?: string | undefined; to?: string | undefined }) {
    return this.service.overview(this.projectId, range);
  }

  async ingestBatch(messages: readonly unknown[]): Promise<BatchOutcome> {
    return this.service.pipeline.ingest({ projectId: this.projectId, messages });
  }

  async close(): Promise<void> {
    await this.service.pipeline.stop();
    await this.service.pipeline.checkpoint();
    await this.service.store.close();
  }
}
