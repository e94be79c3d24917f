// Cookieless ingest over HTTP: events the browser SDK sends without consent to store an id get
// a visitor id derived from the sender's IP address and user agent (the same browser counts as
// one visitor), and they found no identity links, whatever they carry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

async function send(userAgent: string, messages: unknown[]): Promise<void> {
  const res = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    // As sendBeacon sends it: text/plain, the write key in the body.
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': userAgent },
    body: JSON.stringify({ writeKey: server.keys.writeKey, batch: messages }),
  });
  expect(res.status).toBe(200);
}

const page = (messageId: string) => ({
  type: 'page',
  messageId,
  context: { cookieless: true, page: { path: '/' } },
});

describe('cookieless ingest', () => {
  it('derives one visitor per browser from IP and user agent', async () => {
    await send('Browser A', [page('ck-1')]);
    await send('Browser A', [page('ck-2')]);
    await send('Browser B', [page('ck-3')]);
    const events = await server.service.store.events.listEvents({ projectId: server.project.id, limit: 10 });
    const visitorOf = (id: string) => events.find((e) => e.messageId === id)!.anonymousId;
    expect(visitorOf('ck-1')).toMatch(/^cl_/);
    expect(visitorOf('ck-2')).toBe(visitorOf('ck-1'));
    expect(visitorOf('ck-3')).not.toBe(visitorOf('ck-1'));
    expect(events.every((e) => !(e.context ?? '').includes('127.0.0.1'))).toBe(true);
  });

  it('links no identities from cookieless events', async () => {
    const identify = (messageId: string, cookieless: boolean) => ({
      type: 'identify',
      messageId,
      anonymousId: `device-${messageId}`,
      userId: `user-${messageId}`,
      traits: { email: `${messageId}@example.com` },
      context: cookieless ? { cookieless: true } : {},
    });
    await send('Browser A', [identify('with-consent', false), identify('cookieless', true)]);
    const profiles = server.service.store.profiles;
    const project = server.project.id;
    expect(await profiles.resolve(project, 'a:device-with-consent')).toBe(
      await profiles.resolve(project, 'u:user-with-consent'),
    );
    expect(await profiles.resolve(project, 'a:device-cookieless')).toBe('a:device-cookieless');
    expect(await profiles.resolve(project, 'u:user-cookieless')).toBe('u:user-cookieless');
  });
});

describe('cookieless ingest behind a reverse proxy', () => {
  async function visitorsBy(env: NodeJS.ProcessEnv): Promise<string[]> {
    const proxied = await startTestServer(env);
    try {
      for (const [i, client] of ['203.0.113.7', '198.51.100.9'].entries()) {
        const res = await fetch(`${proxied.url}/v1/batch`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'user-agent': 'Same browser', 'x-forwarded-for': client },
          body: JSON.stringify({ writeKey: proxied.keys.writeKey, batch: [page(`px-${i}`)] }),
        });
        expect(res.status).toBe(200);
      }
      const events = await proxied.service.store.events.listEvents({
        projectId: proxied.project.id,
        limit: 10,
      });
      return events.map((e) => e.anonymousId ?? '');
    } finally {
      await proxied.stop();
    }
  }

  it('tells shoppers apart by the forwarded address only when told to trust the proxy', async () => {
    const trusted = await visitorsBy({ CENTRIC_TRUST_PROXY: 'true' });
    expect(new Set(trusted).size).toBe(2);
    // Untrusted, the header could be forged: every request counts as coming from the proxy.
    const untrusted = await visitorsBy({});
    expect(new Set(untrusted).size).toBe(1);
  });
});
