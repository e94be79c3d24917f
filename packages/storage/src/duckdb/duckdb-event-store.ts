// EventStore on DuckDB: atomic appends through the appender, analyses from the SQL builders.
import { duckdbDialect } from '../sql/dialect';
import { buildEventsPerDayQuery, buildOverviewQuery } from '../sql/overview-query';
import type {
  AppendReport,
  EventQuery,
  EventStore,
  OrderItem,
  OverviewFigures,
  StoredEvent,
  TimeRange,
  VisitorSession,
} from '../store';
import type { DuckDbDatabase, Row } from './duckdb-database';
import { appendEventRow, appendOrderItemRow } from './event-appender';
import { inTransaction, stageRows } from './staging';

const EVENT_COLUMNS = `project_id, message_id, type, event, anonymous_id, user_id, previous_id, session_id, channel,
  epoch_ms(ts) AS ts_ms, epoch_ms(received_at) AS received_ms, product_id, order_id, revenue, value, currency,
  quantity, query, category, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_path, referrer,
  CAST(properties AS VARCHAR) AS properties, CAST(context AS VARCHAR) AS context, CAST(traits AS VARCHAR) AS traits`;

export class DuckDbEventStore implements EventStore {
  constructor(private readonly db: DuckDbDatabase) {}

  async append({
    events,
    orderItems,
  }: {
    events: readonly StoredEvent[];
    orderItems: readonly OrderItem[];
  }): Promise<AppendReport> {
    const started = performance.now();
    if (events.length === 0 && orderItems.length === 0) return { events: 0, orderItems: 0, ms: 0 };
    await this.db.withWriter((writer) =>
      // DuckDB writes and syncs its WAL on commit: once this resolves, the rows survive a crash.
      inTransaction(writer, async () => {
        if (events.length > 0) {
          const ap = await writer.createAppender('events');
          try {
            for (const e of events) appendEventRow(ap, e);
            ap.flushSync();
          } finally {
            ap.closeSync();
          }
        }
        if (orderItems.length > 0) {
          const ap = await writer.createAppender('order_items');
          try {
            for (const item of orderItems) appendOrderItemRow(ap, item);
            ap.flushSync();
          } finally {
            ap.closeSync();
          }
        }
      }),
    );
    return { events: events.length, orderItems: orderItems.length, ms: performance.now() - started };
  }

  async appendNew({
    events,
    orderItems,
  }: {
    events: readonly StoredEvent[];
    orderItems: readonly OrderItem[];
  }): Promise<{ inserted: number; duplicates: number; duplicateIds: string[] }> {
    if (events.length === 0) return { inserted: 0, duplicates: 0, duplicateIds: [] };
    return this.db.withWriter((writer) =>
      inTransaction(writer, async () => {
        await stageRows(writer, {
          name: 'stage_events',
          like: 'events',
          append: (ap) => {
            for (const e of events) appendEventRow(ap, e);
          },
        });
        await stageRows(writer, {
          name: 'stage_items',
          like: 'order_items',
          append: (ap) => {
            for (const i of orderItems) appendOrderItemRow(ap, i);
          },
        });
        // First row per message id within the batch, and none already stored.
        await writer.run(`CREATE OR REPLACE TEMP TABLE stage_new AS
          SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY project_id, message_id) AS n FROM stage_events) s
          WHERE n = 1 AND NOT EXISTS (
            SELECT 1 FROM events e WHERE e.project_id = s.project_id AND e.message_id = s.message_id)`);
        const inserted = await writer.run('INSERT INTO events SELECT * EXCLUDE (n) FROM stage_new');
        await writer.run(`INSERT INTO order_items SELECT i.* FROM stage_items i
          WHERE EXISTS (SELECT 1 FROM stage_new s WHERE s.project_id = i.project_id AND s.message_id = i.message_id)`);
        const dup = await writer.runAndReadAll(
          'SELECT DISTINCT message_id FROM stage_events s WHERE NOT EXISTS (SELECT 1 FROM stage_new n WHERE n.message_id = s.message_id)',
        );
        await writer.run('DROP TABLE stage_events; DROP TABLE stage_items; DROP TABLE stage_new;');
        const n = Number(inserted.rowsChanged);
        return {
          inserted: n,
          duplicates: events.length - n,
          duplicateIds: dup.getRowObjectsJS().map((r) => String(r.message_id)),
        };
      }),
    );
  }

  async assignSessions({ projectId, timeoutMs }: { projectId: string; timeoutMs: number }): Promise<number> {
    // The session rule of @centric/core in SQL: a gap over the timeout, or an event with a
    // campaign other than the visitor's last one, starts a session. Ids are derived from the
    // visitor and the session start, so re-running gives the same ids.
    const result = await this.db.withWriter((writer) =>
      inTransaction(writer, () =>
        writer.run(
          `UPDATE events SET session_id = s.sid
           FROM (
             WITH touched AS (
               SELECT DISTINCT coalesce(anonymous_id, user_id) AS v FROM events
               WHERE project_id = $projectId AND session_id IS NULL
             ),
             ev AS (
               SELECT rowid AS rid, coalesce(anonymous_id, user_id) AS v, ts, session_id,
                      nullif(concat_ws('|', utm_source, utm_medium, utm_campaign), '') AS camp
               FROM events
               WHERE project_id = $projectId AND coalesce(anonymous_id, user_id) IN (SELECT v FROM touched)
             ),
             marked AS (
               SELECT *, CASE
                 WHEN lag(ts) OVER w IS NULL THEN 1
                 WHEN epoch_ms(ts) - epoch_ms(lag(ts) OVER w) > CAST($timeoutMs AS BIGINT) THEN 1
                 WHEN camp IS NOT NULL AND camp IS DISTINCT FROM last_value(camp IGNORE NULLS) OVER (
                   PARTITION BY v ORDER BY ts, rid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 1
                 ELSE 0 END AS starts
               FROM ev WINDOW w AS (PARTITION BY v ORDER BY ts, rid)
             ),
             numbered AS (
               SELECT *, sum(starts) OVER (PARTITION BY v ORDER BY ts, rid ROWS UNBOUNDED PRECEDING) AS sn FROM marked
             )
             SELECT rid, md5(v || ':' || epoch_ms(min(ts) OVER (PARTITION BY v, sn)))[1:16] AS sid
             FROM numbered WHERE session_id IS NULL
           ) s
           WHERE events.rowid = s.rid`,
          { projectId, timeoutMs },
        ),
      ),
    );
    return Number(result.rowsChanged);
  }

  async countEvents(projectId: string): Promise<number> {
    const rows = await this.db.query('SELECT count(*) AS n FROM events WHERE project_id = $projectId', {
      projectId,
    });
    return Number(rows[0]?.n ?? 0);
  }

  async listEvents({ projectId, limit, visitor }: EventQuery): Promise<StoredEvent[]> {
    const visitorFilter = visitor === undefined ? '' : 'AND (anonymous_id = $visitor OR user_id = $visitor)';
    const params: Record<string, string | number> = { projectId, limit };
    if (visitor !== undefined) params.visitor = visitor;
    const rows = await this.db.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE project_id = $projectId ${visitorFilter}
       ORDER BY ts DESC, message_id LIMIT CAST($limit AS BIGINT)`,
      params,
    );
    return rows.map(toStoredEvent);
  }

  async overview(query: { projectId: string; range: TimeRange }): Promise<OverviewFigures> {
    const kpis = buildOverviewQuery(query, duckdbDialect);
    const perDay = buildEventsPerDayQuery(query, duckdbDialect);
    const [rows, days] = await Promise.all([
      this.db.query(kpis.sql, kpis.params),
      this.db.query(perDay.sql, perDay.params),
    ]);
    const r = rows[0] ?? {};
    return {
      events: Number(r.events ?? 0),
      visitors: Number(r.visitors ?? 0),
      sessions: Number(r.sessions ?? 0),
      orders: Number(r.orders ?? 0),
      revenue: Number(r.revenue ?? 0),
      currency: (r.currency as string | null | undefined) ?? null,
      convertingSessions: Number(r.converting_sessions ?? 0),
      eventsPerDay: days.map((d) => ({ day: dayText(d.day), events: Number(d.events) })),
    };
  }

  async recentMessageIds({ sinceMs, limit }: { sinceMs: number; limit: number }) {
    const rows = await this.db.query(
      `SELECT project_id, message_id FROM events WHERE received_at >= make_timestamp(CAST($sinceMs AS BIGINT) * 1000)
       ORDER BY received_at DESC LIMIT CAST($limit AS BIGINT)`,
      { sinceMs, limit },
    );
    return rows.map((r) => ({ projectId: String(r.project_id), messageId: String(r.message_id) }));
  }

  async recentSessions({ sinceMs }: { sinceMs: number }): Promise<VisitorSession[]> {
    const rows = await this.db.query(
      `SELECT project_id, coalesce(anonymous_id, user_id) AS visitor_key, session_id,
              epoch_ms(min(ts)) AS started, epoch_ms(max(ts)) AS last,
              coalesce(arg_min(concat_ws('|', utm_source, utm_medium, utm_campaign), ts), '') AS campaign
       FROM events
       WHERE ts >= make_timestamp(CAST($sinceMs AS BIGINT) * 1000) AND session_id IS NOT NULL
       GROUP BY project_id, visitor_key, session_id
       QUALIFY row_number() OVER (PARTITION BY project_id, visitor_key ORDER BY last DESC) = 1`,
      { sinceMs },
    );
    return rows.map((r) => ({
      projectId: String(r.project_id),
      visitorKey: String(r.visitor_key),
      sessionId: String(r.session_id),
      startedAt: Number(r.started),
      lastEventAt: Number(r.last),
      campaign: String(r.campaign ?? ''),
    }));
  }

  async checkpoint(): Promise<void> {
    await this.db.checkpoint();
  }
}

/** Events of any of the identities ('a:...' / 'u:...'), newest first. */
export async function eventsOfIdentities(
  db: DuckDbDatabase,
  { projectId, identities, limit }: { projectId: string; identities: readonly string[]; limit: number },
): Promise<StoredEvent[]> {
  const users = identities.filter((i) => i.startsWith('u:')).map((i) => i.slice(2));
  const anons = identities.filter((i) => i.startsWith('a:')).map((i) => i.slice(2));
  if (users.length === 0 && anons.length === 0) return [];
  const params: Record<string, string | number> = { projectId, limit };
  users.forEach((u, i) => {
    params[`u${i}`] = u;
  });
  anons.forEach((a, i) => {
    params[`a${i}`] = a;
  });
  const conditions = [
    users.length > 0 ? `user_id IN (${users.map((_, i) => `$u${i}`).join(', ')})` : null,
    anons.length > 0 ? `anonymous_id IN (${anons.map((_, i) => `$a${i}`).join(', ')})` : null,
  ].filter((c) => c !== null);
  const rows = await db.query(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE project_id = $projectId AND (${conditions.join(' OR ')})
     ORDER BY ts DESC, message_id LIMIT CAST($limit AS BIGINT)`,
    params,
  );
  return rows.map(toStoredEvent);
}

function dayText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toStoredEvent(r: Row): StoredEvent {
  return {
    projectId: String(r.project_id),
    messageId: String(r.message_id),
    type: String(r.type) as StoredEvent['type'],
    event: str(r.event),
    anonymousId: str(r.anonymous_id),
    userId: str(r.user_id),
    previousId: str(r.previous_id),
    sessionId: str(r.session_id),
    channel: String(r.channel) as StoredEvent['channel'],
    timestamp: Number(r.ts_ms),
    receivedAt: Number(r.received_ms),
    productId: str(r.product_id),
    orderId: str(r.order_id),
    revenue: num(r.revenue),
    value: num(r.value),
    currency: str(r.currency),
    quantity: num(r.quantity),
    query: str(r.query),
    category: str(r.category),
    utmSource: str(r.utm_source),
    utmMedium: str(r.utm_medium),
    utmCampaign: str(r.utm_campaign),
    utmTerm: str(r.utm_term),
    utmContent: str(r.utm_content),
    pagePath: str(r.page_path),
    referrer: str(r.referrer),
    properties: str(r.properties),
    context: str(r.context),
    traits: str(r.traits),
  };
}
