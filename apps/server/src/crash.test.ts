// Durability: an event acknowledged with 2xx survives a kill -9 of the server right after the
// answer. A real server process takes concurrent batches; the test kills it with SIGKILL in the
// moment a 2xx arrives, restarts it on the same store and checks every acknowledged event.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'centric-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Ready {
  url: string;
  writeKey: string;
  secretKey: string;
}

function startServerProcess(): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'apps/server/src/main.ts')], {
    cwd: repo,
    env: {
      ...process.env,
      CENTRIC_DATA_DIR: dataDir,
      CENTRIC_PORT: '0',
      CENTRIC_HOST: '127.0.0.1',
      // The demo would take half a minute to load and is not what this measures.
      CENTRIC_DEMO: 'false',
      CENTRIC_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveReady, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('{"ready":true')) resolveReady({ child, ready: JSON.parse(line) as Ready });
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );

function batchOf(stream: number, n: number) {
  return Array.from({ length: 100 }, (_, i) => ({
    type: 'track',
    event: i % 10 === 0 ? 'add_to_cart' : 'Product Viewed',
    anonymousId: `visitor-${stream}-${i % 7}`,
    messageId: `crash-${stream}-${n}-${i}`,
    properties: { product_id: `P${i}`, price: 9.99 },
  }));
}

describe('kill -9 right after a 2xx', () => {
  it('loses no acknowledged event', async () => {
    const first = await startServerProcess();
    const acked: ReturnType<typeof batchOf>[] = [];
    let killed = false;
    const firstExit = exited(first.child);
    const stream = async (id: number) => {
      for (let n = 0; !killed; n++) {
        const batch = batchOf(id, n);
        try {
          const res = await fetch(`${first.ready.url}/v1/batch`, {
            method: 'POST',
            headers: { authorization: `Bearer ${first.ready.writeKey}`, 'content-type': 'application/json' },
            body: JSON.stringify({ batch }),
          });
          if (res.status !== 200) continue;
          acked.push(batch);
          // Kill in the very moment an acknowledgement arrives, with other batches in flight.
          if (acked.length >= 40 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          return; // connection reset by the kill: this batch was never acknowledged
        }
      }
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map(stream));
    expect((await firstExit).signal).toBe('SIGKILL');

    const second = await startServerProcess();
    try {
      const overview = (await (
        await fetch(`${second.ready.url}/v1/query/overview`, {
          headers: { authorization: `Bearer ${second.ready.secretKey}` },
        })
      ).json()) as { events: number };
      const ackedEvents = acked.length * 100;
      expect(ackedEvents).toBeGreaterThanOrEqual(4000);
      expect(overview.events).toBeGreaterThanOrEqual(ackedEvents);
      // Every acknowledged event is in the store: resending them all finds each one a duplicate.
      let duplicates = 0;
      for (const batch of acked) {
        const res = await fetch(`${second.ready.url}/v1/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${second.ready.writeKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ batch }),
        });
        duplicates += ((await res.json()) as { duplicates: number }).duplicates;
      }
      expect(duplicates).toBe(ackedEvents);
    } finally {
      const secondExit = exited(second.child);
      second.child.kill('SIGTERM');
      expect((await secondExit).code).toBe(0);
    }
  });
});
