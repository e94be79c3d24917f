// The idempotency window: message ids seen recently, per project. A retried batch (same
// messageId) is acknowledged again but stored once. Bounded by count, oldest out first; seeded
// from the store at start so that a restart does not forget what was just acknowledged.

export class MessageIdWindow {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.seen.size;
  }

  has(projectId: string, messageId: string): boolean {
    return this.seen.has(key(projectId, messageId));
  }

  add(projectId: string, messageId: string): void {
    const k = key(projectId, messageId);
    if (this.seen.has(k)) return;
    this.seen.add(k);
    if (this.seen.size > this.capacity) {
      // A Set iterates in insertion order: its first entry is the oldest.
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  /** Forgets ids whose write failed, so that the client's retry is stored. */
  delete(projectId: string, messageId: string): void {
    this.seen.delete(key(projectId, messageId));
  }
}

const key = (projectId: string, messageId: string) => `${projectId}\u0000${messageId}`;
