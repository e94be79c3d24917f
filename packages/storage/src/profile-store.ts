// The ProfileStore contract: the identity graph (which identities form one customer), merges
// with their reason and undo, computed traits, and what GDPR needs (everything about one
// customer; erase it). Implemented per backend; see duckdb/duckdb-profile-store.ts.

export interface ProfileMerge {
  mergeId: string;
  at: number;
  keptProfile: string;
  mergedProfile: string;
  reason: string;
  movedIdentities: string[];
  undoneAt: number | null;
}

export interface ProfileTraits {
  profileId: string;
  firstSeen: number | null;
  lastSeen: number | null;
  events: number;
  sessions: number;
  channels: string[];
  orders: number;
  revenue: number;
  averageOrderValue: number | null;
  firstOrderAt: number | null;
  lastOrderAt: number | null;
  rfmRecency: number | null;
  rfmFrequency: number | null;
  rfmMonetary: number | null;
  rfmSegment: string | null;
  lifecycleStage: string | null;
  historicClv: number | null;
  predictedClv: number | null;
  churnProbability: number | null;
  expectedPurchases52w: number | null;
  refreshedAt: number;
}

export interface ProfileStore {
  /**
   * Puts all the given identities into one profile, merging the profiles they are in now;
   * every merge is recorded with the reason. Answers the profile id.
   */
  link(projectId: string, input: { identities: readonly string[]; reason: string; at: number }): Promise<string>;
  /** Undoes a merge: the identities it moved go back to the merged profile. */
  unmerge(projectId: string, mergeId: string, at: number): Promise<ProfileMerge>;
  merges(projectId: string, input: { profileId?: string; limit: number }): Promise<ProfileMerge[]>;
  /** The profile of an identity key ('a:...' or 'u:...'); the key itself when unlinked. */
  resolve(projectId: string, identity: string): Promise<string>;
  /** Every identity key of a profile. */
  identities(projectId: string, profileId: string): Promise<string[]>;
  traits(projectId: string, profileId: string): Promise<ProfileTraits | null>;
  upsertTraits(projectId: string, traits: readonly ProfileTraits[]): Promise<void>;
}
