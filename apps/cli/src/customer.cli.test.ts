// `centric customer show|export|erase` and `centric profiles refresh` in local mode: a customer
// found by any identifier, their data exported, then erased with a verified scan.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, runCentric } from './test-support/run-centric';

const tmp = mkdtempSync(join(tmpdir(), 'centric-customer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function centric(...args: string[]): Promise<CliResult> {
  return runCentric(['--data', join(tmp, 'store'), ...args]);
}

describe('centric customer', () => {
  it('shows, exports and erases a customer by any identifier', async () => {
    const at = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    const events = [
      { type: 'page', name: 'Home', anonymousId: 'dev-9', messageId: 'k1', timestamp: at(3) },
      {
        type: 'identify',
        anonymousId: 'dev-9',
        userId: 'kim',
        messageId: 'k2',
        timestamp: at(3),
        traits: { email: 'kim@example.org' },
      },
      {
        type: 'track',
        event: 'purchase',
        userId: 'kim',
        messageId: 'k3',
        timestamp: at(2),
        properties: { transaction_id: 'K-1', value: 42, currency: 'EUR' },
      },
      { type: 'page', name: 'Home', anonymousId: 'other', messageId: 'k4', timestamp: at(1) },
    ];
    const file = join(tmp, 'events.ndjson');
    writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
    expect((await centric('ingest', file, '--json')).code).toBe(0);
    expect(JSON.parse((await centric('profiles', 'refresh', '--full', '--json')).stdout)).toMatchObject({
      full: true,
    });

    const view = JSON.parse((await centric('customer', 'show', 'kim@example.org', '--json')).stdout) as {
      identities: { kind: string }[];
      orders: unknown[];
      timeline: unknown[];
    };
    expect(view.identities.map((i) => i.kind).sort()).toEqual(['anonymous', 'email', 'user']);
    expect(view.orders).toHaveLength(1);
    expect(view.timeline).toHaveLength(3);
    const exported = JSON.parse((await centric('customer', 'export', 'dev-9')).stdout) as {
      events: unknown[];
    };
    expect(exported.events).toHaveLength(3);

    const erased = await centric('customer', 'erase', 'kim', '--json');
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ verified: true, deleted: { events: 3 } });
    const again = await centric('customer', 'show', 'kim');
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim()).toBe('centric: no customer with identifier "kim"');
  });
});
