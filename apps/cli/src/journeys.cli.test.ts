// `centric query journeys|paths|funnel|journey-phases` as a user runs them: a child process,
// through a running server (remote client) and on its own store (local client).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@centric/server/test-support';
import type { StoredEvent } from '@centric/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration } from './commands/journeys.command';
import { type CliResult, runCentric } from './test-support/run-centric';

const tmp = mkdtempSync(join(tmpdir(), 'centric-cli-journeys-'));
let server: TestServer;

async function centric(args: string[]): Promise<CliResult> {
  return runCentric([...args]);
}

/** A visit of one visitor: events two minutes apart, the first with the landing tags. */
function visit(id: string, names: string[], landing: Partial<StoredEvent> = {}): StoredEvent[] {
  const start = Date.parse('2026-03-10T10:00:00Z') + Number(id) * 3_600_000;
  return names.map((name, i) => ({
    projectId: server.project.id,
    messageId: `m-${id}-${i}`,
    type: name === 'Home' ? 'page' : 'track',
    event: name,
    anonymousId: `v-${id}`,
    userId: null,
    previousId: null,
    sessionId: `s-${id}`,
    channel: 'web',
    timestamp: start + i * 120_000,
    receivedAt: start + i * 120_000,
    productId: null,
    orderId: name === 'Order Completed' ? `o-${id}` : null,
    revenue: null,
    value: null,
    currency: null,
    quantity: null,
    query: null,
    category: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    pagePath: name === 'Home' ? '/' : null,
    referrer: null,
    properties: null,
    context: null,
    traits: null,
    ...(i === 0 ? landing : {}),
  }));
}

beforeAll(async () => {
  server = await startTestServer();
  await server.service.store.events.append({
    events: [
      ...visit('1', ['Home', 'Product Viewed', 'Product Added', 'Order Completed'], {
        utmSource: 'google',
        utmMedium: 'cpc',
      }),
      ...visit('2', ['Home', 'Product Viewed']),
      ...visit('3', ['Product Viewed', 'Product Added'], { referrer: 'https://www.instagram.com/' }),
    ],
    orderItems: [],
  });
});
afterAll(async () => {
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const range = ['--from', '2026-03-09', '--to', '2026-03-15'];

describe('centric query journeys / paths / funnel / journey-phases', () => {
  it('answers entry channels and outcomes through the running server', async () => {
    const r = await centric(['--data', server.dataDir, 'query', 'journeys', ...range]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 sessions, 1 with an order (33.3%)');
    expect(r.stdout).toMatch(/Paid search\s+1\s+33\.3%\s+100\.0%/);
    expect(r.stdout).toMatch(/Cart abandoned\s+1\s+33\.3%/);
    const json = await centric(['--data', server.dataDir, 'query', 'journeys', ...range, '--json']);
    expect(JSON.parse(json.stdout).summary.channels.map((c: { channel: string }) => c.channel)).toEqual([
      'direct',
      'paid_search',
      'social',
    ]);
  });

  it('prints paths step by step', async () => {
    const r = await centric(['--data', server.dataDir, 'query', 'paths', ...range, '--depth', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('paths 2026-03-09 .. 2026-03-15: 3 sessions');
    expect(r.stdout).toMatch(/Home -> Product Viewed: 2 \(100\.0% of the node\)/);
  });

  it('prints a funnel with its steps and the previous period, and refuses bad steps', async () => {
    const r = await centric([
      '--data',
      server.dataDir,
      'query',
      'funnel',
      ...range,
      '--steps',
      'Product Viewed,Product Added,Order Completed',
      '--compare-previous',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 of 3 converted (33.3%), median time 4m 0s');
    expect(r.stdout).toMatch(/2\. Product Added\s+2\s+66\.7%/);
    expect(r.stdout).toContain('previous period 2026-03-02 .. 2026-03-08: 0 of 0');
    const bad = await centric(['--data', server.dataDir, 'query', 'funnel', '--steps', 'page:nowhere']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('unknown page type');
  });

  it('answers the journey-phase funnel on its own store without a server', async () => {
    const r = await centric(['--data', join(tmp, 'local'), 'query', 'journey-phases', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { entity: string; steps: { label: string; reached: number }[] };
    expect(json.entity).toBe('profile');
    expect(json.steps.map((s) => s.label)).toEqual([
      'Awareness',
      'Discovery',
      'Consideration',
      'Intent',
      'Purchase',
      'Experience',
      'Loyalty',
    ]);
  });

  it('formats durations', () => {
    expect([45_000, 725_000, 12_000_000, 187_200_000].map(formatDuration)).toEqual([
      '45s',
      '12m 5s',
      '3h 20m',
      '2d 4h',
    ]);
  });
});
