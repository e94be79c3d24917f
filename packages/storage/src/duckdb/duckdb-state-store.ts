// StateStore on DuckDB: projects and their keys. The write key is public (it sits in shop
// pages); the secret key grants queries and administration of one project.
import { randomBytes } from 'node:crypto';
import type {
  CatalogueProduct,
  CustomerRow,
  KeyKind,
  Project,
  ProjectKeys,
  ProjectSettings,
  StateStore,
  UpsertReport,
} from '../store';
import { upsertCustomers, upsertProducts } from './catalogue-writes';
import type { DuckDbDatabase, Row } from './duckdb-database';

/** A random key with a readable prefix; 24 bytes of entropy, URL-safe. */
export function newKey(prefix: 'wk' | 'sk' | 'prj'): string {
  return `${prefix}_${randomBytes(prefix === 'prj' ? 9 : 24).toString('base64url')}`;
}

export class DuckDbStateStore implements StateStore {
  constructor(private readonly db: DuckDbDatabase) {}

  async createProject({ name }: { name: string }): Promise<{ project: Project; keys: ProjectKeys }> {
    const id = newKey('prj');
    const settings: ProjectSettings = {
      emailHashKey: randomBytes(32).toString('base64url'),
      keepEmails: false,
    };
    const createdAt = Date.now();
    const keys: ProjectKeys = { projectId: id, writeKey: newKey('wk'), secretKey: newKey('sk') };
    const at = 'make_timestamp(CAST($createdAt AS BIGINT) * 1000)';
    // One transaction: a project never exists without its keys.
    await this.db.transaction([
      {
        sql: `INSERT INTO projects VALUES ($id, $name, ${at}, $settings)`,
        params: { id, name, createdAt, settings: JSON.stringify(settings) },
      },
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

  async projectSettings(projectId: string): Promise<ProjectSettings> {
    const rows = await this.db.query(
      'SELECT CAST(settings AS VARCHAR) AS settings FROM projects WHERE id = $projectId',
      { projectId },
    );
    if (!rows[0]) throw new Error(`project ${projectId} does not exist`);
    const stored = rows[0].settings ? (JSON.parse(String(rows[0].settings)) as Partial<ProjectSettings>) : {};
    if (stored.emailHashKey) {
      return {
        emailHashKey: stored.emailHashKey,
        keepEmails: stored.keepEmails === true,
        ...(stored.demo ? { demo: stored.demo } : {}),
        ...(stored.traitsRefreshedAt !== undefined ? { traitsRefreshedAt: stored.traitsRefreshedAt } : {}),
        ...(stored.clv ? { clv: stored.clv } : {}),
        ...(stored.externalIdTraits ? { externalIdTraits: stored.externalIdTraits } : {}),
        ...(stored.journeys ? { journeys: stored.journeys } : {}),
      };
    }
    // Projects made before settings existed get their hash key on first use.
    return this.writeSettings(projectId, {
      emailHashKey: randomBytes(32).toString('base64url'),
      keepEmails: stored.keepEmails === true,
    });
  }

  async updateProjectSettings(
    projectId: string,
    change: Partial<Omit<ProjectSettings, 'emailHashKey'>>,
  ): Promise<ProjectSettings> {
    const current = await this.projectSettings(projectId);
    return this.writeSettings(projectId, { ...current, ...change });
  }

  private async writeSettings(projectId: string, settings: ProjectSettings): Promise<ProjectSettings> {
    await this.db.execute('UPDATE projects SET settings = $settings WHERE id = $projectId', {
      projectId,
      settings: JSON.stringify(settings),
    });
    return settings;
  }

  upsertProducts(projectId: string, products: readonly CatalogueProduct[]): Promise<UpsertReport> {
    return upsertProducts(this.db, projectId, products);
  }

  async countProducts(projectId: string): Promise<number> {
    const rows = await this.db.query('SELECT count(*) AS n FROM products WHERE project_id = $projectId', {
      projectId,
    });
    return Number(rows[0]?.n ?? 0);
  }

  async listProducts({
    projectId,
    limit,
    offset = 0,
  }: {
    projectId: string;
    limit: number;
    offset?: number;
  }): Promise<CatalogueProduct[]> {
    const rows = await this.db.query(
      `SELECT product_id, title, description, category_path, brand, price, sale_price, currency, availability, image_link, link,
              CAST(attributes AS VARCHAR) AS attributes
       FROM products WHERE project_id = $projectId ORDER BY product_id LIMIT CAST($limit AS BIGINT) OFFSET CAST($offset AS BIGINT)`,
      { projectId, limit, offset },
    );
    const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
    const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({
      productId: String(r.product_id),
      title: String(r.title),
      description: s(r.description),
      categoryPath: s(r.category_path),
      brand: s(r.brand),
      price: n(r.price),
      salePrice: n(r.sale_price),
      currency: s(r.currency),
      availability: s(r.availability),
      imageLink: s(r.image_link),
      link: s(r.link),
      attributes: s(r.attributes),
    }));
  }

  upsertCustomers(projectId: string, customers: readonly CustomerRow[]): Promise<UpsertReport> {
    return upsertCustomers(this.db, projectId, customers);
  }

  async countCustomers(projectId: string): Promise<number> {
    const rows = await this.db.query('SELECT count(*) AS n FROM customers WHERE project_id = $projectId', {
      projectId,
    });
    return Number(rows[0]?.n ?? 0);
  }
}

function toProject(r: Row): Project {
  return { id: String(r.id), name: String(r.name), createdAt: Number(r.created) };
}
