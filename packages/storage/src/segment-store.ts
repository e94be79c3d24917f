// The SegmentStore contract: saved segments (rules in Centric's segment language), their
// members evaluated in the store, and the membership history (who entered and left when).
// Storage never parses rules (the language lives in @centric/analyses): it takes the parsed
// AST, plain data from @centric/contracts. Implemented per backend; see
// duckdb/duckdb-segment-store.ts.
import type { SegmentExpr } from '@centric/contracts';

export interface Segment {
  segmentId: string;
  name: string;
  rule: string;
  createdAt: number;
  updatedAt: number;
}

export interface SegmentMembers {
  /** Every member now. */
  count: number;
  /** Member profile ids, sorted, up to the limit. */
  profileIds: string[];
}

export interface SegmentStore {
  create(projectId: string, input: { name: string; rule: string; at?: number }): Promise<Segment>;
  /** Null when the project has no such segment. */
  update(
    projectId: string,
    segmentId: string,
    input: { name?: string; rule?: string; at?: number },
  ): Promise<Segment | null>;
  /** Removes the segment and its membership history; false when there was none. */
  remove(projectId: string, segmentId: string): Promise<boolean>;
  get(projectId: string, segmentId: string): Promise<Segment | null>;
  /** Oldest first. */
  list(projectId: string): Promise<Segment[]>;
  /**
   * Members of a parsed rule evaluated in the store at `now` (batch), drawn from every profile
   * with an event or computed traits; the same profiles the in-memory evaluator accepts.
   */
  members(
    projectId: string,
    input: { ast: SegmentExpr; now: number; limit?: number },
  ): Promise<SegmentMembers>;
  /**
   * Re-evaluates every saved segment at `now` and records who entered (entered_at = now) and
   * who left (left_at = now). `parse` turns a saved rule into its AST; segments whose rule no
   * longer parses are skipped and named in `failed`.
   */
  refreshMemberships(
    projectId: string,
    input: { now: number; parse: (rule: string) => SegmentExpr },
  ): Promise<{ entered: number; left: number; failed: string[] }>;
  /** Profiles in a segment now (entered and not left), sorted. */
  currentMembers(projectId: string, segmentId: string): Promise<string[]>;
}
