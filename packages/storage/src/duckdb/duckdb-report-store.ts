// ReportStore on DuckDB: saved reports with their definition as JSON, and the scheduler's slot
// claim as one conditional UPDATE (compare-and-set on the due slot), whose changed-row count
// tells the one winner.
import { randomBytes } from 'node:crypto';
import type { ReportDefinition, ReportStore, SavedReport } from '../report-store';
import { duckdbDialect } from '../sql/dialect';
import type { DuckDbDatabase, Row } from './duckdb-database';

const ts = (param: string) => duckdbDialect.timestampFromMs(`$${param}`);
const msOrNull = (column: string) => `epoch_ms(${column}) AS ${column}`;
const COLUMNS = [
  'project_id',
  'report_id',
  'name',
  'analysis',
  'CAST(params AS VARCHAR) AS params',
  'CAST(schedule AS VARCHAR) AS schedule',
  'CAST(delivery AS VARCHAR) AS delivery',
  ...['created_at', 'updated_at', 'next_run_at', 'last_slot_at', 'last_run_at'].map(msOrNull),
  'last_error',
].join(', ');
const KEY = 'project_id = $projectId AND report_id = $reportId';

export const newReportId = (): string => `rep_${randomBytes(9).toString('base64url')}`;

export class DuckDbReportStore implements ReportStore {
  constructor(private readonly db: DuckDbDatabase) {}

  async create(
    projectId: string,
    input: ReportDefinition & { nextRunAt: number | null; at?: number },
  ): Promise<SavedReport> {
    const reportId = newReportId();
    const at = input.at ?? Date.now();
    await this.db.execute(
      `INSERT INTO reports VALUES ($projectId, $reportId, $name, $analysis, $params, $schedule, $delivery,
         ${ts('at')}, ${ts('at')}, ${ts('nextRunAt')}, NULL, NULL, NULL)`,
      { projectId, reportId, ...definitionParams(input), at, nextRunAt: input.nextRunAt },
    );
    const saved = await this.get(projectId, reportId);
    if (!saved) throw new Error(`report ${reportId} vanished after insert`);
    return saved;
  }

  async update(
    projectId: string,
    reportId: string,
    change: Partial<ReportDefinition> & { nextRunAt?: number | null; at?: number },
  ): Promise<SavedReport | null> {
    const current = await this.get(projectId, reportId);
    if (!current) return null;
    const next: ReportDefinition = {
      name: change.name ?? current.name,
      analysis: change.analysis ?? current.analysis,
      params: change.params ?? current.params,
      schedule: change.schedule === undefined ? current.schedule : change.schedule,
      delivery: change.delivery ?? current.delivery,
    };
    await this.db.execute(
      `UPDATE reports SET name = $name, analysis = $analysis, params = $params, schedule = $schedule,
         delivery = $delivery, updated_at = ${ts('at')}, next_run_at = ${ts('nextRunAt')}
       WHERE ${KEY}`,
      {
        projectId,
        reportId,
        ...definitionParams(next),
        at: change.at ?? Date.now(),
        nextRunAt: change.nextRunAt === undefined ? current.nextRunAt : change.nextRunAt,
      },
    );
    return this.get(projectId, reportId);
  }

  async remove(projectId: string, reportId: string): Promise<boolean> {
    if (!(await this.get(projectId, reportId))) return false;
    await this.db.execute(`DELETE FROM reports WHERE ${KEY}`, { projectId, reportId });
    return true;
  }

  async get(projectId: string, reportId: string): Promise<SavedReport | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM reports WHERE ${KEY}`, { projectId, reportId });
    return rows[0] ? toReport(rows[0]) : null;
  }

  async list(projectId: string): Promise<SavedReport[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM reports WHERE project_id = $projectId ORDER BY created_at, report_id`,
      { projectId },
    );
    return rows.map(toReport);
  }

  async due({ now, limit }: { now: number; limit: number }): Promise<SavedReport[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM reports WHERE next_run_at <= ${ts('now')}
       ORDER BY next_run_at, project_id, report_id LIMIT CAST($limit AS BIGINT)`,
      { now, limit },
    );
    return rows.map(toReport);
  }

  async claimRun(
    projectId: string,
    reportId: string,
    { slotAt, nextRunAt }: { slotAt: number; nextRunAt: number },
  ): Promise<boolean> {
    try {
      const result = await this.db.withWriter((c) =>
        c.run(
          `UPDATE reports SET last_slot_at = ${ts('slotAt')}, next_run_at = ${ts('nextRunAt')}
           WHERE ${KEY} AND next_run_at = ${ts('slotAt')}
             AND (last_slot_at IS NULL OR last_slot_at <> ${ts('slotAt')})`,
          { projectId, reportId, slotAt, nextRunAt },
        ),
      );
      return Number(result.rowsChanged) === 1;
    } catch (error) {
      // Two writers updating the row at once: DuckDB lets one commit and fails the other,
      // which therefore did not claim the slot.
      if (error instanceof Error && /conflict/i.test(error.message)) return false;
      throw error;
    }
  }

  async recordRun(
    projectId: string,
    reportId: string,
    { at, error }: { at: number; error: string | null },
  ): Promise<void> {
    await this.db.execute(`UPDATE reports SET last_run_at = ${ts('at')}, last_error = $error WHERE ${KEY}`, {
      projectId,
      reportId,
      at,
      error,
    });
  }
}

function definitionParams(d: ReportDefinition) {
  return {
    name: d.name,
    analysis: d.analysis,
    params: JSON.stringify(d.params),
    schedule: d.schedule === null ? null : JSON.stringify(d.schedule),
    delivery: JSON.stringify(d.delivery),
  };
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toReport(r: Row): SavedReport {
  return {
    projectId: String(r.project_id),
    reportId: String(r.report_id),
    name: String(r.name),
    analysis: String(r.analysis),
    params: JSON.parse(String(r.params)),
    schedule: r.schedule === null || r.schedule === undefined ? null : JSON.parse(String(r.schedule)),
    delivery: JSON.parse(String(r.delivery)),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    nextRunAt: numberOrNull(r.next_run_at),
    lastSlotAt: numberOrNull(r.last_slot_at),
    lastRunAt: numberOrNull(r.last_run_at),
    lastError: r.last_error === null || r.last_error === undefined ? null : String(r.last_error),
  };
}
