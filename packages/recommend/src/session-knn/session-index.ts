// Incremental session index for session-based kNN (Jannach and Ludewig, RecSys 2017; Ludewig and Jannach,
// UMUAI 2018): item -> sessions postings, session -> items, last activity per session. Events are added as
// they arrive; beyond `capacity` the least recently active session is evicted so memory stays bounded
// while the server runs.
import type { ItemId, SessionEvent } from '../types';

export interface SessionIndexOptions {
  /** Most sessions kept; the least recently active session is evicted first. Default: unlimited. */
  capacity?: number;
}

/**
 * The shared memory of SKNN and V-SKNN. Items and sessions get dense slots so the scorers can use typed
 * arrays instead of string-keyed maps on the hot path.
 *
 * @example
 * const index = new SessionIndex({ capacity: 100_000 });
 * index.add({ sessionId: 's1', itemId: 'p1', time: 1 });
 * index.add({ sessionId: 's1', itemId: 'p2', time: 2 });
 * index.sessionCount; // 1
 */
export class SessionIndex {
  readonly capacity: number;
  /** Item slot -> item id. Slots are never reused, so the order is first appearance. */
  readonly itemIds: ItemId[] = [];
  /** Item slot -> number of events (session-rec's idf counts events, not sessions). */
  readonly itemEvents: number[] = [];
  /** Item slot -> slots of the sessions that contain the item. */
  readonly itemSessions: Set<number>[] = [];
  /** Session slot -> distinct item slots in order of first occurrence (undefined for a free slot). */
  readonly sessionItems: (Set<number> | undefined)[] = [];
  /** Session slot -> time of its latest event; the "recent" sampling ranks by it. */
  readonly sessionTime: number[] = [];
  /** Session slot -> item slots of all its events, to undo the event counts on eviction. */
  private readonly sessionEvents: number[][] = [];
  private readonly itemSlots = new Map<ItemId, number>();
  /** Insertion order doubles as recency order: a session is moved to the end on every event. */
  private readonly sessionSlots = new Map<string, number>();
  private readonly freeSessionSlots: number[] = [];

  constructor(options: SessionIndexOptions = {}) {
    this.capacity = options.capacity ?? Number.POSITIVE_INFINITY;
  }

  get sessionCount(): number {
    return this.sessionSlots.size;
  }

  get itemCount(): number {
    return this.itemIds.length;
  }

  /** Slot of an item, or undefined when the index has never seen it. */
  itemSlot(itemId: ItemId): number | undefined {
    return this.itemSlots.get(itemId);
  }

  /** Slot of a session currently held, or undefined. */
  sessionSlot(sessionId: string): number | undefined {
    return this.sessionSlots.get(sessionId);
  }

  /** Adds one event; creates the item and the session when new and evicts beyond capacity. */
  add(event: SessionEvent): void {
    const item = this.internItem(event.itemId);
    let slot = this.sessionSlots.get(event.sessionId);
    if (slot === undefined) {
      slot = this.freeSessionSlots.pop() ?? this.sessionItems.length;
      this.sessionItems[slot] = new Set();
      this.sessionEvents[slot] = [];
      this.sessionTime[slot] = event.time;
    } else {
      this.sessionSlots.delete(event.sessionId);
    }
    this.sessionSlots.set(event.sessionId, slot);
    this.sessionItems[slot]!.add(item);
    this.sessionEvents[slot]!.push(item);
    if (event.time > this.sessionTime[slot]!) this.sessionTime[slot] = event.time;
    this.itemEvents[item]! += 1;
    this.itemSessions[item]!.add(slot);
    while (this.sessionSlots.size > this.capacity) {
      const oldest = this.sessionSlots.keys().next().value;
      if (oldest === undefined || oldest === event.sessionId) break;
      this.remove(oldest);
    }
  }

  /** Adds many events in the given order. */
  addAll(events: Iterable<SessionEvent>): void {
    for (const e of events) this.add(e);
  }

  /** Forgets a session (eviction, or a visitor who asked to be forgotten). Returns whether it was held. */
  remove(sessionId: string): boolean {
    const slot = this.sessionSlots.get(sessionId);
    if (slot === undefined) return false;
    for (const item of this.sessionItems[slot]!) this.itemSessions[item]!.delete(slot);
    for (const item of this.sessionEvents[slot]!) this.itemEvents[item]! -= 1;
    this.sessionItems[slot] = undefined;
    this.sessionEvents[slot] = [];
    this.sessionSlots.delete(sessionId);
    this.freeSessionSlots.push(slot);
    return true;
  }

  private internItem(itemId: ItemId): number {
    let slot = this.itemSlots.get(itemId);
    if (slot === undefined) {
      slot = this.itemIds.length;
      this.itemSlots.set(itemId, slot);
      this.itemIds.push(itemId);
      this.itemEvents.push(0);
      this.itemSessions.push(new Set());
    }
    return slot;
  }
}
