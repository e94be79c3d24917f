// The ProfileStore contract: the identity graph (which identities form one customer), merges
// with their reason and undo, computed traits, and what GDPR needs (everything about one
// customer; erase it). Implemented per backend; see duckdb/duckdb-profile-store.ts.
import type { ProfileTraits } from '@centric/contracts';
import type { StoredEvent } from './store';

export interface ProfileMerge {
  mergeId: string;
  at: number;
  keptProfile: string;
  mergedProfile: string;
  reason: string;
  movedIdentities: string[];
  undoneAt: number | null;
}

export type { ProfileTraits } from '@centric/contracts';

/** Raw per-profile figures from events; traits are computed from them. */
export interface ProfileActivity {
  profileId: string;
  firstSeen: number;
  lastSeen: number;
  events: number;
  sessions: number;
  channels: string[];
}

/** One order of a profile (cancelled orders left out). */
export interface ProfileOrder {
  profileId: string;
  orderId: string;
  at: number;
  revenue: number;
}

/** Everything held about one customer, for a GDPR data export. */
export interface ProfileExport {
  profileId: string;
  identities: string[];
  traits: ProfileTraits | null;
  merges: ProfileMerge[];
  customers: Record<string, unknown>[];
  events: Record<string, unknown>[];
  orderItems: Record<string, unknown>[];
  segmentMemberships: Record<string, unknown>[];
}

export interface ErasureReport {
  /** Rows deleted (or anonymised) per table. */
  deleted: Record<string, number>;
  /** Rows in any table that still contain one of the identifiers after erasure: all zero. */
  remaining: Record<string, number>;
}

export interface ProfileStore {
  /**
   * Puts all the given identities into one profile, merging the profiles they are in now;
   * every merge is recorded with the reason. Answers the profile id.
   */
  link(
    projectId: string,
    input: { identities: readonly string[]; reason: string; at: number },
  ): Promise<string>;
  /** Several links in one transaction (a request's logins, an import chunk's customers). */
  linkAll(
    projectId: string,
    groups: readonly { identities: readonly string[]; reason: string; at: number }[],
  ): Promise<string[]>;
  /** Undoes a merge: the identities it moved go back to the merged profile. */
  unmerge(projectId: string, mergeId: string, at: number): Promise<ProfileMerge>;
  merges(projectId: string, input: { profileId?: string; limit: number }): Promise<ProfileMerge[]>;
  /** The profile of an identity key ('a:...' or 'u:...'); the key itself when unlinked. */
  resolve(projectId: string, identity: string): Promise<string>;
  /** Every identity key of a profile. */
  identities(projectId: string, profileId: string): Promise<string[]>;
  traits(projectId: string, profileId: string): Promise<ProfileTraits | null>;
  upsertTraits(projectId: string, traits: readonly ProfileTraits[]): Promise<void>;
  /** Activity per profile (all, or the given ones). */
  activity(projectId: string, input: { profileIds?: readonly string[] }): Promise<ProfileActivity[]>;
  /** Orders per profile up to a time (all profiles, or the given ones). */
  orders(
    projectId: string,
    input: { until: number; profileIds?: readonly string[] },
  ): Promise<ProfileOrder[]>;
  /** Profiles with events received since a time: what an incremental refresh must redo. */
  touchedSince(projectId: string, receivedSinceMs: number): Promise<string[]>;
  /** Traits of every profile with at least one order (the population RFM ranks against). */
  customerTraits(projectId: string): Promise<ProfileTraits[]>;
  /** The profile's events across all its identities and channels, newest first. */
  timeline(projectId: string, input: { profileId: string; limit: number }): Promise<StoredEvent[]>;
  exportProfile(projectId: string, profileId: string): Promise<ProfileExport>;
  /** Deletes every row about the profile's identities and verifies by scanning every table. */
  eraseProfile(projectId: string, profileId: string): Promise<ErasureReport>;
}
