// The ReportStore contract: saved reports (an analysis, its parameters, schedule and delivery)
// and the scheduler's state per report. The store never computes schedules (that is pure logic
// in the server); it keeps the next slot and claims a slot atomically, so that a slot runs once
// even when two scheduler ticks or two servers race for it. See duckdb/duckdb-report-store.ts.
import type { ReportDelivery, ReportParams, ReportSchedule } from '@centric/contracts';

export interface SavedReport {
  projectId: string;
  reportId: string;
  name: string;
  analysis: string;
  params: ReportParams;
  /** Null: delivered on demand only. */
  schedule: ReportSchedule | null;
  delivery: ReportDelivery;
  createdAt: number;
  updatedAt: number;
  /** The next slot (ms, UTC) the scheduler runs the report for; null without a schedule. */
  nextRunAt: number | null;
  /** The slot last claimed by a run. */
  lastSlotAt: number | null;
  lastRunAt: number | null;
  lastError: string | null;
}

export interface ReportDefinition {
  name: string;
  analysis: string;
  params: ReportParams;
  schedule: ReportSchedule | null;
  delivery: ReportDelivery;
}

export interface ReportStore {
  create(
    projectId: string,
    input: ReportDefinition & { nextRunAt: number | null; at?: number },
  ): Promise<SavedReport>;
  /** Null when the project has no such report. */
  update(
    projectId: string,
    reportId: string,
    change: Partial<ReportDefinition> & { nextRunAt?: number | null; at?: number },
  ): Promise<SavedReport | null>;
  /** False when there was none. */
  remove(projectId: string, reportId: string): Promise<boolean>;
  get(projectId: string, reportId: string): Promise<SavedReport | null>;
  /** Oldest first. */
  list(projectId: string): Promise<SavedReport[]>;
  /** Reports of every project whose next slot is at or before `now`, the longest due first. */
  due(input: { now: number; limit: number }): Promise<SavedReport[]>;
  /**
   * Claims the slot `slotAt` for a run and moves the report on to `nextRunAt`, only if the
   * report is still due for exactly that slot and has not claimed it before. True for the one
   * caller that won; false for everyone else (another tick, another server, an edit meanwhile).
   */
  claimRun(
    projectId: string,
    reportId: string,
    input: { slotAt: number; nextRunAt: number },
  ): Promise<boolean>;
  /** Records when a run ended and why it failed (null when it worked). */
  recordRun(projectId: string, reportId: string, input: { at: number; error: string | null }): Promise<void>;
}
