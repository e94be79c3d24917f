// `centric query kpis` and `centric query retention` as a user runs them: a child process,
// through a running server (remote client) and on its own store (local client).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@centric/server/test-support';
import type { StoredEvent } from '@centric/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCentric } from './test-support/run-centric';

const tmp = mkdtempSync(join(tmpdir(), 'centric-cli-kpis-'));
let server: TestServer;

async function centric(args: string[]): Promise<CliResult> {
  return runCentric([...args]);
}

const order = (userId: string, day: string, orderId: string, revenue: number): StoredEvent => {
  const ts = Date.parse(`${day}T12:00:00Z`);
  return {
    projectId: server.project.id,
    messageId: `m-${orderId}`,
    type: 'track',
    event: 'Order Completed',
    anonymousId: null,
    userId,
    previousId: null,
    sessionId: `s-${orderId}`,
    channel: 'web',
    timestamp: ts,
    receivedAt: ts,
    productId: null,
    orderId,
    revenue,
    value: null,
    currency: 'EUR',
    quantity: null,
    query: null,
    category: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    pagePath: null,
    referrer: null,
    properties: null,
    context: null,
    traits: null,
  };
};

beforeAll(async () => {
  server = await startTestServer();
  await server.service.store.events.append({
    events: [
      order('c1', '2025-01-05', 'o1', 100),
      order('c2', '2025-01-15', 'o2', 20),
      order('c1', '2025-02-03', 'o3', 60),
    ],
    orderItems: [],
  });
});
afterAll(async () => {
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('centric query kpis / retention', () => {
  it('answers the KPIs per month as JSON through the running server', async () => {
    const r = await centric([
      '--data',
      server.dataDir,
      'query',
      'kpis',
      '--from',
      '2025-01-01',
      '--to',
      '2025-02-28',
      '--period',
      'month',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      periods: Record<string, unknown>[];
      definitions: Record<string, string>;
    };
    expect(
      json.periods.map((p) => [p.from, p.newCustomers, p.returningCustomers, p.retentionRate, p.churnRate]),
    ).toEqual([
      ['2025-01-01', 2, 0, null, null],
      ['2025-02-01', 0, 1, 100, 0],
    ]);
    expect(json.periods[1]).toMatchObject({
      returningCustomerRevenue: 60,
      repurchaseRate: 100,
      averageOrderValue: 60,
    });
    for (const key of [
      'retentionRate',
      'churnRate',
      'returningCustomerRevenue',
      'repurchaseRate',
      'newCustomers',
      'returningCustomers',
      'averageOrderValue',
      'conversionRate',
      'cartAbandonmentRate',
    ])
      expect(json.definitions[key], key).toBeTruthy();
  });

  it('prints the retention matrix with its definition', async () => {
    const r = await centric([
      '--data',
      server.dataDir,
      'query',
      'retention',
      '--from',
      '2025-01-01',
      '--to',
      '2025-02-28',
      '--periods',
      '2',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2025-01\s+2\s+100\.0%\s+50\.0%/);
    expect(r.stdout).toContain('first order');
    const bad = await centric(['--data', server.dataDir, 'query', 'retention', '--by', 'birthday']);
    expect(bad.code).not.toBe(0);
  });

  it('works on its own store without a server', async () => {
    const r = await centric(['--data', join(tmp, 'local'), 'query', 'kpis', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).periods[0]).toMatchObject({ orders: 0, retentionRate: null });
  });
});
