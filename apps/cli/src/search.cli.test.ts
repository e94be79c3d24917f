// `centric search` as a user runs it: through a running server (typo tolerance, a visitor's
// re-rank, the no-results report of searches the server recorded) and on a store the CLI opens
// itself (a catalogue and searches imported with the CLI), with bad input as one line on stderr.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@centric/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchShopCsv, viewsOf } from '../../server/src/test-support/search-shop';
import { type CliResult, runCentric } from './test-support/run-centric';

const tmp = mkdtempSync(join(tmpdir(), 'centric-search-cli-'));
let server: TestServer;

async function centric(dataDir: string, args: string[]): Promise<CliResult> {
  return runCentric(['--data', dataDir, ...args]);
}

interface Searched {
  query: string;
  corrected: string | null;
  total: number;
  items: { productId: string }[];
}
interface Report {
  searches: number;
  noResultSearches: number;
  rows: { query: string; searches: number; visitors: number }[];
}

beforeAll(async () => {
  server = await startTestServer();
  const csv = join(tmp, 'products.csv');
  writeFileSync(csv, searchShopCsv());
  const imported = await centric(server.dataDir, ['import', 'products', csv, '--json']);
  expect(imported.code).toBe(0);
  await server.recommendations.refresh();
  const res = await server.service.pipeline.ingest({
    projectId: server.project.id,
    messages: viewsOf('v-textiles', ['t2', 't2'], Date.now()),
  });
  expect(res.ok).toBe(true);
  await server.search.ready(server.project.id);
});
afterAll(async () => {
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('through a running server', () => {
  it('searches with typos, re-ranks for a visitor and does not record the tries', async () => {
    const table = await centric(server.dataDir, ['search', 'hert']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('"hert": 5 results · did you mean "heart"?');
    expect(table.stdout).toMatch(/1\. Heart scented candle \(c1\)\s+Home > Candles\s+12\.00\s+in stock/);

    const personal = await centric(server.dataDir, ['search', 'heart', '--visitor', 'v-textiles', '--json']);
    const answer = JSON.parse(personal.stdout) as Searched;
    expect(answer.items.map((i) => i.productId)).toEqual(['t1', 't3', 'c1', 'c3', 'k3']);

    const multi = await centric(server.dataDir, ['search', 'garden', 'lantren', '--limit', '1', '--json']);
    expect(JSON.parse(multi.stdout)).toMatchObject({
      query: 'garden lantren',
      corrected: 'garden lantern',
      total: 1,
    });

    await server.search.flushLog();
    const report = await centric(server.dataDir, ['search', 'no-results', '--json']);
    expect((JSON.parse(report.stdout) as Report).searches).toBe(0);
  });

  it('reports the queries that found nothing', async () => {
    for (const visitor of ['v-1', 'v-2']) {
      const res = await fetch(`${server.url}/v1/search?q=zebra%20lamp&visitor=${visitor}`, {
        headers: { authorization: `Bearer ${server.keys.writeKey}` },
      });
      expect(res.status).toBe(200);
    }
    await server.search.flushLog();
    const json = await centric(server.dataDir, ['search', 'no-results', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      searches: 2,
      noResultSearches: 2,
      rows: [{ query: 'zebra lamp', searches: 2, visitors: 2 }],
    });
    const table = await centric(server.dataDir, ['search', 'no-results']);
    expect(table.stdout).toContain('2 searches, 2 found nothing (100.0 %)');
    expect(table.stdout).toMatch(/zebra lamp\s+2\s+2\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });
});

describe('on a store the CLI opens itself', () => {
  it('searches the imported catalogue and reports the searches the shop tracked', async () => {
    const dataDir = join(tmp, 'local');
    const csv = join(tmp, 'local-products.csv');
    writeFileSync(csv, searchShopCsv());
    expect((await centric(dataDir, ['import', 'products', csv, '--json'])).code).toBe(0);
    const events = join(tmp, 'searches.ndjson');
    const at = new Date().toISOString();
    writeFileSync(
      events,
      [
        { query: 'Velvet  Sofa', results_count: 0, who: 'a' },
        { query: 'velvet sofa', results_count: 0, who: 'b' },
        { query: 'candle', results_count: 4, who: 'a' },
      ]
        .map((s, i) =>
          JSON.stringify({
            type: 'track',
            event: 'Products Searched',
            anonymousId: s.who,
            messageId: `s-${i}`,
            timestamp: at,
            properties: { query: s.query, results_count: s.results_count },
          }),
        )
        .join('\n'),
    );
    expect((await centric(dataDir, ['ingest', events, '--json'])).code).toBe(0);

    const found = await centric(dataDir, ['search', 'candel', '--json']);
    expect(found.code).toBe(0);
    const answer = JSON.parse(found.stdout) as Searched;
    expect(answer.corrected).toBe('candle');
    expect(answer.items.map((i) => i.productId)).toEqual(expect.arrayContaining(['c1', 'c2', 'c3', 'c4']));

    const report = JSON.parse((await centric(dataDir, ['search', 'no-results', '--json'])).stdout) as Report;
    expect(report).toMatchObject({
      searches: 3,
      noResultSearches: 2,
      rows: [{ query: 'velvet sofa', searches: 2, visitors: 2 }],
    });
  });

  it('answers bad input with one line on stderr', async () => {
    const dataDir = join(tmp, 'local');
    const blank = await centric(dataDir, ['search', '--', '-+-']);
    expect(blank.code).toBe(1);
    expect(blank.stderr).toBe('centric: q must contain at least one letter or digit\n');
    const badLimit = await centric(dataDir, ['search', 'heart', '--limit', '0']);
    expect(badLimit.code).not.toBe(0);
    expect(badLimit.stderr).toContain('a limit is an integer 1..1000');
    const longList = await centric(dataDir, ['search', 'heart', '--limit', '200']);
    expect(longList.stderr).toBe('centric: --limit of a search is an integer 1..100\n');
    const badDay = await centric(dataDir, ['search', 'no-results', '--from', '2026-02-30']);
    expect(badDay.code).toBe(1);
    expect(badDay.stderr).toMatch(/^centric: .*2026-02-30/);
  });
});
