// The `centric` command as a user runs it: a child process, with and without a running server
// holding the store.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '@centric/server/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, runCentric } from './test-support/run-centric';

const tmp = mkdtempSync(join(tmpdir(), 'centric-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function centric(args: string[]): Promise<CliResult> {
  return runCentric([...args]);
}

const today = new Date().toISOString().slice(0, 10);
const events = [
  { type: 'page', anonymousId: 'v1', messageId: 'c1', name: 'Home' },
  {
    type: 'track',
    event: 'add_to_cart',
    anonymousId: 'v1',
    messageId: 'c2',
    properties: { items: [{ item_id: 'A', price: 5 }] },
  },
  {
    type: 'track',
    event: 'purchase',
    anonymousId: 'v1',
    messageId: 'c3',
    properties: { transaction_id: 'T1', value: 42.5, currency: 'EUR' },
  },
];
const ndjson = `${events.map((e) => JSON.stringify(e)).join('\n')}\nnot json\n${JSON.stringify({ type: 'track', anonymousId: 'v2' })}\n`;

describe('centric CLI without a server', () => {
  const data = join(tmp, 'local');
  const file = join(tmp, 'events.ndjson');
  writeFileSync(file, ndjson);

  it('creates the store on first use and prints the default project’s keys', async () => {
    const r = await centric(['--data', data, 'keys', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      projectId: expect.stringMatching(/^prj_/),
      writeKey: expect.stringMatching(/^wk_/),
      secretKey: expect.stringMatching(/^sk_/),
    });
  });

  it('ingests NDJSON, lists bad lines, and stores nothing twice on a re-run', async () => {
    const first = await centric(['--data', data, 'ingest', file, '--json']);
    expect(JSON.parse(first.stdout)).toEqual({
      read: 5,
      imported: 3,
      duplicates: 0,
      rejected: [
        { line: 4, reason: expect.stringContaining('not valid JSON') },
        { line: 5, reason: expect.stringContaining('event') },
      ],
    });
    const again = await centric(['--data', data, 'ingest', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, duplicates: 3 });
  });

  it('answers the overview as JSON with the KPI names of the contract', async () => {
    const r = await centric(['--data', data, 'query', 'overview', '--json', '--from', today, '--to', today]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      events: 3,
      visitors: 1,
      sessions: 1,
      orders: 1,
      revenue: 42.5,
      conversionRate: 1,
      averageOrderValue: 42.5,
    });
  });

  it('fails with one clear line and a non-zero exit code', async () => {
    const bad = await centric(['--data', data, 'query', 'overview', '--from', 'yesterday']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim()).toBe('centric: from must be a date YYYY-MM-DD, got "yesterday"');
    const missing = await centric(['--data', data, 'ingest', join(tmp, 'nope.ndjson')]);
    expect(missing.stderr.trim()).toMatch(/^centric: cannot read .*nope\.ndjson/);
  });
});

describe('centric CLI while a server holds the store', () => {
  it('goes through the server for keys, ingest and queries', async () => {
    const server = await startTestServer();
    try {
      const keys = await centric(['--data', server.dataDir, 'keys', '--json']);
      expect(JSON.parse(keys.stdout)).toEqual(server.keys);
      const file = join(tmp, 'remote.ndjson');
      writeFileSync(file, ndjson);
      const ingested = await centric(['--data', server.dataDir, 'ingest', file, '--json']);
      expect(JSON.parse(ingested.stdout)).toMatchObject({ read: 5, imported: 3 });
      const overview = await centric(['--data', server.dataDir, 'query', 'overview', '--json']);
      expect(JSON.parse(overview.stdout)).toMatchObject({ events: 3, orders: 1, revenue: 42.5 });
      expect(await server.service.store.events.countEvents(server.project.id)).toBe(3);
    } finally {
      await server.stop();
    }
  });
});
