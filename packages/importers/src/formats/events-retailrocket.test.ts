import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoredEvent } from '@centric/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRetailRocketEvents } from './events-retailrocket';

const fixture = fileURLToPath(new URL('../../fixtures/events/retailrocket-events.csv', import.meta.url));
const now = Date.parse('2025-01-01T00:00:00Z');
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function parseAll(file = fixture) {
  const records: { line: number; record: StoredEvent }[] = [];
  const errors: { line: number; error: string }[] = [];
  for await (const item of parseRetailRocketEvents(file, { projectId: 'prj_1', now })) {
    if ('error' in item) errors.push(item);
    else records.push(item);
  }
  return { records, errors };
}

describe('parseRetailRocketEvents', () => {
  it('turns view, addtocart and transaction rows into e-commerce track events', async () => {
    const { records } = await parseAll();
    expect(records).toHaveLength(46);
    expect(records[0]).toEqual({
      line: 2,
      record: {
        projectId: 'prj_1',
        messageId: 'rr:111016:1433221676680:view:443030',
        type: 'track',
        event: 'Product Viewed',
        anonymousId: 'rr-111016',
        userId: null,
        previousId: null,
        sessionId: null,
        channel: 'web',
        timestamp: 1433221676680,
        receivedAt: now,
        productId: '443030',
        orderId: null,
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
        pagePath: null,
        referrer: null,
        properties: null,
        context: null,
        traits: null,
      },
    });
    const funnel = records.filter((r) => r.record.anonymousId === 'rr-599528').map((r) => r.record);
    expect(funnel.map((e) => [e.event, e.productId, e.orderId, e.quantity])).toEqual([
      ['Product Viewed', '356475', null, null],
      ['Product Added', '356475', null, 1],
      ['Product Viewed', '15335', null, null],
      ['Product Added', '15335', null, 1],
      ['Order Completed', '356475', '4000', 1],
      ['Order Completed', '15335', '4000', 1],
    ]);
    expect(funnel[4]).toMatchObject({
      messageId: 'rr:599528:1433193500981:transaction:356475',
      timestamp: 1433193500981,
      properties: '{"products":[{"product_id":"356475","quantity":1}]}',
    });
  });

  it('gives a repeated row the same messageId, so it is stored once', async () => {
    const { records } = await parseAll();
    const byLine = new Map(records.map((r) => [r.line, r.record.messageId]));
    expect(byLine.get(47)).toBe(byLine.get(2));
    expect(new Set(records.map((r) => r.record.messageId)).size).toBe(records.length - 1);
  });

  it('lists unknown events, transactions without id and broken rows', async () => {
    const { errors } = await parseAll();
    expect(errors).toEqual([
      { line: 48, error: 'event "click" is not one of view, addtocart, transaction' },
      { line: 49, error: 'transaction without transactionid' },
      { line: 50, error: 'timestamp "2015-06-02 06:10:00" is not Unix milliseconds' },
      { line: 51, error: 'visitorid is empty' },
    ]);
  });

  it('refuses a file without the RetailRocket columns', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'centric-rr-'));
    dirs.push(dir);
    const file = join(dir, 'events.csv');
    writeFileSync(file, 'time,user,event\n1433221332117,1,view\n');
    expect(await parseAll(file)).toEqual({
      records: [],
      errors: [
        {
          line: 1,
          error:
            'not a RetailRocket events.csv: the header lacks the columns "timestamp", "visitorid", "itemid", "transactionid"',
        },
      ],
    });
  });
});
