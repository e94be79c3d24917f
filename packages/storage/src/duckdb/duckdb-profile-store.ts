// ProfileStore on DuckDB: the identity graph in identity_links, merges in profile_merges (the
// audit trail, with the identities each merge moved so it can be undone), computed traits in
// profile_traits. Links happen in one transaction per call, so a profile is never half-merged.
import { randomBytes } from 'node:crypto';
import { type DuckDBConnection, DuckDBTimestampValue } from '@duckdb/node-api';
import type {
  ErasureReport,
  ProfileActivity,
  ProfileExport,
  ProfileMerge,
  ProfileOrder,
  ProfileStore,
  ProfileTraits,
} from '../profile-store';
import type { StoredEvent } from '../store';
import type { DuckDbDatabase, Row } from './duckdb-database';
import { eventsOfIdentities } from './duckdb-event-store';
import { eraseProfile, exportProfile, identifiersOf } from './profile-gdpr';
import { profileActivity, profileOrders, profilesTouchedSince } from './profile-queries';
import { inTransaction, stageRows } from './staging';

const newProfileId = () => `p_${randomBytes(9).toString('base64url')}`;
const newMergeId = () => `mrg_${randomBytes(9).toString('base64url')}`;
const tsValue = (ms: number) => new DuckDBTimestampValue(BigInt(Math.round(ms)) * 1000n);

async function rows(
  connection: DuckDBConnection,
  sql: string,
  params: Record<string, string | number>,
): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJS().map((r) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r)) out[k] = typeof v === 'bigint' ? Number(v) : v;
    return out;
  });
}

export class DuckDbProfileStore implements ProfileStore {
  constructor(private readonly db: DuckDbDatabase) {}

  link(
    projectId: string,
    { identities, reason, at }: { identities: readonly string[]; reason: string; at: number },
  ): Promise<string> {
    const unique = [...new Set(identities)];
    if (unique.length === 0) throw new Error('link needs at least one identity');
    return this.db.withWriter((c) =>
      inTransaction(c, () => this.linkIn(c, { projectId, identities: unique, reason, at })),
    );
  }

  linkAll(
    projectId: string,
    groups: readonly { identities: readonly string[]; reason: string; at: number }[],
  ): Promise<string[]> {
    if (groups.length === 0) return Promise.resolve([]);
    return this.db.withWriter((c) =>
      inTransaction(c, async () => {
        const profiles: string[] = [];
        for (const g of groups)
          profiles.push(
            await this.linkIn(c, {
              projectId,
              identities: [...new Set(g.identities)],
              reason: g.reason,
              at: g.at,
            }),
          );
        return profiles;
      }),
    );
  }

  private async linkIn(
    c: DuckDBConnection,
    {
      projectId,
      identities,
      reason,
      at,
    }: { projectId: string; identities: string[]; reason: string; at: number },
  ): Promise<string> {
    const list = identities.map((_, i) => `$i${i}`).join(', ');
    const params: Record<string, string | number> = { projectId };
    identities.forEach((id, i) => {
      params[`i${i}`] = id;
    });
    // Only primary-key lookups: the earliest link among the touched identities stands for the
    // age of their profile (a scan per profile would grow with the graph).
    const current = await rows(
      c,
      `SELECT identity, profile_id, epoch_ms(linked_at) AS since FROM identity_links WHERE project_id = $projectId AND identity IN (${list})`,
      params,
    );
    const profileOf = new Map(current.map((r) => [String(r.identity), String(r.profile_id)]));
    const since = new Map<string, number>();
    for (const r of current)
      since.set(
        String(r.profile_id),
        Math.min(since.get(String(r.profile_id)) ?? Number.POSITIVE_INFINITY, Number(r.since)),
      );
    const linkedProfiles = [...since.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
    // User identities found profiles and devices join them, so undoing a login's merge takes the
    // device out, not the customer.
    const unlinked = identities
      .filter((id) => !profileOf.has(id))
      .sort((x, y) => Number(!x.startsWith('u:')) - Number(!y.startsWith('u:')));
    if (linkedProfiles.length === 1 && unlinked.length === 0) return linkedProfiles[0]![0];
    if (linkedProfiles.length === 0 && unlinked.length === 1) {
      // A lone identity is its own profile; nothing to link.
      return unlinked[0]!;
    }
    // The oldest profile absorbs the others, so long-known customers keep their id.
    const target = linkedProfiles[0]?.[0] ?? newProfileId();
    const record = async (merged: string, moved: string[]) => {
      await c.run(
        `INSERT INTO profile_merges VALUES ($projectId, $mergeId, make_timestamp(CAST($at AS BIGINT) * 1000), $kept, $merged, $reason, $moved, NULL)`,
        { projectId, mergeId: newMergeId(), at, kept: target, merged, reason, moved: JSON.stringify(moved) },
      );
    };
    for (const [other] of linkedProfiles.slice(1)) {
      const moved = (
        await rows(
          c,
          'SELECT identity FROM identity_links WHERE project_id = $projectId AND profile_id = $other ORDER BY identity',
          { projectId, other },
        )
      ).map((r) => String(r.identity));
      await c.run(
        'UPDATE identity_links SET profile_id = $target WHERE project_id = $projectId AND profile_id = $other',
        { projectId, target, other },
      );
      await c.run('DELETE FROM profile_traits WHERE project_id = $projectId AND profile_id = $other', {
        projectId,
        other,
      });
      await record(other, moved);
    }
    // With no linked profile yet, the first identity founds the new profile without a merge.
    const founding = linkedProfiles.length === 0 ? unlinked.shift() : undefined;
    const insert = async (identity: string) =>
      c.run(
        `INSERT INTO identity_links VALUES ($projectId, $identity, $target, make_timestamp(CAST($at AS BIGINT) * 1000), $reason)`,
        {
          projectId,
          identity,
          target,
          at,
          reason,
        },
      );
    if (founding !== undefined) {
      await insert(founding);
      await c.run('DELETE FROM profile_traits WHERE project_id = $projectId AND profile_id = $founding', {
        projectId,
        founding,
      });
    }
    for (const identity of unlinked) {
      await insert(identity);
      await c.run('DELETE FROM profile_traits WHERE project_id = $projectId AND profile_id = $identity', {
        projectId,
        identity,
      });
      await record(identity, [identity]);
    }
    return target;
  }

  unmerge(projectId: string, mergeId: string, at: number): Promise<ProfileMerge> {
    return this.db.withWriter((c) =>
      inTransaction(c, async () => {
        const found = await rows(
          c,
          `SELECT ${MERGE_COLUMNS} FROM profile_merges WHERE project_id = $projectId AND merge_id = $mergeId`,
          { projectId, mergeId },
        );
        if (!found[0]) throw new Error(`merge ${mergeId} does not exist`);
        const merge = toMerge(found[0]);
        if (merge.undoneAt !== null) throw new Error(`merge ${mergeId} was already undone`);
        for (const identity of merge.movedIdentities) {
          // An identity that was a profile of its own before the merge is simply unlinked again.
          if (merge.mergedProfile === identity) {
            await c.run('DELETE FROM identity_links WHERE project_id = $projectId AND identity = $identity', {
              projectId,
              identity,
            });
          } else {
            await c.run(
              'UPDATE identity_links SET profile_id = $profile WHERE project_id = $projectId AND identity = $identity',
              {
                projectId,
                identity,
                profile: merge.mergedProfile,
              },
            );
          }
        }
        await c.run('DELETE FROM profile_traits WHERE project_id = $projectId AND profile_id IN ($a, $b)', {
          projectId,
          a: merge.keptProfile,
          b: merge.mergedProfile,
        });
        await c.run(
          'UPDATE profile_merges SET undone_at = make_timestamp(CAST($at AS BIGINT) * 1000) WHERE project_id = $projectId AND merge_id = $mergeId',
          {
            projectId,
            mergeId,
            at,
          },
        );
        return { ...merge, undoneAt: at };
      }),
    );
  }

  async merges(
    projectId: string,
    { profileId, limit }: { profileId?: string; limit: number },
  ): Promise<ProfileMerge[]> {
    const filter = profileId ? 'AND (kept_profile = $profileId OR merged_profile = $profileId)' : '';
    const found = await this.db.query(
      `SELECT ${MERGE_COLUMNS} FROM profile_merges WHERE project_id = $projectId ${filter} ORDER BY merged_at DESC, merge_id LIMIT CAST($limit AS BIGINT)`,
      { projectId, limit, ...(profileId ? { profileId } : {}) },
    );
    return found.map(toMerge);
  }

  async resolve(projectId: string, identity: string): Promise<string> {
    const found = await this.db.query(
      'SELECT profile_id FROM identity_links WHERE project_id = $projectId AND identity = $identity',
      { projectId, identity },
    );
    return found[0] ? String(found[0].profile_id) : identity;
  }

  async identities(projectId: string, profileId: string): Promise<string[]> {
    const found = await this.db.query(
      'SELECT identity FROM identity_links WHERE project_id = $projectId AND profile_id = $profileId ORDER BY identity',
      {
        projectId,
        profileId,
      },
    );
    if (found.length === 0)
      return profileId.startsWith('a:') || profileId.startsWith('u:') ? [profileId] : [];
    return found.map((r) => String(r.identity));
  }

  async traits(projectId: string, profileId: string): Promise<ProfileTraits | null> {
    const found = await this.db.query(
      `SELECT ${TRAIT_COLUMNS} FROM profile_traits WHERE project_id = $projectId AND profile_id = $profileId`,
      { projectId, profileId },
    );
    return found[0] ? toTraits(found[0]) : null;
  }

  async upsertTraits(projectId: string, traits: readonly ProfileTraits[]): Promise<void> {
    if (traits.length === 0) return;
    await this.db.withWriter((c) =>
      inTransaction(c, async () => {
        await stageRows(c, {
          name: 'stage_traits',
          like: 'profile_traits',
          append: (ap) => {
            const ts = (v: number | null) => (v === null ? ap.appendNull() : ap.appendTimestamp(tsValue(v)));
            const dbl = (v: number | null) => (v === null ? ap.appendNull() : ap.appendDouble(v));
            const int = (v: number | null) => (v === null ? ap.appendNull() : ap.appendInteger(v));
            const txt = (v: string | null) => (v === null ? ap.appendNull() : ap.appendVarchar(v));
            for (const t of traits) {
              ap.appendVarchar(projectId);
              ap.appendVarchar(t.profileId);
              ts(t.firstSeen);
              ts(t.lastSeen);
              ap.appendBigInt(BigInt(t.events));
              ap.appendBigInt(BigInt(t.sessions));
              txt(t.channels.join(','));
              ap.appendInteger(t.orders);
              ap.appendDouble(t.revenue);
              dbl(t.averageOrderValue);
              ts(t.firstOrderAt);
              ts(t.lastOrderAt);
              int(t.rfmRecency);
              int(t.rfmFrequency);
              int(t.rfmMonetary);
              txt(t.rfmSegment);
              txt(t.lifecycleStage);
              dbl(t.historicClv);
              dbl(t.predictedClv);
              dbl(t.churnProbability);
              dbl(t.expectedPurchases52w);
              ap.appendTimestamp(tsValue(t.refreshedAt));
              ap.endRow();
            }
          },
        });
        await c.run('INSERT OR REPLACE INTO profile_traits SELECT * FROM stage_traits');
        await c.run('DROP TABLE stage_traits');
      }),
    );
  }

  activity(
    projectId: string,
    { profileIds }: { profileIds?: readonly string[] },
  ): Promise<ProfileActivity[]> {
    return profileActivity(this.db, projectId, profileIds);
  }

  orders(
    projectId: string,
    { until, profileIds }: { until: number; profileIds?: readonly string[] },
  ): Promise<ProfileOrder[]> {
    return profileOrders(this.db, projectId, until, profileIds);
  }

  touchedSince(projectId: string, receivedSinceMs: number): Promise<string[]> {
    return profilesTouchedSince(this.db, projectId, receivedSinceMs);
  }

  async customerTraits(projectId: string): Promise<ProfileTraits[]> {
    const found = await this.db.query(
      `SELECT ${TRAIT_COLUMNS} FROM profile_traits WHERE project_id = $projectId AND orders > 0`,
      { projectId },
    );
    return found.map(toTraits);
  }

  async timeline(
    projectId: string,
    { profileId, limit }: { profileId: string; limit: number },
  ): Promise<StoredEvent[]> {
    const identities = await this.identities(projectId, profileId);
    return eventsOfIdentities(this.db, { projectId, identities, limit });
  }

  async exportProfile(projectId: string, profileId: string): Promise<ProfileExport> {
    const merges = await this.merges(projectId, { profileId, limit: 10_000 });
    const ids = identifiersOf(profileId, await this.identities(projectId, profileId), merges);
    return exportProfile(this.db, {
      projectId,
      ids,
      traits: await this.traits(projectId, profileId),
      merges,
    });
  }

  async eraseProfile(projectId: string, profileId: string): Promise<ErasureReport> {
    const merges = await this.merges(projectId, { profileId, limit: 10_000 });
    const ids = identifiersOf(profileId, await this.identities(projectId, profileId), merges);
    return eraseProfile(this.db, { projectId, ids });
  }
}

const MERGE_COLUMNS = `merge_id, epoch_ms(merged_at) AS at_ms, kept_profile, merged_profile, reason, CAST(moved_identities AS VARCHAR) AS moved, epoch_ms(undone_at) AS undone_ms`;

function toMerge(r: Row): ProfileMerge {
  return {
    mergeId: String(r.merge_id),
    at: Number(r.at_ms),
    keptProfile: String(r.kept_profile),
    mergedProfile: String(r.merged_profile),
    reason: String(r.reason),
    movedIdentities: JSON.parse(String(r.moved)) as string[],
    undoneAt: r.undone_ms === null || r.undone_ms === undefined ? null : Number(r.undone_ms),
  };
}

const TRAIT_COLUMNS = `profile_id, epoch_ms(first_seen) AS first_seen, epoch_ms(last_seen) AS last_seen, events, sessions, channels, orders, revenue,
  average_order_value, epoch_ms(first_order_at) AS first_order_at, epoch_ms(last_order_at) AS last_order_at, rfm_recency, rfm_frequency, rfm_monetary,
  rfm_segment, lifecycle_stage, historic_clv, predicted_clv, churn_probability, expected_purchases_52w, epoch_ms(refreshed_at) AS refreshed_at`;

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function toTraits(r: Row): ProfileTraits {
  return {
    profileId: String(r.profile_id),
    firstSeen: n(r.first_seen),
    lastSeen: n(r.last_seen),
    events: Number(r.events),
    sessions: Number(r.sessions),
    channels: r.channels ? String(r.channels).split(',').filter(Boolean) : [],
    orders: Number(r.orders),
    revenue: Number(r.revenue),
    averageOrderValue: n(r.average_order_value),
    firstOrderAt: n(r.first_order_at),
    lastOrderAt: n(r.last_order_at),
    rfmRecency: n(r.rfm_recency),
    rfmFrequency: n(r.rfm_frequency),
    rfmMonetary: n(r.rfm_monetary),
    rfmSegment: s(r.rfm_segment),
    lifecycleStage: s(r.lifecycle_stage),
    historicClv: n(r.historic_clv),
    predictedClv: n(r.predicted_clv),
    churnProbability: n(r.churn_probability),
    expectedPurchases52w: n(r.expected_purchases_52w),
    refreshedAt: Number(r.refreshed_at),
  };
}
