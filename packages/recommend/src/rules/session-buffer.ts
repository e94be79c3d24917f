// The recent items of each open session, which the rule miners pair with every new event. Bounded: beyond
// `capacity` sessions the least recently active one is dropped (its rules stay learnt).
import type { ItemId } from '../types';

export class SessionBuffer {
  private readonly sessions = new Map<string, ItemId[]>();

  /** @param maxItems items kept per session (older ones can no longer form rules); Infinity keeps all. */
  constructor(
    private readonly maxItems: number,
    private readonly capacity: number,
  ) {}

  /** The session's earlier items (oldest first) before `itemId` is appended. */
  push(sessionId: string, itemId: ItemId): readonly ItemId[] {
    const items = this.sessions.get(sessionId) ?? [];
    const before = items.slice();
    items.push(itemId);
    if (items.length > this.maxItems) items.shift();
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, items);
    while (this.sessions.size > this.capacity) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    return before;
  }

  /** Forgets a finished session. */
  end(sessionId: string): void {
    this.sessions.delete(sessionId);
  }
}
