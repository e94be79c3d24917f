// The demo a new user sees: real orders, customers and products from the shipped sample, dates
// moved to end recently, simulated browsing around them; loading it twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const get = async (path: string) =>
  (await (
    await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.keys.secretKey}` } })
  ).json()) as Record<string, unknown>;

describe('demo data', () => {
  it('loads the real sample with simulated browsing, marked as such, and shows recent numbers', async () => {
    const res = await fetch(`${server.url}/v1/demo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.keys.secretKey}` },
    });
    const report = (await res.json()) as {
      products: number;
      customers: number;
      orders: number;
      simulatedEvents: number;
      ms: number;
    };
    expect(report).toMatchObject({ products: 3563, customers: 2182, orders: 9300 });
    expect(report.simulatedEvents).toBeGreaterThan(300_000);

    const projectId = server.project.id;
    expect(await server.service.store.state.countProducts(projectId)).toBe(3563);
    expect(await server.service.store.state.countCustomers(projectId)).toBe(2182);
    const me = await get('/v1/me');
    expect(me.demo).toMatchObject({ orders: 9300, simulatedEvents: report.simulatedEvents });

    // Over a year of orders, ending in the last week.
    const all = await get('/v1/query/overview?from=2000-01-01');
    expect(all.orders).toBe(9300);
    const perDay = all.eventsPerDay as { day: string; events: number }[];
    const first = perDay.find((d) => d.events > 0)!.day;
    const last = [...perDay].reverse().find((d) => d.events > 0)!.day;
    expect(Date.parse(last) - Date.parse(first)).toBeGreaterThan(365 * 86_400_000);
    expect(Date.now() - Date.parse(last)).toBeLessThan(8 * 86_400_000);
    const recent = await get('/v1/query/overview');
    expect(recent.orders).toBeGreaterThan(100);
    expect(recent.conversionRate).toBeGreaterThan(0.02);
    expect(recent.conversionRate).toBeLessThan(0.3);

    const again = await fetch(`${server.url}/v1/demo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.keys.secretKey}` },
    });
    expect(((await again.json()) as { simulatedEvents: number }).simulatedEvents).toBe(0);
    expect((await get('/v1/query/overview?from=2000-01-01')).orders).toBe(9300);
  }, 180_000);
});
