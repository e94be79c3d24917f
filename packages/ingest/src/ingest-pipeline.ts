// The ingest path: validate -> normalise (GA4 aliases) -> deduplicate -> sessionise -> buffer
// -> store. A batch with any invalid event is rejected whole, with every problem listed: the
// client fixes and resends it, and nothing of it was stored in between.
import { randomUUID } from 'node:crypto';
import type { EventError } from '@centric/contracts';
import type { EventStore, OrderItem, StoredEvent } from '@centric/storage';
import { type ClientInfo, CookielessVisitors, isCookielessMessage } from './cookieless-visitor';
import { EventBuffer, type FlushReport } from './event-buffer';
import { DEFAULT_LIMITS, type IngestLimits } from './limits';
import { MessageIdWindow } from './message-id-window';
import { normaliseMessage } from './normalise';
import { Sessioniser } from './sessioniser';
import { type ValidMessage, validateMessage } from './validate-message';

export interface IngestOptions {
  limits?: Partial<IngestLimits>;
  /** How many message ids the idempotency window remembers. */
  dedupeCapacity?: number;
  sessionTimeoutMs?: number;
  maxPendingEvents?: number;
  /** Group commits that may be in flight at once (see EventBuffer). */
  concurrentFlushes?: number;
  /**
   * Runs after a request's events are durably stored and before it is acknowledged: derived
   * state such as the identity graph. A failure is logged by the caller; the events stay.
   */
  afterStore?: (projectId: string, events: readonly StoredEvent[]) => Promise<void>;
  onFlush?: (report: FlushReport) => void;
  now?: () => number;
}

export type IngestResult =
  | { ok: true; accepted: number; duplicates: number }
  | { ok: false; errors: EventError[] };

export interface IngestRequest {
  projectId: string;
  messages: readonly unknown[];
  /** Batch-level sentAt, used for clock-skew correction of messages without their own. */
  sentAt?: string;
  /** Batch-level context merged under each message's own. */
  context?: Record<string, unknown>;
  /**
   * The sender's IP address and user agent (HTTP ingest). Cookieless messages without an id get
   * their visitor id from them; they are hashed, never stored.
   */
  client?: ClientInfo;
}

export class IngestPipeline {
  readonly limits: IngestLimits;
  private readonly window: MessageIdWindow;
  private readonly sessions: Sessioniser;
  private readonly buffer: EventBuffer;
  private readonly now: () => number;
  private sweepTimer: NodeJS.Timeout | null = null;
  private readonly dedupeCapacity: number;
  private readonly cookieless: CookielessVisitors;

  constructor(
    private readonly store: EventStore,
    {
      limits,
      dedupeCapacity = 2_000_000,
      sessionTimeoutMs,
      maxPendingEvents = 200_000,
      concurrentFlushes = 2,
      afterStore,
      onFlush,
      now = Date.now,
    }: IngestOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.dedupeCapacity = dedupeCapacity;
    this.window = new MessageIdWindow(dedupeCapacity);
    this.sessions = new Sessioniser(sessionTimeoutMs);
    this.buffer = new EventBuffer(store, {
      maxPendingEvents,
      maxConcurrentFlushes: concurrentFlushes,
      ...(onFlush ? { onFlush } : {}),
    });
    this.now = now;
    this.cookieless = new CookielessVisitors(now);
    this.afterStore = afterStore;
  }

  private readonly afterStore: IngestOptions['afterStore'];

  /** Seeds the idempotency window and live sessions from the store. */
  async start({ dedupeLookbackMs = 7 * 86_400_000 }: { dedupeLookbackMs?: number } = {}): Promise<void> {
    const now = this.now();
    const ids = await this.store.recentMessageIds({
      sinceMs: now - dedupeLookbackMs,
      limit: this.dedupeCapacity,
    });
    for (let i = ids.length - 1; i >= 0; i--) {
      const id = ids[i];
      if (id) this.window.add(id.projectId, id.messageId);
    }
    this.sessions.seed(await this.store.recentSessions({ sinceMs: now - 60 * 60_000 }));
    this.sweepTimer = setInterval(() => this.sessions.sweep(this.now()), 60_000);
    this.sweepTimer.unref();
  }

  /**
   * Ingests one request's messages; resolves once they are durably stored.
   *
   * @example await pipeline.ingest({ projectId, messages: [{ type: 'track', event: 'add_to_cart', anonymousId: 'a1' }] })
   */
  async ingest({ projectId, messages, sentAt, context, client }: IngestRequest): Promise<IngestResult> {
    const receivedAt = this.now();
    const batchSentAt = sentAt === undefined ? null : Date.parse(sentAt);
    const valid: ValidMessage[] = [];
    const errors: EventError[] = [];
    for (let index = 0; index < messages.length; index++) {
      let raw = messages[index];
      if (context && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
        const own = (raw as { context?: Record<string, unknown> }).context;
        raw = { ...raw, context: { ...context, ...own } };
      }
      if (client && isCookielessMessage(raw)) {
        const m = raw as Record<string, unknown>;
        if (m.anonymousId === undefined && m.userId === undefined)
          raw = { ...m, anonymousId: this.cookieless.visitorId(projectId, client) };
      }
      const result = validateMessage(raw, {
        index,
        receivedAt,
        batchSentAt: Number.isFinite(batchSentAt) ? batchSentAt : null,
        limits: this.limits,
      });
      if ('errors' in result) errors.push(...result.errors);
      else valid.push(result.ok);
    }
    if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.index - b.index) };

    const events: StoredEvent[] = [];
    const orderItems: OrderItem[] = [];
    const added: string[] = [];
    let duplicates = 0;
    for (let i = 0; i < valid.length; i++) {
      const v = valid[i]!;
      const given = v.message.messageId;
      const messageId = typeof given === 'string' ? given : randomUUID();
      if (this.window.has(projectId, messageId)) {
        duplicates += 1;
        continue;
      }
      // Marked before the write so that a concurrent retry of the same id is not stored twice.
      this.window.add(projectId, messageId);
      added.push(messageId);
      const n = normaliseMessage(v, { projectId, receivedAt, messageId });
      n.event.sessionId = this.sessions.assign({
        projectId,
        visitorKey: n.visitorKey,
        at: n.event.timestamp,
        campaign: n.campaign,
      });
      events.push(n.event);
      for (const item of n.orderItems) orderItems.push(item);
    }
    if (events.length > 0) {
      try {
        await this.buffer.enqueue(events, orderItems);
      } catch (error) {
        for (const id of added) this.window.delete(projectId, id);
        throw error;
      }
      if (this.afterStore) await this.afterStore(projectId, events);
    }
    return { ok: true, accepted: events.length, duplicates };
  }

  /** Writes everything queued; call before closing the store. */
  async stop(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.buffer.drain();
  }

  /** Folds the store's write-ahead log into its file between two flushes, off the request path. */
  checkpoint(): Promise<void> {
    return this.buffer.exclusive(() => this.store.checkpoint());
  }

  get pendingEvents(): number {
    return this.buffer.pendingEvents;
  }
}
