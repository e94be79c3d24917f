// Per visitor, what the widgets reported about each trigger (shown, clicked, dismissed), held in
// memory for frequency capping: a decision must not query the store. An event is filed under
// every identity it carries (anonymous id and user id), and a lookup merges the lists of the
// visitor's identities by message id, so an event is never counted twice. Bounded: the least
// recently seen visitors and the oldest entries of a long list are forgotten first; entries
// older than a capping window are ignored by the capping rule, so no sweep is needed.
import type { TriggerInteraction } from '@centric/core';
import { LruMap } from '../recommendations/lru-map';

export interface BookEntry extends TriggerInteraction {
  /** The event's message id: the same event seeded and fed live is one entry. */
  id: string;
  triggerId: string;
}

export interface InteractionBookOptions {
  /** Visitors held. Default 500,000. */
  capacity?: number;
  /** Entries kept per visitor identity (newest). Default 200. */
  maxPerVisitor?: number;
}

const NONE: readonly TriggerInteraction[] = [];

export class InteractionBook {
  private readonly byIdentity: LruMap<string, BookEntry[]>;
  private readonly maxPerVisitor: number;

  constructor({ capacity = 500_000, maxPerVisitor = 200 }: InteractionBookOptions = {}) {
    this.byIdentity = new LruMap(capacity);
    this.maxPerVisitor = maxPerVisitor;
  }

  get visitors(): number {
    return this.byIdentity.size;
  }

  add(identities: readonly string[], entry: BookEntry): void {
    for (const identity of identities) {
      const list = this.byIdentity.get(identity) ?? [];
      if (list.some((e) => e.id === entry.id)) continue;
      list.push(entry);
      if (list.length > this.maxPerVisitor) {
        list.sort((a, b) => a.at - b.at);
        list.splice(0, list.length - this.maxPerVisitor);
      }
      this.byIdentity.set(identity, list);
    }
  }

  /**
   * The visitor's interactions per trigger, over all of its identities.
   *
   * @example book.of(['a:anon-1', 'u:anon-1'])('trg_x') // [{ at, kind: 'dismissed' }]
   */
  of(identities: readonly string[]): (triggerId: string) => readonly TriggerInteraction[] {
    const lists = identities.map((id) => this.byIdentity.peek(id)).filter((l) => l !== undefined);
    if (lists.length === 0) return () => NONE;
    const byTrigger = new Map<string, BookEntry[]>();
    const seen = new Set<string>();
    for (const list of lists) {
      for (const entry of list) {
        if (seen.has(entry.id)) continue;
        seen.add(entry.id);
        const forTrigger = byTrigger.get(entry.triggerId);
        if (forTrigger) forTrigger.push(entry);
        else byTrigger.set(entry.triggerId, [entry]);
      }
    }
    return (triggerId) => byTrigger.get(triggerId) ?? NONE;
  }
}
