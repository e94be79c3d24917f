// TriggerStore on DuckDB: configurations in `triggers` (targeting, capping, content and settings
// as JSON), interactions and performance from the Trigger events (their trigger id is a JSON
// property), segment members' identities from segment_memberships joined with identity_links.
import { randomBytes } from 'node:crypto';
import {
  TRIGGER_CLICKED_EVENT,
  TRIGGER_DISMISSED_EVENT,
  TRIGGER_EVENTS,
  TRIGGER_KINDS,
  TRIGGER_SHOWN_EVENT,
  type TriggerDefinition,
  type TriggerKind,
} from '@centric/contracts';
import { duckdbDialect } from '../sql/dialect';
import type { TimeRange } from '../store';
import type {
  SavedTrigger,
  SegmentMemberIdentity,
  TriggerInteractionRow,
  TriggerPerformanceFigures,
  TriggerStore,
} from '../trigger-store';
import type { DuckDbDatabase, Row } from './duckdb-database';

const ts = (param: string) => duckdbDialect.timestampFromMs(`$${param}`);
const COLUMNS = `trigger_id, name, kind, active, priority, CAST(targeting AS VARCHAR) AS targeting,
  CAST(capping AS VARCHAR) AS capping, CAST(content AS VARCHAR) AS content,
  CAST(settings AS VARCHAR) AS settings, epoch_ms(created_at) AS created, epoch_ms(updated_at) AS updated`;
const TRIGGER_ID = "json_extract_string(properties, '$.trigger_id')";
const EVENT_KIND = `CASE event WHEN '${TRIGGER_SHOWN_EVENT}' THEN 'shown' WHEN '${TRIGGER_CLICKED_EVENT}' THEN 'clicked'
  ELSE 'dismissed' END`;
const EVENT_LIST = TRIGGER_EVENTS.map((e) => `'${e}'`).join(', ');

export const newTriggerId = (): string => `trg_${randomBytes(9).toString('base64url')}`;

export class DuckDbTriggerStore implements TriggerStore {
  constructor(private readonly db: DuckDbDatabase) {}

  async list(projectId: string): Promise<SavedTrigger[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM triggers WHERE project_id = $projectId ORDER BY created_at, trigger_id`,
      { projectId },
    );
    return rows.map(toTrigger);
  }

  async get(projectId: string, triggerId: string): Promise<SavedTrigger | null> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM triggers WHERE project_id = $projectId AND trigger_id = $triggerId`,
      { projectId, triggerId },
    );
    return rows[0] ? toTrigger(rows[0]) : null;
  }

  async create(projectId: string, { at = Date.now(), ...trigger }: TriggerDefinition & { at?: number }) {
    const triggerId = newTriggerId();
    await this.db.execute(
      `INSERT INTO triggers VALUES ($projectId, $triggerId, $name, $kind, CAST($active AS BOOLEAN), $priority,
         $targeting, $capping, $content, $settings, ${ts('at')}, ${ts('at')})`,
      { projectId, triggerId, at, ...definitionParams(trigger) },
    );
    return { ...trigger, triggerId, createdAt: at, updatedAt: at };
  }

  async update(
    projectId: string,
    triggerId: string,
    { at = Date.now(), ...trigger }: TriggerDefinition & { at?: number },
  ): Promise<SavedTrigger | null> {
    const current = await this.get(projectId, triggerId);
    if (!current) return null;
    await this.db.execute(
      `UPDATE triggers SET name = $name, kind = $kind, active = CAST($active AS BOOLEAN), priority = $priority,
         targeting = $targeting, capping = $capping, content = $content, settings = $settings,
         updated_at = ${ts('at')}
       WHERE project_id = $projectId AND trigger_id = $triggerId`,
      { projectId, triggerId, at, ...definitionParams(trigger) },
    );
    return { ...trigger, triggerId, createdAt: current.createdAt, updatedAt: at };
  }

  async remove(projectId: string, triggerId: string): Promise<boolean> {
    const params = { projectId, triggerId };
    const where = 'WHERE project_id = $projectId AND trigger_id = $triggerId';
    const found = await this.db.query(`SELECT 1 FROM triggers ${where}`, params);
    if (found.length === 0) return false;
    await this.db.execute(`DELETE FROM triggers ${where}`, params);
    return true;
  }

  async interactions(
    projectId: string,
    { sinceMs, limit }: { sinceMs: number; limit: number },
  ): Promise<TriggerInteractionRow[]> {
    const rows = await this.db.query(
      `SELECT * FROM (
         SELECT message_id, anonymous_id, user_id, ${TRIGGER_ID} AS trigger_id, ${EVENT_KIND} AS kind,
                epoch_ms(ts) AS at_ms
         FROM events
         WHERE project_id = $projectId AND event IN (${EVENT_LIST}) AND ts >= ${ts('sinceMs')}
           AND ${TRIGGER_ID} IS NOT NULL
         ORDER BY ts DESC, message_id LIMIT CAST($limit AS BIGINT)
       ) ORDER BY at_ms, message_id`,
      { projectId, sinceMs, limit },
    );
    return rows.map((r) => ({
      messageId: String(r.message_id),
      anonymousId: r.anonymous_id === null ? null : String(r.anonymous_id),
      userId: r.user_id === null ? null : String(r.user_id),
      triggerId: String(r.trigger_id),
      kind: r.kind as TriggerInteractionRow['kind'],
      at: Number(r.at_ms),
    }));
  }

  async performance(
    projectId: string,
    { range }: { range: TimeRange },
  ): Promise<TriggerPerformanceFigures[]> {
    const rows = await this.db.query(
      `SELECT ${TRIGGER_ID} AS trigger_id,
              coalesce(any_value(json_extract_string(properties, '$.kind')), '') AS kind,
              count(*) FILTER (WHERE event = '${TRIGGER_SHOWN_EVENT}') AS shown,
              count(*) FILTER (WHERE event = '${TRIGGER_CLICKED_EVENT}') AS clicked,
              count(*) FILTER (WHERE event = '${TRIGGER_DISMISSED_EVENT}') AS dismissed,
              count(DISTINCT coalesce(anonymous_id, user_id)) FILTER (WHERE event = '${TRIGGER_SHOWN_EVENT}') AS visitors
       FROM events
       WHERE project_id = $projectId AND event IN (${EVENT_LIST})
         AND ts >= ${ts('startMs')} AND ts < ${ts('endMs')} AND ${TRIGGER_ID} IS NOT NULL
       GROUP BY 1
       ORDER BY shown DESC, trigger_id`,
      { projectId, startMs: range.startMs, endMs: range.endMs },
    );
    return rows.map((r) => ({
      triggerId: String(r.trigger_id),
      kind: String(r.kind),
      shown: Number(r.shown),
      clicked: Number(r.clicked),
      dismissed: Number(r.dismissed),
      visitors: Number(r.visitors),
    }));
  }

  async segmentMemberIdentities(
    projectId: string,
    segmentIds: readonly string[],
  ): Promise<SegmentMemberIdentity[]> {
    if (segmentIds.length === 0) return [];
    const params: Record<string, string> = { projectId };
    segmentIds.forEach((id, i) => {
      params[`s${i}`] = id;
    });
    const rows = await this.db.query(
      `WITH m AS (
         SELECT DISTINCT segment_id, profile_id FROM segment_memberships
         WHERE project_id = $projectId AND left_at IS NULL
           AND segment_id IN (${segmentIds.map((_, i) => `$s${i}`).join(', ')})
       )
       SELECT segment_id, profile_id AS identity FROM m
       UNION
       SELECT m.segment_id, l.identity FROM m
       JOIN identity_links l ON l.project_id = $projectId AND l.profile_id = m.profile_id
       ORDER BY 1, 2`,
      params,
    );
    return rows.map((r) => ({ segmentId: String(r.segment_id), identity: String(r.identity) }));
  }
}

function definitionParams(t: TriggerDefinition): Record<string, string | number> {
  return {
    name: t.name,
    kind: t.kind,
    active: t.active ? 1 : 0,
    priority: t.priority,
    targeting: JSON.stringify(t.targeting),
    capping: JSON.stringify(t.capping),
    content: JSON.stringify(t.content),
    settings: JSON.stringify(t.settings),
  };
}

function toTrigger(r: Row): SavedTrigger {
  const kind = String(r.kind);
  return {
    triggerId: String(r.trigger_id),
    name: String(r.name),
    // A kind written by a newer version is kept but never shown: read as inactive.
    kind: (TRIGGER_KINDS as readonly string[]).includes(kind) ? (kind as TriggerKind) : 'carousel',
    active: (TRIGGER_KINDS as readonly string[]).includes(kind) && Boolean(r.active),
    priority: Number(r.priority),
    targeting: JSON.parse(String(r.targeting)),
    capping: JSON.parse(String(r.capping)),
    content: JSON.parse(String(r.content)),
    settings: JSON.parse(String(r.settings)),
    createdAt: Number(r.created),
    updatedAt: Number(r.updated),
  };
}
