// StateStore on DuckDB: projects and their keys. The write key is public (it sits in shop
// pages); the secret key grants queries and administration of one project.
import { randomBytes } from 'node:crypto';
import type { KeyKind, Project, ProjectKeys, StateStore } from '../store';
import type { DuckDbDatabase, Row } from './duckdb-database';

/** A random key with a readable prefix; 24 bytes of entropy, URL-safe. */
export function newKey(prefix: 'wk' | 'sk' | 'prj'): string {
  return `${prefix}_${randomBytes(prefix === 'prj' ? 9 : 24).toString('base64url')}`;
}

export class DuckDbStateStore implements StateStore {
  constructor(private readonly db: DuckDbDatabase) {}

  async createProject({ name }: { name: string }): Promise<{ project: Project; keys: ProjectKeys }> {
    const id = newKey('prj');
    const createdAt = Date.now();
    const keys: ProjectKeys = { projectId: id, writeKey: newKey('wk'), secretKey: newKey('sk') };
    const at = 'make_timestamp(CAST($createdAt AS BIGINT) * 1000)';
    // One transaction: a project never exists without its keys.
    await this.db.transaction([
      { sql: `INSERT INTO projects VALUES ($id, $name, ${at}, NULL)`, params: { id, name, createdAt } },
      {
        sql: `INSERT INTO api_keys VALUES ($key, $id, 'write', ${at}, NULL)`,
        params: { key: keys.writeKey, id, createdAt },
      },
      {
        sql: `INSERT INTO api_keys VALUES ($key, $id, 'secret', ${at}, NULL)`,
        params: { key: keys.secretKey, id, createdAt },
      },
    ]);
    return { project: { id, name, createdAt }, keys };
  }

  async listProjects(): Promise<Project[]> {
    const rows = await this.db.query(
      'SELECT id, name, epoch_ms(created_at) AS created FROM projects ORDER BY created_at, id',
    );
    return rows.map(toProject);
  }

  async getProject(id: string): Promise<Project | null> {
    const rows = await this.db.query(
      'SELECT id, name, epoch_ms(created_at) AS created FROM projects WHERE id = $id',
      {
        id,
      },
    );
    return rows[0] ? toProject(rows[0]) : null;
  }

  async projectKeys(projectId: string): Promise<ProjectKeys | null> {
    const rows = await this.db.query(
      `SELECT kind, key FROM api_keys WHERE project_id = $projectId AND revoked_at IS NULL ORDER BY created_at`,
      { projectId },
    );
    const writeKey = rows.find((r) => r.kind === 'write')?.key;
    const secretKey = rows.find((r) => r.kind === 'secret')?.key;
    if (typeof writeKey !== 'string' || typeof secretKey !== 'string') return null;
    return { projectId, writeKey, secretKey };
  }

  async resolveKey(key: string): Promise<{ projectId: string; kind: KeyKind } | null> {
    const rows = await this.db.query(
      'SELECT project_id, kind FROM api_keys WHERE key = $key AND revoked_at IS NULL',
      {
        key,
      },
    );
    const row = rows[0];
    if (!row) return null;
    return { projectId: String(row.project_id), kind: row.kind === 'secret' ? 'secret' : 'write' };
  }
}

function toProject(r: Row): Project {
  return { id: String(r.id), name: String(r.name), createdAt: Number(r.created) };
}
