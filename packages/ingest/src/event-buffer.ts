// Group commit: requests hand their events to the buffer and wait; one flush writes everything
// that queued while the previous flush ran, in one transaction, then releases all its waiters.
// So a 2xx always means "durably stored" while many requests share one commit. Each flush is
// reported (rows, result, time).
import type { AppendReport, EventStore, OrderItem, StoredEvent } from '@centric/storage';

export interface FlushReport extends AppendReport {
  requests: number;
  ok: boolean;
  error?: string;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

export class BufferFullError extends Error {
  constructor(pending: number) {
    super(`ingest buffer holds ${pending} events waiting for the store; retry shortly`);
  }
}

export class EventBuffer {
  private events: StoredEvent[] = [];
  private orderItems: OrderItem[] = [];
  private waiters: Waiter[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private exclusiveRun: Promise<void> | null = null;
  private scheduled = false;

  constructor(
    private readonly store: EventStore,
    private readonly options: {
      maxPendingEvents: number;
      /**
       * Flushes that may run at once: with 2, one group appends while the previous one waits
       * for its commit to reach the disk.
       */
      maxConcurrentFlushes?: number;
      onFlush?: (report: FlushReport) => void;
    },
  ) {}

  private get maxConcurrent(): number {
    return this.options.maxConcurrentFlushes ?? 2;
  }

  get pendingEvents(): number {
    return this.events.length;
  }

  /** Resolves once the events are committed; rejects if their flush failed (nothing stored). */
  enqueue(events: readonly StoredEvent[], orderItems: readonly OrderItem[]): Promise<void> {
    if (this.events.length + events.length > this.options.maxPendingEvents) {
      return Promise.reject(new BufferFullError(this.events.length));
    }
    for (const e of events) this.events.push(e);
    for (const i of orderItems) this.orderItems.push(i);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  /** Waits until everything queued so far is written. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 || this.exclusiveRun || this.waiters.length > 0) {
      if (this.exclusiveRun) await this.exclusiveRun;
      else if (this.inFlight.size > 0) await Promise.all(this.inFlight);
      else await this.flushOnce();
    }
  }

  /**
   * Runs a store operation between two flushes (e.g. a checkpoint), never inside one: requests
   * arriving meanwhile queue up and are flushed right after.
   */
  async exclusive<T>(operation: () => Promise<T>): Promise<T> {
    while (this.exclusiveRun || this.inFlight.size > 0) {
      await (this.exclusiveRun ?? Promise.all(this.inFlight));
    }
    const run = operation();
    this.exclusiveRun = run
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.exclusiveRun = null;
        if (this.waiters.length > 0) this.schedule();
      });
    return run;
  }

  private canFlush(): boolean {
    return this.exclusiveRun === null && this.inFlight.size < this.maxConcurrent;
  }

  private schedule(): void {
    if (this.scheduled || !this.canFlush()) return;
    this.scheduled = true;
    // setImmediate lets every request parsed in this turn of the event loop join the commit.
    setImmediate(() => {
      this.scheduled = false;
      if (this.canFlush() && this.waiters.length > 0) void this.flushOnce();
    });
  }

  private flushOnce(): Promise<void> {
    const events = this.events;
    const orderItems = this.orderItems;
    const waiters = this.waiters;
    this.events = [];
    this.orderItems = [];
    this.waiters = [];
    const run = async () => {
      try {
        const report = await this.store.append({ events, orderItems });
        for (const w of waiters) w.resolve();
        this.options.onFlush?.({ ...report, requests: waiters.length, ok: true });
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        for (const w of waiters) w.reject(err);
        this.options.onFlush?.({
          events: events.length,
          orderItems: orderItems.length,
          ms: 0,
          requests: waiters.length,
          ok: false,
          error: err.message,
        });
      }
    };
    const flush = run().finally(() => {
      this.inFlight.delete(flush);
      if (this.waiters.length > 0) this.schedule();
    });
    this.inFlight.add(flush);
    return flush;
  }
}
