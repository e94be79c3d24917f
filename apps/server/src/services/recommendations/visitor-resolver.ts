// Resolves the `visitor` of a request (an anonymous id or a user id, as the shop knows it) to
// every identity key of its profile through the identity graph, so that purchases made under a
// login suppress products for the same person browsing anonymously, and the other way round.
// The project's links are held in memory (a store lookup per request would cost more than the
// recommendation): loaded with the models, re-read for the identities an event links (login,
// identify, alias) before the event is acknowledged, and reloaded by the light refresh (imports
// and undone merges). A graph larger than `maxLinks` is not held: visitors are then looked up in
// the store one by one, with the answers cached for a few minutes.
import type { RecommendationStore } from '@centric/storage';
import { LruMap } from './lru-map';

export interface VisitorResolverOptions {
  /** Links held in memory per project. Default 1,000,000. */
  maxLinks?: number;
  /** Visitors cached when the graph is too large to hold. Default 100,000. */
  cacheCapacity?: number;
  /** How long such a cached answer is reused. Default 5 minutes. */
  cacheTtlMs?: number;
}

type LinkStore = Pick<RecommendationStore, 'identityLinks'>;

class LinkIndex {
  readonly profileOf = new Map<string, string>();
  readonly members = new Map<string, Set<string>>();

  link(identity: string, profileId: string): void {
    const before = this.profileOf.get(identity);
    if (before !== undefined) this.members.get(before)?.delete(identity);
    this.profileOf.set(identity, profileId);
    let set = this.members.get(profileId);
    if (!set) {
      set = new Set();
      this.members.set(profileId, set);
    }
    set.add(identity);
  }
}

export class VisitorResolver {
  private readonly indexes = new Map<string, LinkIndex | 'too-large'>();
  private readonly cache: LruMap<string, { at: number; identities: Promise<string[]> }>;
  private readonly maxLinks: number;
  private readonly ttlMs: number;

  constructor(
    private readonly store: LinkStore,
    options: VisitorResolverOptions = {},
  ) {
    this.maxLinks = options.maxLinks ?? 1_000_000;
    this.cache = new LruMap(options.cacheCapacity ?? 100_000);
    this.ttlMs = options.cacheTtlMs ?? 300_000;
  }

  /** (Re)loads a project's links. */
  async load(projectId: string): Promise<void> {
    const links = await this.store.identityLinks(projectId, { limit: this.maxLinks + 1 });
    if (links.length > this.maxLinks) {
      this.indexes.set(projectId, 'too-large');
      return;
    }
    const index = new LinkIndex();
    for (const l of links) index.link(l.identity, l.profileId);
    this.indexes.set(projectId, index);
  }

  /** Re-reads the links of the profiles these identities belong to (they were just linked). */
  async relink(projectId: string, identities: readonly string[]): Promise<void> {
    const index = this.indexes.get(projectId);
    if (index === undefined) return;
    if (index === 'too-large') {
      for (const id of identities) this.cache.delete(`${projectId}\u0000${id}`);
      return;
    }
    for (const l of await this.store.identityLinks(projectId, { identities, limit: this.maxLinks }))
      index.link(l.identity, l.profileId);
  }

  /**
   * Identity keys of the visitor's profile: its own keys ('a:<visitor>' and 'u:<visitor>', or the
   * key itself when given as 'a:...' / 'u:...') and the others of the profile they belong to.
   */
  identities(projectId: string, visitor: string, now = Date.now()): string[] | Promise<string[]> {
    const own = /^[au]:/.test(visitor) ? [visitor] : [`a:${visitor}`, `u:${visitor}`];
    const index = this.indexes.get(projectId);
    if (index instanceof LinkIndex) {
      let out: Set<string> | null = null;
      for (const id of own) {
        const profile = index.profileOf.get(id);
        const members = profile === undefined ? undefined : index.members.get(profile);
        if (members) {
          out ??= new Set(own);
          for (const m of members) out.add(m);
        }
      }
      return out ? [...out] : own;
    }
    return this.lookup(projectId, { visitor, own, now });
  }

  private lookup(
    projectId: string,
    { visitor, own, now }: { visitor: string; own: string[]; now: number },
  ): Promise<string[]> {
    const key = `${projectId}\u0000${visitor}`;
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.identities;
    const identities = this.store
      .identityLinks(projectId, { identities: own, limit: 10_000 })
      .then((links) => [...new Set([...own, ...links.map((l) => l.identity)])]);
    this.cache.set(key, { at: now, identities });
    // A failed lookup is not cached: the next request tries again.
    identities.catch(() => this.cache.delete(key));
    return identities;
  }
}
