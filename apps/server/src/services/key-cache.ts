// Caches key -> project lookups: every ingest request is authenticated, and a store query per
// request would cost more than the request itself. Unknown keys are remembered briefly too, so
// a client hammering with a bad key does not hammer the store.
import type { KeyKind, StateStore } from '@centric/storage';

type Entry = { value: { projectId: string; kind: KeyKind } | null; expires: number };

export class KeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly state: StateStore,
    private readonly ttlMs = 60_000,
    private readonly negativeTtlMs = 5_000,
  ) {}

  async resolve(key: string): Promise<{ projectId: string; kind: KeyKind } | null> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = await this.state.resolveKey(key);
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(key, { value, expires: now + (value ? this.ttlMs : this.negativeTtlMs) });
    return value;
  }
}
