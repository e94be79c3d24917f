import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbStore } from '@centric/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookielessVisitors, isCookielessEvent } from './cookieless-visitor';
import { IngestPipeline } from './ingest-pipeline';

const browser = { ip: '203.0.113.9', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140' };

describe('cookieless visitor ids', () => {
  it('are stable within a day and rotate with the day', () => {
    let now = Date.parse('2026-05-04T08:00:00Z');
    const visitors = new CookielessVisitors(() => now);
    const morning = visitors.visitorId('prj_1', browser);
    now += 10 * 3_600_000;
    expect(visitors.visitorId('prj_1', browser)).toBe(morning);
    expect(visitors.visitorId('prj_2', browser)).not.toBe(morning);
    expect(visitors.visitorId('prj_1', { ...browser, userAgent: 'Safari' })).not.toBe(morning);
    expect(visitors.visitorId('prj_1', { ...browser, ip: '203.0.113.10' })).not.toBe(morning);
    now += 6 * 3_600_000; // past midnight UTC: a new salt
    expect(visitors.visitorId('prj_1', browser)).not.toBe(morning);
    expect(morning).toMatch(/^cl_[\w-]{24}$/);
    expect(morning).not.toContain('203');
  });

  it('another server (another salt) cannot recompute them', () => {
    const now = () => Date.parse('2026-05-04T08:00:00Z');
    expect(new CookielessVisitors(now).visitorId('p', browser)).not.toBe(
      new CookielessVisitors(now).visitorId('p', browser),
    );
  });
});

describe('cookieless ingest on a real store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'centric-cookieless-'));
  let store: DuckDbStore;
  beforeAll(async () => {
    store = await DuckDbStore.open({ file: join(dir, 'ingest.duckdb') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives id-less cookieless events the derived visitor and one session, storing no IP', async () => {
    const pipeline = new IngestPipeline(store.events);
    await pipeline.start();
    const page = (messageId: string) => ({
      type: 'page',
      messageId,
      context: { cookieless: true, page: { path: '/' } },
    });
    expect(
      await pipeline.ingest({ projectId: 'prj_c', messages: [page('c-1'), page('c-2')], client: browser }),
    ).toEqual({
      ok: true,
      accepted: 2,
      duplicates: 0,
    });
    // Without the sender's address (e.g. a file import) the id is missing as usual.
    const refused = await pipeline.ingest({ projectId: 'prj_c', messages: [page('c-3')] });
    expect(refused.ok).toBe(false);
    await pipeline.stop();
    const events = await store.events.listEvents({ projectId: 'prj_c', limit: 10 });
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.anonymousId)).size).toBe(1);
    expect(events[0]!.anonymousId).toMatch(/^cl_/);
    expect(new Set(events.map((e) => e.sessionId)).size).toBe(1);
    expect(events.every(isCookielessEvent)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(browser.ip);
  });
});
