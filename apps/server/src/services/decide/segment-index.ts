// Which of the segments that triggers target a visitor belongs to, held in memory: the current
// members of those segments (as the segment refresh recorded them) under every identity key of
// their profiles, re-read on the service's refresh and after a trigger is saved. A visitor's
// segments are then a lookup of their own identity keys.
import type { TriggerStore } from '@centric/storage';

const NONE: ReadonlySet<string> = new Set();

export class SegmentIndex {
  private segmentsOf = new Map<string, Set<string>>();

  /** The segment ids the index was loaded for. */
  loaded: readonly string[] = [];

  /** Replaces the index with the members of `segmentIds` now. */
  async load(
    store: Pick<TriggerStore, 'segmentMemberIdentities'>,
    projectId: string,
    segmentIds: readonly string[],
  ): Promise<void> {
    const rows = await store.segmentMemberIdentities(projectId, segmentIds);
    const next = new Map<string, Set<string>>();
    for (const { identity, segmentId } of rows) {
      let set = next.get(identity);
      if (!set) {
        set = new Set();
        next.set(identity, set);
      }
      set.add(segmentId);
    }
    this.segmentsOf = next;
    this.loaded = [...segmentIds];
  }

  of(identities: readonly string[]): ReadonlySet<string> {
    let out: Set<string> | null = null;
    for (const identity of identities) {
      const set = this.segmentsOf.get(identity);
      if (!set) continue;
      if (out === null) out = new Set(set);
      else for (const s of set) out.add(s);
    }
    return out ?? NONE;
  }
}
