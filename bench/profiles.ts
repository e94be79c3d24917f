// bench/profiles: identity resolution and trait refresh throughput, then the retention and
// KPI queries on 10 million events (from bench/customers).
//   npm run bench -- profiles [--links 20000] [--events 10000000]
// Trait refresh runs on the shipped demo shop (real orders, simulated browsing): a full
// refresh (every profile, CLV refit) and an incremental one after new events for 1% of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestPipeline } from '@centric/ingest';
import { CentricService, IdentityLinker } from '@centric/server';
import { DuckDbStore } from '@centric/storage';
import customersBench from './customers';
import { argValue, printFigure } from './figures';

export default async function profilesBench(args: string[]): Promise<void> {
  const links = Number(argValue(args, '--links') ?? 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'centric-bench-profiles-'));
  const bench = 'profiles';
  try {
    const store = await DuckDbStore.open({ file: join(dir, 'profiles.duckdb') });
    const linker = new IdentityLinker(store);
    const pipeline = new IngestPipeline(store.events, { afterStore: linker.afterStore });
    await pipeline.start();
    const service = new CentricService(store, pipeline, {
      sessionTimeoutMs: 30 * 60_000,
      workDir: join(dir, 'tmp'),
    });
    const { project } = await service.ensureDefaultProject('bench');

    // Identity resolution: logins linking a device to a customer (a tenth of them a second
    // device of a known customer, so profiles also merge), through the ingest path.
    // One request carries the logins of 100 visitors, as a busy shop's batches do.
    let started = performance.now();
    for (let i = 0; i < links; i += 100) {
      const batch = Array.from({ length: Math.min(100, links - i) }, (_, k) => {
        const n = i + k;
        return {
          type: 'identify',
          anonymousId: `device-${n}`,
          userId: `customer-${n % 10 === 9 ? n - 5 : n}`,
          messageId: `login-${n}`,
        };
      });
      await pipeline.ingest({ projectId: project.id, messages: batch });
    }
    printFigure({
      bench,
      metric: 'identity_links_per_s',
      value: Math.round(links / ((performance.now() - started) / 1000)),
      unit: '1/s',
      links,
    });

    // Trait refresh on the demo shop.
    await service.loadDemo(project.id);
    started = performance.now();
    const full = await service.profiles.refreshTraits(project.id, { full: true });
    const fullMs = performance.now() - started;
    printFigure({
      bench,
      metric: 'traits_full_refresh_profiles_per_s',
      value: Math.round(full.profiles / (fullMs / 1000)),
      unit: '1/s',
      profiles: full.profiles,
      ms: Math.round(fullMs),
    });
    const touched = (await store.profiles.customerTraits(project.id)).slice(
      0,
      Math.max(1, Math.round(full.profiles / 100)),
    );
    const now = Date.now();
    await pipeline.ingest({
      projectId: project.id,
      messages: touched.map((t, i) => ({
        type: 'track',
        event: 'Product Viewed',
        userId: t.profileId.replace(/^u:/, ''),
        messageId: `bench-${i}`,
        timestamp: new Date(now).toISOString(),
      })),
    });
    started = performance.now();
    const incremental = await service.profiles.refreshTraits(project.id, { now: now + 1000 });
    const incrementalMs = performance.now() - started;
    printFigure({
      bench,
      metric: 'traits_incremental_refresh_ms',
      value: Math.round(incrementalMs),
      unit: 'ms',
      profiles: incremental.profiles,
    });
    await pipeline.stop();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Retention and KPI queries on 10 million events: retention_ms, kpis_ms.
  await customersBench(['--events', argValue(args, '--events') ?? '10000000']);
}
