// The SegmentStore contract: saved segments (rules in Centric's segment language), their
// members evaluated in the store, and the membership history (who entered and left when).
// Implemented per backend; see duckdb/duckdb-segment-store.ts.

export interface Segment {
  segmentId: string;
  name: string;
  rule: string;
  createdAt: number;
  updatedAt: number;
}

export interface SegmentStore {
  create(projectId: string, input: { name: string; rule: string }): Promise<Segment>;
  update(projectId: string, segmentId: string, input: { name?: string; rule?: string }): Promise<Segment>;
  remove(projectId: string, segmentId: string): Promise<void>;
  get(projectId: string, segmentId: string): Promise<Segment | null>;
  list(projectId: string): Promise<Segment[]>;
  /** Members of a rule evaluated in the store at `now` (batch), sorted by profile id. */
  members(
    projectId: string,
    input: { rule: string; now: number; limit?: number },
  ): Promise<{ count: number; profileIds: string[] }>;
  /** Re-evaluates saved segments and records entries and exits in the membership history. */
  refreshMemberships(projectId: string, now: number): Promise<{ entered: number; left: number }>;
}
