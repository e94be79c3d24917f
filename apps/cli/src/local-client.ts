// CentricClient in this process, for when no server holds the store: opens the DuckDB file,
// runs the same services and ingest pipeline the server runs, and closes it cleanly.
import { join } from 'node:path';
import { IngestPipeline } from '@centric/ingest';
import { CentricService, type Config } from '@centric/server';
import { DuckDbStore } from '@centric/storage';
import type { BatchOutcome, CentricClient, ImportRequest } from './centric-client';

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

  loadDemo() {
    return this.service.loadDemo(this.projectId, (line) => process.stderr.write(`${line}\n`));
  }

  async close(): Promise<void> {
    await this.service.pipeline.stop();
    await this.service.pipeline.checkpoint();
    await this.service.store.close();
  }
}
