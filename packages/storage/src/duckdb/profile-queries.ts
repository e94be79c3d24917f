// Read-side queries of the ProfileStore on DuckDB: activity and orders per resolved profile,
// and which profiles new events touched. Orders leave out cancelled ones, as every KPI does.

import { SYSTEM_EVENTS } from '@centric/contracts';
import type { ProfileActivity, ProfileOrder } from '../profile-store';
import { duckdbDialect } from '../sql/dialect';
import { resolvedEventsSql } from '../sql/resolved-events';
import type { DuckDbDatabase } from './duckdb-database';

function profileFilter(
  profileIds: readonly string[] | undefined,
  params: Record<string, string | number>,
): string {
  if (!profileIds) return '';
  if (profileIds.length === 0) return 'AND false';
  profileIds.forEach((id, i) => {
    params[`p${i}`] = id;
  });
  return `AND profile_id IN (${profileIds.map((_, i) => `$p${i}`).join(', ')})`;
}

export async function profileActivity(
  db: DuckDbDatabase,
  projectId: string,
  profileIds?: readonly string[],
): Promise<ProfileActivity[]> {
  const params: Record<string, string | number> = { projectId };
  const filter = profileFilter(profileIds, params);
  const rows = await db.query(
    `SELECT profile_id, epoch_ms(min(ts)) AS first_seen, epoch_ms(max(ts)) AS last_seen, count(*) AS events,
            count(DISTINCT session_id) AS sessions, string_agg(DISTINCT channel, ',' ORDER BY channel) AS channels
     FROM ${resolvedEventsSql(duckdbDialect, {
       projectParam: '$projectId',
       columns: 'e.ts, e.session_id, e.channel',
       where: `coalesce(e.event, '') NOT IN (${SYSTEM_EVENTS.map((n) => `'${n}'`).join(', ')})`,
     })} r
     WHERE true ${filter}
     GROUP BY profile_id`,
    params,
  );
  return rows.map((r) => ({
    profileId: String(r.profile_id),
    firstSeen: Number(r.first_seen),
    lastSeen: Number(r.last_seen),
    events: Number(r.events),
    sessions: Number(r.sessions),
    channels: String(r.channels ?? '')
      .split(',')
      .filter(Boolean),
  }));
}

export async function profileOrders(
  db: DuckDbDatabase,
  projectId: string,
  until: number,
  profileIds?: readonly string[],
): Promise<ProfileOrder[]> {
  const params: Record<string, string | number> = { projectId, until };
  const filter = profileFilter(profileIds, params);
  const rows = await db.query(
    `SELECT profile_id, coalesce(order_id, message_id) AS oid, epoch_ms(min(ts)) AS at_ms, any_value(coalesce(revenue, 0)) AS revenue
     FROM ${resolvedEventsSql(duckdbDialect, {
       projectParam: '$projectId',
       columns: 'e.ts, e.order_id, e.message_id, e.revenue',
       where: `e.event = 'Order Completed' AND e.ts <= make_timestamp(CAST($until AS BIGINT) * 1000)
         AND coalesce(e.order_id, e.message_id) NOT IN (
           SELECT order_id FROM events WHERE project_id = $projectId AND event = 'Order Cancelled' AND order_id IS NOT NULL)`,
     })} r
     WHERE true ${filter}
     GROUP BY profile_id, oid ORDER BY profile_id, at_ms`,
    params,
  );
  return rows.map((r) => ({
    profileId: String(r.profile_id),
    orderId: String(r.oid),
    at: Number(r.at_ms),
    revenue: Number(r.revenue),
  }));
}

export async function profilesTouchedSince(
  db: DuckDbDatabase,
  projectId: string,
  since: number,
): Promise<string[]> {
  const rows = await db.query(
    `SELECT DISTINCT profile_id FROM ${resolvedEventsSql(duckdbDialect, {
      projectParam: '$projectId',
      columns: 'e.received_at',
      where: 'e.received_at >= make_timestamp(CAST($since AS BIGINT) * 1000)',
    })} r ORDER BY 1`,
    { projectId, since },
  );
  return rows.map((r) => String(r.profile_id));
}
