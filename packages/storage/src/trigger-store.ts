// The TriggerStore contract: on-site trigger configurations per project, and the reads the
// decision service and the On-site page need from the trigger events the widgets send (Trigger
// Shown / Clicked / Dismissed): the recent interactions that seed frequency capping at start,
// performance per trigger over a period, and the identities of segment members (targeting).
// Implemented per backend; see duckdb/duckdb-trigger-store.ts.
import type { TriggerDefinition } from '@centric/contracts';
import type { TimeRange } from './store';

export interface SavedTrigger extends TriggerDefinition {
  triggerId: string;
  createdAt: number;
  updatedAt: number;
}

/** One reported interaction of a visitor with a trigger. */
export interface TriggerInteractionRow {
  messageId: string;
  anonymousId: string | null;
  userId: string | null;
  triggerId: string;
  kind: 'shown' | 'clicked' | 'dismissed';
  at: number;
}

/** Counts of one trigger over a period; `kind` as the events reported it. */
export interface TriggerPerformanceFigures {
  triggerId: string;
  kind: string;
  shown: number;
  clicked: number;
  dismissed: number;
  /** Distinct visitors (anonymous id, else user id) it was shown to. */
  visitors: number;
}

export interface SegmentMemberIdentity {
  segmentId: string;
  /** An identity key ('a:...' / 'u:...') of a current member's profile. */
  identity: string;
}

export interface TriggerStore {
  /** Oldest first. */
  list(projectId: string): Promise<SavedTrigger[]>;
  get(projectId: string, triggerId: string): Promise<SavedTrigger | null>;
  create(projectId: string, trigger: TriggerDefinition & { at?: number }): Promise<SavedTrigger>;
  /** Replaces the definition; null when the project has no such trigger. */
  update(
    projectId: string,
    triggerId: string,
    trigger: TriggerDefinition & { at?: number },
  ): Promise<SavedTrigger | null>;
  /** False when there was none. */
  remove(projectId: string, triggerId: string): Promise<boolean>;
  /** The most recent trigger events since a time (up to `limit`), oldest first. */
  interactions(
    projectId: string,
    query: { sinceMs: number; limit: number },
  ): Promise<TriggerInteractionRow[]>;
  /** Per trigger with events in the range: impressions, clicks, dismissals, visitors. */
  performance(projectId: string, query: { range: TimeRange }): Promise<TriggerPerformanceFigures[]>;
  /**
   * Every identity key of the current members of these segments: a member profile's linked
   * identities, or the profile id itself for a visitor without links (it is its identity key).
   */
  segmentMemberIdentities(projectId: string, segmentIds: readonly string[]): Promise<SegmentMemberIdentity[]>;
}
