// One project's decision state, in memory so that a decision reads no store: its triggers
// (highest priority first), the segment members they target, social-proof counts (buyers per
// product in the last 24 hours) and each visitor's trigger interactions (frequency capping).
// Seeded from the store on first use, then fed by the ingest pipeline's afterStore hook; the
// service's refresh re-reads triggers and segment members (edits by other servers, segment
// refreshes) and reads further back when a trigger's capping window grows.
import {
  ORDER_EVENT,
  TRIGGER_CLICKED_EVENT,
  TRIGGER_DISMISSED_EVENT,
  TRIGGER_SHOWN_EVENT,
} from '@centric/contracts';
import { byPriority, RecentBuyers, type TriggerInteraction, type TriggerRule } from '@centric/core';
import type { SavedTrigger, Store, StoredEvent } from '@centric/storage';
import { identitiesOf, orderLinesOf } from '../recommendations/live-events';
import { InteractionBook, type InteractionBookOptions } from './interaction-book';
import { SegmentIndex } from './segment-index';

const DAY = 86_400_000;

const INTERACTION_OF: Readonly<Record<string, TriggerInteraction['kind']>> = {
  [TRIGGER_SHOWN_EVENT]: 'shown',
  [TRIGGER_CLICKED_EVENT]: 'clicked',
  [TRIGGER_DISMISSED_EVENT]: 'dismissed',
};

export interface DecideProjectOptions {
  book?: InteractionBookOptions;
  /** Orders read at start for social proof. Default 100,000 (the last 24 hours of a large shop). */
  maxSeedOrders?: number;
  /** Trigger events read at start for capping. Default 1,000,000. */
  maxSeedInteractions?: number;
}

export class DecideProject {
  triggers: TriggerRule[] = [];
  readonly members = new SegmentIndex();
  readonly buyers = new RecentBuyers();
  readonly book: InteractionBook;
  /** Interactions since this time have been read from the store. */
  private seededSince = Number.POSITIVE_INFINITY;

  constructor(
    private readonly store: Store,
    readonly projectId: string,
    private readonly options: DecideProjectOptions = {},
  ) {
    this.book = new InteractionBook(options.book);
  }

  /** First use: triggers, segment members, capping history and the last day's buyers. */
  async load(now: number): Promise<void> {
    await this.reload(now);
    const baskets = await this.store.recommendations.orderBaskets(this.projectId, {
      sinceMs: now - DAY,
      limit: this.options.maxSeedOrders ?? 100_000,
    });
    for (const b of baskets) {
      const buyer = b.identity ?? `order:${b.orderId}`;
      for (const productId of b.productIds) this.buyers.add(productId, buyer, b.at);
    }
  }

  /** Re-reads triggers and segment members; reads interactions further back if a window grew. */
  async reload(now: number): Promise<void> {
    this.setTriggers(await this.store.triggers.list(this.projectId));
    await this.reloadMembers();
    await this.seedInteractions(now);
    this.buyers.prune(now);
  }

  setTriggers(saved: readonly SavedTrigger[]): void {
    this.triggers = saved.map(
      (t): TriggerRule => ({
        triggerId: t.triggerId,
        name: t.name,
        kind: t.kind,
        active: t.active,
        priority: t.priority,
        targeting: t.targeting,
        capping: t.capping,
        content: t.content,
        settings: t.settings,
      }),
    );
    this.triggers.sort(byPriority);
  }

  /** The segments active triggers target or exclude. */
  segmentIds(): string[] {
    const ids = new Set<string>();
    for (const t of this.triggers) {
      if (!t.active) continue;
      for (const id of t.targeting.segments ?? []) ids.add(id);
      for (const id of t.targeting.excludeSegments ?? []) ids.add(id);
    }
    return [...ids].sort();
  }

  reloadMembers(): Promise<void> {
    return this.members.load(this.store.triggers, this.projectId, this.segmentIds());
  }

  /** The ingest pipeline's events: trigger reports go to the capping book, orders to social proof. */
  apply(events: readonly StoredEvent[]): void {
    for (const e of events) {
      if (e.event === null) continue;
      const kind = INTERACTION_OF[e.event];
      if (kind !== undefined) {
        const triggerId = triggerIdOf(e);
        if (triggerId !== null)
          this.book.add(identitiesOf(e), { id: e.messageId, triggerId, kind, at: e.timestamp });
      } else if (e.event === ORDER_EVENT) {
        const buyer =
          e.userId !== null
            ? `u:${e.userId}`
            : e.anonymousId !== null
              ? `a:${e.anonymousId}`
              : `order:${e.orderId ?? e.messageId}`;
        for (const line of orderLinesOf(e)) this.buyers.add(line.productId, buyer, e.timestamp);
      }
    }
  }

  private async seedInteractions(now: number): Promise<void> {
    const windowDays = Math.max(1, ...this.triggers.map((t) => t.capping.windowDays));
    const since = now - windowDays * DAY;
    if (since >= this.seededSince) return;
    const rows = await this.store.triggers.interactions(this.projectId, {
      sinceMs: since,
      limit: this.options.maxSeedInteractions ?? 1_000_000,
    });
    for (const r of rows) {
      const identities: string[] = [];
      if (r.anonymousId !== null) identities.push(`a:${r.anonymousId}`);
      if (r.userId !== null) identities.push(`u:${r.userId}`);
      this.book.add(identities, { id: r.messageId, triggerId: r.triggerId, kind: r.kind, at: r.at });
    }
    this.seededSince = since;
  }
}

function triggerIdOf(e: StoredEvent): string | null {
  if (e.properties === null) return null;
  try {
    const id = (JSON.parse(e.properties) as { trigger_id?: unknown }).trigger_id;
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    // Stored properties are JSON the pipeline wrote; a bad one only loses this report.
    return null;
  }
}
