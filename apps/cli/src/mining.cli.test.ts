// `centric query patterns|associations` and `centric personas discover|segment` as a user runs
// them: a child process talking to a running server, on a small shop of two kinds of customers.
import { startTestServer, type TestServer } from '@centric/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCentric } from './test-support/run-centric';

let server: TestServer;

async function centric(args: string[]): Promise<CliResult> {
  return runCentric(['--data', server.dataDir, ...args]);
}

/** Lamp buyers order a lamp and a bulb once; toy buyers a toy on the app three times. */
function shop() {
  const at = (days: number, minute: number) =>
    new Date(Date.now() - days * 86_400_000 + minute * 60_000).toISOString();
  const batch: Record<string, unknown>[] = [];
  for (let c = 0; c < 5; c++) {
    const anonymousId = `lamp-${c}`;
    batch.push(
      { type: 'page', name: 'Home', anonymousId, timestamp: at(10, 0) },
      {
        type: 'track',
        event: 'Product Viewed',
        anonymousId,
        timestamp: at(10, 1),
        properties: { product_id: 'lamp' },
      },
      {
        type: 'track',
        event: 'Order Completed',
        anonymousId,
        timestamp: at(10, 2),
        properties: {
          order_id: `lo-${c}`,
          revenue: 90,
          products: [
            { product_id: 'lamp', category: 'Lighting', price: 80 },
            { product_id: 'bulb', category: 'Lighting', price: 10 },
          ],
        },
      },
    );
    const toys = `toy-${c}`;
    for (const d of [20, 12, 4]) {
      batch.push(
        { type: 'page', name: 'Home', anonymousId: toys, channel: 'app', timestamp: at(d, 0) },
        {
          type: 'track',
          event: 'Order Completed',
          anonymousId: toys,
          channel: 'app',
          timestamp: at(d, 1),
          properties: {
            order_id: `to-${c}-${d}`,
            revenue: 15,
            products: [{ product_id: 'toy', category: 'Toys', price: 15 }],
          },
        },
      );
    }
  }
  return batch.map((m, i) => ({ ...m, messageId: `cli-mining-${i}` }));
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.keys.writeKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch: shop() }),
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await server.stop();
});

describe('centric query patterns / associations, centric personas', () => {
  it('answers associations as JSON and as a table', async () => {
    const json = await centric(['query', 'associations', '--side', 'bought_together', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      basketCount: number;
      associations: {
        antecedent: string[];
        consequent: string[];
        observed: number;
        expected: number;
        surpriseFactor: number;
      }[];
    };
    // 20 orders: 5 of lamp + bulb, 15 of a toy; expected 5 x 5 / 20 = 1.25, surprise 4.
    expect(report.basketCount).toBe(20);
    expect(report.associations[0]).toMatchObject({ observed: 5, expected: 1.25, surpriseFactor: 4 });
    const text = await centric(['query', 'associations']);
    expect(text.stdout).toMatch(/bought_together: 20 orders/);
    expect(text.stdout).toMatch(/bulb → lamp\s+5\s+1\.25\s+4\.00 ▲/);
  });

  it('prints patterns with their conversion', async () => {
    const r = await centric(['query', 'patterns', '--vocabulary', 'event', '--min-support', '0.2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^20 sessions .* 20 converted \(100\.0%\)/);
    expect(r.stdout).toContain('Home');
  });

  it('discovers personas and makes one a segment', async () => {
    const found = await centric(['personas', 'discover', '--k', '2', '--json']);
    expect(found.code).toBe(0);
    const report = JSON.parse(found.stdout) as { personas: { personaId: string; size: number }[] };
    expect(report.personas.map((p) => p.size)).toEqual([5, 5]);
    const made = await centric(['personas', 'segment', report.personas[0]!.personaId]);
    expect(made.stdout).toMatch(/^segment seg_\S+ "Persona: .+": 5 profiles now/);
    expect((await centric(['personas', 'segment', 'per_nope_1'])).code).toBe(1);
  });
});
