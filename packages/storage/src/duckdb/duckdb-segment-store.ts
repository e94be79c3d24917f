// SegmentStore on DuckDB: saved segments, their members from the SQL the segment compiler
// builds (sql/segment-query.ts), and the membership history refreshed in one transaction per
// segment, so a crash never leaves a half-recorded refresh.
import { randomBytes } from 'node:crypto';
import type { SegmentExpr } from '@centric/contracts';
import type { Segment, SegmentMembers, SegmentStore } from '../segment-store';
import { duckdbDialect } from '../sql/dialect';
import { buildSegmentMembersQuery } from '../sql/segment-query';
import type { DuckDbDatabase, Row } from './duckdb-database';
import { inTransaction } from './staging';

const COLUMNS = 'segment_id, name, rule, epoch_ms(created_at) AS created, epoch_ms(updated_at) AS updated';
const ts = (param: string) => duckdbDialect.timestampFromMs(`$${param}`);

export const newSegmentId = (): string => `seg_${randomBytes(9).toString('base64url')}`;

export class DuckDbSegmentStore implements SegmentStore {
  constructor(private readonly db: DuckDbDatabase) {}

  async create(
    projectId: string,
    { name, rule, at = Date.now() }: { name: string; rule: string; at?: number },
  ) {
    const segmentId = newSegmentId();
    await this.db.execute(
      `INSERT INTO segments VALUES ($projectId, $segmentId, $name, $rule, ${ts('at')}, ${ts('at')})`,
      { projectId, segmentId, name, rule, at },
    );
    return { segmentId, name, rule, createdAt: at, updatedAt: at };
  }

  async update(
    projectId: string,
    segmentId: string,
    change: { name?: string; rule?: string; at?: number },
  ): Promise<Segment | null> {
    const current = await this.get(projectId, segmentId);
    if (!current) return null;
    const next: Segment = {
      ...current,
      name: change.name ?? current.name,
      rule: change.rule ?? current.rule,
      updatedAt: change.at ?? Date.now(),
    };
    await this.db.execute(
      `UPDATE segments SET name = $name, rule = $rule, updated_at = ${ts('at')}
       WHERE project_id = $projectId AND segment_id = $segmentId`,
      { projectId, segmentId, name: next.name, rule: next.rule, at: next.updatedAt },
    );
    return next;
  }

  async remove(projectId: string, segmentId: string): Promise<boolean> {
    if (!(await this.get(projectId, segmentId))) return false;
    const params = { projectId, segmentId };
    const where = 'WHERE project_id = $projectId AND segment_id = $segmentId';
    await this.db.transaction([
      { sql: `DELETE FROM segment_memberships ${where}`, params },
      { sql: `DELETE FROM segments ${where}`, params },
    ]);
    return true;
  }

  async get(projectId: string, segmentId: string): Promise<Segment | null> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM segments WHERE project_id = $projectId AND segment_id = $segmentId`,
      { projectId, segmentId },
    );
    return rows[0] ? toSegment(rows[0]) : null;
  }

  async list(projectId: string): Promise<Segment[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM segments WHERE project_id = $projectId ORDER BY created_at, segment_id`,
      { projectId },
    );
    return rows.map(toSegment);
  }

  async members(
    projectId: string,
    { ast, now, limit }: { ast: SegmentExpr; now: number; limit?: number },
  ): Promise<SegmentMembers> {
    const q = buildSegmentMembersQuery(ast, { projectId, now }, duckdbDialect);
    if (limit === 0) {
      const rows = await this.db.query(`SELECT count(*) AS n FROM (${q.sql}) m`, q.params);
      return { count: Number(rows[0]?.n ?? 0), profileIds: [] };
    }
    // One pass: the window count sees every member before the limit cuts the list.
    const rows = await this.db.query(
      `SELECT profile_id, count(*) OVER () AS total FROM (${q.sql}) m ORDER BY profile_id
       ${limit === undefined ? '' : 'LIMIT CAST($limit AS BIGINT)'}`,
      limit === undefined ? q.params : { ...q.params, limit },
    );
    return { count: Number(rows[0]?.total ?? 0), profileIds: rows.map((r) => String(r.profile_id)) };
  }

  async refreshMemberships(
    projectId: string,
    { now, parse }: { now: number; parse: (rule: string) => SegmentExpr },
  ): Promise<{ entered: number; left: number; failed: string[] }> {
    let entered = 0;
    let left = 0;
    const failed: string[] = [];
    for (const segment of await this.list(projectId)) {
      let ast: SegmentExpr;
      try {
        ast = parse(segment.rule);
      } catch {
        failed.push(segment.segmentId);
        continue;
      }
      const changed = await this.refreshOne(projectId, { segmentId: segment.segmentId, ast, now });
      entered += changed.entered;
      left += changed.left;
    }
    return { entered, left, failed };
  }

  private refreshOne(
    projectId: string,
    { segmentId, ast, now }: { segmentId: string; ast: SegmentExpr; now: number },
  ): Promise<{ entered: number; left: number }> {
    const q = buildSegmentMembersQuery(ast, { projectId, now }, duckdbDialect);
    const params = { projectId, segmentId, at: Math.floor(now) };
    return this.db.withWriter((c) =>
      inTransaction(c, async () => {
        // Rolled back with the transaction on failure; dropped here on success.
        await c.run(`CREATE OR REPLACE TEMP TABLE segment_now AS ${q.sql}`, q.params);
        const gone = await c.run(
          `UPDATE segment_memberships SET left_at = ${ts('at')}
           WHERE project_id = $projectId AND segment_id = $segmentId AND left_at IS NULL
             AND profile_id NOT IN (SELECT profile_id FROM segment_now)`,
          params,
        );
        const come = await c.run(
          `INSERT INTO segment_memberships
           SELECT $projectId, $segmentId, s.profile_id, ${ts('at')}, NULL FROM segment_now s
           WHERE NOT EXISTS (
             SELECT 1 FROM segment_memberships m
             WHERE m.project_id = $projectId AND m.segment_id = $segmentId AND m.left_at IS NULL
               AND m.profile_id = s.profile_id)`,
          params,
        );
        await c.run('DROP TABLE segment_now');
        return { entered: Number(come.rowsChanged), left: Number(gone.rowsChanged) };
      }),
    );
  }

  async currentMembers(projectId: string, segmentId: string): Promise<string[]> {
    const rows = await this.db.query(
      `SELECT profile_id FROM segment_memberships
       WHERE project_id = $projectId AND segment_id = $segmentId AND left_at IS NULL ORDER BY profile_id`,
      { projectId, segmentId },
    );
    return rows.map((r) => String(r.profile_id));
  }
}

function toSegment(r: Row): Segment {
  return {
    segmentId: String(r.segment_id),
    name: String(r.name),
    rule: String(r.rule),
    createdAt: Number(r.created),
    updatedAt: Number(r.updated),
  };
}
