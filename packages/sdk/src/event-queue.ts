// The outgoing queue: batches events by count and time, sends one request at a time, retries
// with growing pauses, and keeps every unacknowledged event in a persistent store (when
// consent allows) so that a reload sends it again. Resending is safe: the server skips a
// messageId it has stored before, so a batch that arrived but whose answer was lost counts once.
import type { OutgoingMessage } from './message';

/** How a request ended: sent; failed for a while (retry); or refused for good (`bad` = indexes). */
export type SendResult = { ok: true } | { ok: false; retry: boolean; bad?: number[] };

export interface QueueStore {
  load(): OutgoingMessage[];
  add(messages: readonly OutgoingMessage[]): void;
  remove(ids: readonly string[]): void;
}

export interface QueueOptions {
  send(batch: OutgoingMessage[]): Promise<SendResult>;
  /** navigator.sendBeacon: true when the browser took the batch. */
  beacon(batch: OutgoingMessage[]): boolean;
  batchSize: number;
  intervalMs: number;
  /** Keeps a request under the 64 KB that keepalive fetches and beacons may carry. */
  maxBatchChars?: number;
}

export interface EventQueue {
  add(message: OutgoingMessage): void;
  /** Sends everything queued; resolves when empty or after a failed attempt. */
  flush(): Promise<void>;
  /** On page hide: hands everything queued to sendBeacon. */
  flushBeacon(): void;
  /** Attaches the persistent store (consent granted; adopts what it holds) or detaches it. */
  persist(store: QueueStore | null): void;
  size(): number;
}

const MAX_EVENTS_PER_REQUEST = 100;

export function createQueue({
  send,
  beacon,
  batchSize,
  intervalMs,
  maxBatchChars = 30_000,
}: QueueOptions): EventQueue {
  let pending: OutgoingMessage[] = [];
  let sending: OutgoingMessage[] = [];
  // Events that failed once or came from the store: after a beacon they stay stored, because a
  // browser that could not reach the server before may lose the beacon too.
  const retried = new Set<string>();
  let store: QueueStore | null = null;
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const ids = (batch: readonly OutgoingMessage[]) => batch.map((m) => m.messageId);

  function schedule(ms: number): void {
    if (timer === undefined)
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, ms);
  }

  function take(): OutgoingMessage[] {
    let chars = 0;
    let n = 0;
    while (n < pending.length && n < MAX_EVENTS_PER_REQUEST) {
      chars += JSON.stringify(pending[n]).length;
      if (n > 0 && chars > maxBatchChars) break;
      n++;
    }
    return pending.splice(0, n);
  }

  function done(batch: readonly OutgoingMessage[]): void {
    store?.remove(ids(batch));
    for (const m of batch) retried.delete(m.messageId);
  }

  async function sendOne(): Promise<boolean> {
    const batch = take();
    sending = batch;
    const result = await send(batch).catch((): SendResult => ({ ok: false, retry: true }));
    sending = [];
    if (result.ok) {
      done(batch);
    } else if (!result.retry) {
      // The server names the invalid events of a refused batch: drop those, resend the rest.
      const bad = result.bad ?? [];
      const good = batch.filter((_, i) => bad.length > 0 && !bad.includes(i));
      done(batch.filter((m) => !good.includes(m)));
      pending.unshift(...good);
    } else {
      pending.unshift(...batch);
      for (const m of batch) retried.add(m.messageId);
      failures++;
      return false;
    }
    failures = 0;
    return true;
  }

  async function drain(): Promise<void> {
    while (pending.length > 0 && (await sendOne()));
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    // One request at a time; a flush during a request waits for the same drain.
    running ??= drain().finally(() => {
      running = null;
      if (pending.length > 0) schedule(failures > 0 ? Math.min(30_000, 500 * 2 ** failures) : intervalMs);
    });
    return running;
  }

  return {
    add(message) {
      pending.push(message);
      store?.add([message]);
      // While the server is unreachable only the back-off timer retries.
      if (pending.length >= batchSize && failures === 0) void flush();
      else schedule(intervalMs);
    },
    flush,
    flushBeacon() {
      clearTimeout(timer);
      timer = undefined;
      while (pending.length > 0) {
        const batch = take();
        if (!beacon(batch)) {
          pending.unshift(...batch);
          schedule(intervalMs);
          return;
        }
        done(batch.filter((m) => !retried.has(m.messageId)));
      }
    },
    persist(next) {
      store = next;
      if (!next) return;
      const known = new Set(ids([...pending, ...sending]));
      const stored = next.load().filter((m) => !known.has(m.messageId));
      next.add([...sending, ...pending]);
      for (const m of stored) retried.add(m.messageId);
      // Stored events are older than anything queued on this page: they go first.
      pending = [...stored, ...pending];
      if (stored.length > 0) schedule(0);
    },
    size: () => pending.length + sending.length,
  };
}
