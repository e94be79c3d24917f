import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueue, type QueueStore, type SendResult } from './event-queue';
import type { OutgoingMessage } from './message';

let n = 0;
const message = (event = 'E'): OutgoingMessage => ({
  type: 'track',
  event,
  messageId: `m-${++n}`,
  timestamp: new Date().toISOString(),
  context: {},
});

/** A store like the browser's: a list that outlives one queue (one page). */
function memoryStore(): QueueStore & { items: OutgoingMessage[] } {
  const s = {
    items: [] as OutgoingMessage[],
    load: () => [...s.items],
    add: (ms: readonly OutgoingMessage[]) => {
      for (const m of ms) if (!s.items.some((x) => x.messageId === m.messageId)) s.items.push(m);
    },
    remove: (ids: readonly string[]) => {
      s.items = s.items.filter((m) => !ids.includes(m.messageId));
    },
  };
  return s;
}

function sender(results: SendResult[] = []) {
  const batches: string[][] = [];
  return {
    batches,
    send: async (batch: OutgoingMessage[]): Promise<SendResult> => {
      batches.push(batch.map((m) => m.messageId));
      return results.shift() ?? { ok: true };
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('event queue', () => {
  it('sends a batch when it is full, and the rest after the interval', async () => {
    const s = sender();
    const q = createQueue({ send: s.send, beacon: () => true, batchSize: 3, intervalMs: 1000 });
    const ms = [message(), message(), message(), message()];
    for (const m of ms.slice(0, 3)) q.add(m);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.batches).toEqual([ms.slice(0, 3).map((m) => m.messageId)]);
    q.add(ms[3]!);
    await vi.advanceTimersByTimeAsync(999);
    expect(s.batches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.batches[1]).toEqual([ms[3]!.messageId]);
    expect(q.size()).toBe(0);
  });

  it('sends events added after a flush of an empty queue', async () => {
    const s = sender();
    const q = createQueue({ send: s.send, beacon: () => true, batchSize: 10, intervalMs: 100 });
    await q.flush();
    const m = message();
    q.add(m);
    await q.flush();
    expect(s.batches).toEqual([[m.messageId]]);
  });

  it('keeps failed events stored and retries them, in order, with the same message ids', async () => {
    const s = sender([
      { ok: false, retry: true },
      { ok: false, retry: true },
    ]);
    const store = memoryStore();
    const q = createQueue({ send: s.send, beacon: () => true, batchSize: 10, intervalMs: 100 });
    q.persist(store);
    const [a, b] = [message('A'), message('B')];
    q.add(a);
    q.add(b);
    await q.flush();
    expect(store.items.map((m) => m.event)).toEqual(['A', 'B']);
    await vi.advanceTimersByTimeAsync(1000); // back-off 1 s after the second failure
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.batches).toEqual([
      [a.messageId, b.messageId],
      [a.messageId, b.messageId],
      [a.messageId, b.messageId],
    ]);
    expect(store.items).toEqual([]);
  });

  it('a reload (a new queue on the same store) resends what was not acknowledged, first', async () => {
    const store = memoryStore();
    const first = createQueue({
      send: async () => ({ ok: false, retry: true }),
      beacon: () => true,
      batchSize: 10,
      intervalMs: 100,
    });
    first.persist(store);
    const lost = message('lost');
    first.add(lost);
    await first.flush();
    // The page unloads: the beacon is accepted, but the event had failed before, so it stays stored.
    first.flushBeacon();
    expect(store.items.map((m) => m.messageId)).toEqual([lost.messageId]);

    const s = sender();
    const second = createQueue({ send: s.send, beacon: () => true, batchSize: 10, intervalMs: 100 });
    const fresh = message('fresh');
    second.add(fresh);
    second.persist(store);
    await second.flush();
    expect(s.batches).toEqual([[lost.messageId, fresh.messageId]]);
    expect(store.items).toEqual([]);
  });

  it('drops fresh events from the store once a beacon took them', () => {
    const store = memoryStore();
    const beacons: string[][] = [];
    const q = createQueue({
      send: async () => ({ ok: true }),
      beacon: (batch) => beacons.push(batch.map((m) => m.messageId)) > 0,
      batchSize: 10,
      intervalMs: 1000,
    });
    q.persist(store);
    const m = message();
    q.add(m);
    q.flushBeacon();
    expect(beacons).toEqual([[m.messageId]]);
    expect(store.items).toEqual([]);
    expect(q.size()).toBe(0);
  });

  it('drops the events the server names as invalid and resends the rest', async () => {
    const s = sender([{ ok: false, retry: false, bad: [1] }]);
    const q = createQueue({ send: s.send, beacon: () => true, batchSize: 10, intervalMs: 100 });
    const [a, bad, c] = [message(), message(), message()];
    for (const m of [a, bad, c]) q.add(m);
    await q.flush();
    expect(s.batches).toEqual([
      [a.messageId, bad.messageId, c.messageId],
      [a.messageId, c.messageId],
    ]);
    expect(q.size()).toBe(0);
  });

  it('splits requests to stay under the keepalive size limit', async () => {
    const s = sender();
    const q = createQueue({
      send: s.send,
      beacon: () => true,
      batchSize: 100,
      intervalMs: 100,
      maxBatchChars: 500,
    });
    for (let i = 0; i < 6; i++) q.add({ ...message(), properties: { text: 'x'.repeat(150) } });
    await q.flush();
    expect(s.batches.length).toBeGreaterThan(1);
    expect(s.batches.flat()).toHaveLength(6);
  });
});
