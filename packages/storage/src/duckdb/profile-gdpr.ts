// GDPR for one customer: export everything held about the profile, and erase it. Erasure
// deletes in one transaction, then scans every text column of every table for the customer's
// identifiers, so "erased" is checked, not assumed.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ErasureReport, ProfileExport, ProfileMerge, ProfileTraits } from '../profile-store';
import type { DuckDbDatabase, Row } from './duckdb-database';
import { inTransaction } from './staging';

export interface ProfileIdentifiers {
  profileIds: string[];
  identities: string[];
  userIds: string[];
  anonymousIds: string[];
  emailHashes: string[];
}

export function identifiersOf(
  profileId: string,
  identities: readonly string[],
  merges: readonly ProfileMerge[],
): ProfileIdentifiers {
  const userIds = identities.filter((i) => i.startsWith('u:')).map((i) => i.slice(2));
  return {
    profileIds: [...new Set([profileId, ...merges.flatMap((m) => [m.keptProfile, m.mergedProfile])])],
    identities: [...identities],
    userIds,
    anonymousIds: identities.filter((i) => i.startsWith('a:')).map((i) => i.slice(2)),
    emailHashes: userIds.filter((u) => u.startsWith('email:')).map((u) => u.slice('email:'.length)),
  };
}

/** `name IN ($x0, $x1, ...)` with the values put into params; `false` for an empty list. */
function inList(
  column: string,
  values: readonly string[],
  prefix: string,
  params: Record<string, string>,
): string {
  if (values.length === 0) return 'false';
  values.forEach((v, i) => {
    params[`${prefix}${i}`] = v;
  });
  return `${column} IN (${values.map((_, i) => `$${prefix}${i}`).join(', ')})`;
}

function eventFilter(ids: ProfileIdentifiers, params: Record<string, string>): string {
  return `(${inList('user_id', ids.userIds, 'u', params)} OR ${inList('anonymous_id', ids.anonymousIds, 'a', params)} OR ${inList(
    'previous_id',
    [...ids.userIds, ...ids.anonymousIds],
    'v',
    params,
  )})`;
}

const plain = (rows: Row[]) =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        v instanceof Date ? v.toISOString() : typeof v === 'object' && v !== null ? String(v) : v,
      ]),
    ),
  );

export async function exportProfile(
  db: DuckDbDatabase,
  {
    projectId,
    ids,
    traits,
    merges,
  }: { projectId: string; ids: ProfileIdentifiers; traits: ProfileTraits | null; merges: ProfileMerge[] },
): Promise<ProfileExport> {
  const params: Record<string, string> = { projectId };
  const events = await db.query(
    `SELECT * REPLACE (CAST(properties AS VARCHAR) AS properties, CAST(context AS VARCHAR) AS context, CAST(traits AS VARCHAR) AS traits)
     FROM events WHERE project_id = $projectId AND ${eventFilter(ids, params)} ORDER BY ts`,
    params,
  );
  const itemParams: Record<string, string> = { projectId };
  const items = await db.query(
    `SELECT * FROM order_items WHERE project_id = $projectId AND message_id IN (
       SELECT message_id FROM events WHERE project_id = $projectId AND ${eventFilter(ids, itemParams)}) ORDER BY ts, position`,
    itemParams,
  );
  const customerParams: Record<string, string> = { projectId };
  const customers = await db.query(
    `SELECT * REPLACE (CAST(attributes AS VARCHAR) AS attributes) FROM customers WHERE project_id = $projectId
     AND (${inList('customer_id', ids.userIds, 'c', customerParams)} OR ${inList('email_hash', ids.emailHashes, 'h', customerParams)})`,
    customerParams,
  );
  const memberParams: Record<string, string> = { projectId };
  const memberships = await db.query(
    `SELECT * FROM segment_memberships WHERE project_id = $projectId AND ${inList('profile_id', ids.profileIds, 'p', memberParams)}`,
    memberParams,
  );
  return {
    profileId: ids.profileIds[0]!,
    identities: ids.identities,
    traits,
    merges,
    customers: plain(customers),
    events: plain(events),
    orderItems: plain(items),
    segmentMemberships: plain(memberships),
  };
}

async function count(c: DuckDBConnection, sql: string, params: Record<string, string>): Promise<number> {
  const reader = await c.runAndReadAll(sql, params);
  return Number(reader.getRowObjectsJS()[0]?.n ?? 0);
}

export async function eraseProfile(
  db: DuckDbDatabase,
  { projectId, ids }: { projectId: string; ids: ProfileIdentifiers },
): Promise<ErasureReport> {
  const deleted: Record<string, number> = {};
  await db.withWriter((c) =>
    inTransaction(c, async () => {
      const run = async (table: string, where: (p: Record<string, string>) => string) => {
        const params: Record<string, string> = { projectId };
        const result = await c.run(
          `DELETE FROM ${table} WHERE project_id = $projectId AND ${where(params)}`,
          params,
        );
        deleted[table] = (deleted[table] ?? 0) + Number(result.rowsChanged);
      };
      await run(
        'order_items',
        (p) =>
          `message_id IN (SELECT message_id FROM events WHERE project_id = $projectId AND ${eventFilter(ids, p)})`,
      );
      await run('events', (p) => eventFilter(ids, p));
      await run(
        'customers',
        (p) =>
          `(${inList('customer_id', ids.userIds, 'c', p)} OR ${inList('email_hash', ids.emailHashes, 'h', p)})`,
      );
      await run(
        'identity_links',
        (p) =>
          `(${inList('profile_id', ids.profileIds, 'p', p)} OR ${inList('identity', ids.identities, 'i', p)})`,
      );
      await run(
        'profile_merges',
        (p) =>
          `(${inList('kept_profile', ids.profileIds, 'k', p)} OR ${inList('merged_profile', [...ids.profileIds, ...ids.identities], 'm', p)})`,
      );
      await run('profile_traits', (p) =>
        inList('profile_id', [...ids.profileIds, ...ids.identities], 't', p),
      );
      await run('segment_memberships', (p) =>
        inList('profile_id', [...ids.profileIds, ...ids.identities], 's', p),
      );
      await run('persona_members', (p) =>
        inList('profile_id', [...ids.profileIds, ...ids.identities], 'q', p),
      );
    }),
  );
  return { deleted, remaining: await scanForIdentifiers(db, projectId, ids) };
}

/**
 * Counts, per table, rows of the project where any text column equals one of the identifiers
 * or any JSON column holds one as a string value.
 */
export async function scanForIdentifiers(
  db: DuckDbDatabase,
  projectId: string,
  ids: ProfileIdentifiers,
): Promise<Record<string, number>> {
  const values = [
    ...new Set([
      ...ids.profileIds,
      ...ids.identities,
      ...ids.userIds,
      ...ids.anonymousIds,
      ...ids.emailHashes,
    ]),
  ];
  const columns = await db.query(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'main' AND table_catalog = current_database() AND (data_type = 'VARCHAR' OR data_type = 'JSON')
       AND table_name IN (SELECT table_name FROM information_schema.columns WHERE column_name = 'project_id')
     ORDER BY table_name, column_name`,
  );
  const byTable = new Map<string, { name: string; json: boolean }[]>();
  for (const r of columns) {
    const table = String(r.table_name);
    if (r.column_name === 'project_id') continue;
    byTable.set(table, [
      ...(byTable.get(table) ?? []),
      { name: String(r.column_name), json: r.data_type === 'JSON' },
    ]);
  }
  const remaining: Record<string, number> = {};
  await db.withWriter(async (c) => {
    for (const [table, cols] of byTable) {
      const params: Record<string, string> = { projectId };
      values.forEach((v, i) => {
        params[`x${i}`] = v;
      });
      const list = values.map((_, i) => `$x${i}`).join(', ');
      const conditions = cols.map((col) =>
        col.json
          ? values
              .map((_, i) => `contains(CAST("${col.name}" AS VARCHAR), '"' || $x${i} || '"')`)
              .join(' OR ')
          : `"${col.name}" IN (${list})`,
      );
      remaining[table] =
        values.length === 0
          ? 0
          : await count(
              c,
              `SELECT count(*) AS n FROM ${table} WHERE project_id = $projectId AND (${conditions.join(' OR ')})`,
              params,
            );
    }
  });
  return remaining;
}
