import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbStore } from '@centric/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestPipeline } from './ingest-pipeline';

const dir = mkdtempSync(join(tmpdir(), 'centric-ingest-'));
let store: DuckDbStore;
beforeAll(async () => {
  store = await DuckDbStore.open({ file: join(dir, 'ingest.duckdb') });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (minute: number) => new Date(Date.parse('2026-05-04T10:00:00Z') + minute * 60_000).toISOString();
const now = () => Date.parse('2026-05-04T12:00:00Z');

describe('IngestPipeline on a real store', () => {
  it('stores a valid batch durably, sessionised, and skips retried message ids', async () => {
    const pipeline = new IngestPipeline(store.events, { now });
    await pipeline.start();
    const batch = [
      { type: 'page', name: 'Home', anonymousId: 'v1', messageId: 'p-1', timestamp: at(0) },
      {
        type: 'track',
        event: 'view_item',
        anonymousId: 'v1',
        messageId: 'p-2',
        timestamp: at(5),
        properties: { items: [{ item_id: 'A' }] },
      },
      {
        type: 'track',
        event: 'Product Added',
        anonymousId: 'v1',
        messageId: 'p-3',
        timestamp: at(50),
        properties: { product_id: 'A' },
      },
    ];
    expect(await pipeline.ingest({ projectId: 'prj_p', messages: batch })).toEqual({
      ok: true,
      accepted: 3,
      duplicates: 0,
    });
    expect(await pipeline.ingest({ projectId: 'prj_p', messages: batch })).toEqual({
      ok: true,
      accepted: 0,
      duplicates: 3,
    });
    // The same message id in another project is another event.
    expect(await pipeline.ingest({ projectId: 'prj_q', messages: batch.slice(0, 1) })).toEqual({
      ok: true,
      accepted: 1,
      duplicates: 0,
    });
    await pipeline.stop();
    const events = await store.events.listEvents({ projectId: 'prj_p', limit: 10 });
    expect(events.map((e) => e.event)).toEqual(['Product Added', 'Product Viewed', 'Home']);
    const [added, viewed, home] = events;
    expect(viewed?.sessionId).toBe(home?.sessionId);
    expect(added?.sessionId).not.toBe(viewed?.sessionId);
  });

  it('rejects a whole batch when one event is bad, and stores none of it', async () => {
    const pipeline = new IngestPipeline(store.events, { now });
    await pipeline.start();
    const result = await pipeline.ingest({
      projectId: 'prj_r',
      messages: [
        { type: 'track', event: 'Product Viewed', anonymousId: 'v', messageId: 'r-1' },
        { type: 'track', anonymousId: 'v', messageId: 'r-2' },
        { type: 'track', event: 'x', anonymousId: 'v', channel: 'fax', messageId: 'r-3' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ index: 1, field: 'event', reason: 'missing_field' }),
        expect.objectContaining({ index: 2, field: 'channel', reason: 'invalid_value' }),
      ],
    });
    await pipeline.stop();
    expect(await store.events.countEvents('prj_r')).toBe(0);
  });

  it('remembers acknowledged ids across a restart of the pipeline', async () => {
    const first = new IngestPipeline(store.events);
    await first.start();
    const msg = {
      type: 'identify',
      userId: 'u-9',
      messageId: 'restart-1',
      traits: { email: 'x@example.com' },
    };
    expect(await first.ingest({ projectId: 'prj_s', messages: [msg] })).toMatchObject({ accepted: 1 });
    await first.stop();
    const second = new IngestPipeline(store.events);
    await second.start();
    expect(await second.ingest({ projectId: 'prj_s', messages: [msg] })).toMatchObject({
      accepted: 0,
      duplicates: 1,
    });
    await second.stop();
  });
});
