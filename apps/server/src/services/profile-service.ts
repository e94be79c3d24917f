// Customer profiles as the API and CLI see them: find a customer by any identifier, the 360
// view, computed traits refreshed incrementally (only profiles that new events touched, ranked
// against the whole customer base), CLV model fits, merges and unmerges, GDPR export and
// erasure.
import { createHmac } from 'node:crypto';
import { clv, customers } from '@centric/analyses';
import { COOKIELESS_ID_PREFIX } from '@centric/ingest';
import type { ProfileTraits, Store, StoredClvModel, StoredEvent } from '@centric/storage';
import { CentricError } from '../errors';

/** Refit the CLV models when they are older than this. */
const MODEL_MAX_AGE_MS = 24 * 3_600_000;
const MIN_CUSTOMERS_FOR_MODEL = 10;

export interface Customer360 {
  profileId: string;
  identities: { key: string; kind: 'anonymous' | 'user' | 'email' | 'external'; value: string }[];
  traits: ProfileTraits | null;
  customer: Record<string, unknown> | null;
  orders: {
    orderId: string;
    at: string;
    revenue: number;
    currency: string | null;
    channel: string;
    status: string;
  }[];
  timeline: {
    at: string;
    type: string;
    event: string | null;
    channel: string;
    sessionId: string | null;
    productId: string | null;
    orderId: string | null;
    revenue: number | null;
    pagePath: string | null;
    query: string | null;
  }[];
  segments: { segmentId: string; name: string; since: string }[];
  merges: {
    mergeId: string;
    at: string;
    keptProfile: string;
    mergedProfile: string;
    reason: string;
    movedIdentities: string[];
    undoneAt: string | null;
  }[];
}

export class ProfileService {
  constructor(private readonly store: Store) {}

  /** The profile behind any identifier: profile id, identity key, user id, anonymous id, customer id or e-mail. */
  async findProfile(projectId: string, identifier: string): Promise<string> {
    const p = this.store.profiles;
    const candidates: string[] = [];
    if (identifier.startsWith('p_') || identifier.startsWith('a:') || identifier.startsWith('u:'))
      candidates.push(identifier);
    if (identifier.includes('@')) {
      const { emailHashKey } = await this.store.state.projectSettings(projectId);
      candidates.push(
        `u:email:${createHmac('sha256', emailHashKey).update(identifier.trim().toLowerCase()).digest('hex')}`,
      );
    }
    candidates.push(`u:${identifier}`, `a:${identifier}`);
    for (const key of candidates) {
      if (key.startsWith('p_')) {
        if ((await p.identities(projectId, key)).length > 0) return key;
        continue;
      }
      const profile = await p.resolve(projectId, key);
      if (profile !== key) return profile;
      if ((await p.timeline(projectId, { profileId: key, limit: 1 })).length > 0) return key;
    }
    throw new CentricError('not_found', `no customer with identifier "${identifier}"`);
  }

  /** Refits the CLV models on the orders up to `until` (and keeps them for scoring). */
  async fitClv(projectId: string, until: number): Promise<StoredClvModel> {
    const orders = await this.store.profiles.orders(projectId, { until });
    const profiles = new Set(orders.map((o) => o.profileId)).size;
    if (profiles < MIN_CUSTOMERS_FOR_MODEL) {
      throw new CentricError(
        'conflict',
        `CLV models need orders of at least ${MIN_CUSTOMERS_FOR_MODEL} customers; there are ${profiles}`,
      );
    }
    const fit = clv.fitClvModels(
      orders.map((o) => ({ customerId: o.profileId, at: o.at, value: o.revenue })),
      { until },
    );
    return {
      fittedAt: Date.now(),
      until,
      customers: fit.customers,
      bgnbd: fit.bgnbd,
      gammaGamma: fit.gammaGamma,
    };
  }

  /**
   * Refreshes computed traits: all profiles (`full`), else only those with events received
   * since the last refresh. Answers how many profiles were refreshed.
   */
  async refreshTraits(
    projectId: string,
    { full = false, now = Date.now() }: { full?: boolean; now?: number } = {},
  ): Promise<{ profiles: number; full: boolean; model: StoredClvModel | null }> {
    const state = this.store.state;
    const settings = await state.projectSettings(projectId);
    const incremental = !full && settings.traitsRefreshedAt !== undefined;
    let model = settings.clv ?? null;
    if (!model || now - model.fittedAt > MODEL_MAX_AGE_MS || !incremental) {
      model = await this.fitClv(projectId, now).catch(() => null);
    }
    const profileIds = incremental
      ? await this.store.profiles.touchedSince(projectId, settings.traitsRefreshedAt!)
      : undefined;
    if (profileIds && profileIds.length === 0) return { profiles: 0, full: false, model };
    const [activity, orders, population] = await Promise.all([
      this.store.profiles.activity(projectId, profileIds ? { profileIds } : {}),
      this.store.profiles.orders(projectId, { until: now, ...(profileIds ? { profileIds } : {}) }),
      incremental ? this.store.profiles.customerTraits(projectId) : Promise.resolve([]),
    ]);
    const computed = customers.computeTraits({
      activity,
      orders,
      population: population
        .filter((t) => t.lastOrderAt !== null)
        .map((t) => ({
          profileId: t.profileId,
          lastOrderAt: t.lastOrderAt!,
          orders: t.orders,
          revenue: t.revenue,
        })),
      now,
      models: model ? { bgnbd: model.bgnbd, gammaGamma: model.gammaGamma } : null,
    });
    // Cookieless visitors (a daily hash, sent without consent) are counted, never profiled.
    const traits = computed.filter((t) => !t.profileId.startsWith(`a:${COOKIELESS_ID_PREFIX}`));
    await this.store.profiles.upsertTraits(projectId, traits);
    await state.updateProjectSettings(projectId, {
      traitsRefreshedAt: now,
      ...(model ? { clv: model } : {}),
    });
    return { profiles: traits.length, full: !incremental, model };
  }

  async customer360(projectId: string, identifier: string): Promise<Customer360> {
    const profileId = await this.findProfile(projectId, identifier);
    const p = this.store.profiles;
    let traits = await p.traits(projectId, profileId);
    if (!traits) {
      // A profile new since the last refresh: compute its traits now against the current base.
      const [activity, orders, population, settings] = await Promise.all([
        p.activity(projectId, { profileIds: [profileId] }),
        p.orders(projectId, { until: Date.now(), profileIds: [profileId] }),
        p.customerTraits(projectId),
        this.store.state.projectSettings(projectId),
      ]);
      [traits = null] = customers.computeTraits({
        activity,
        orders,
        population: population
          .filter((t) => t.lastOrderAt !== null)
          .map((t) => ({
            profileId: t.profileId,
            lastOrderAt: t.lastOrderAt!,
            orders: t.orders,
            revenue: t.revenue,
          })),
        now: Date.now(),
        models: settings.clv ? { bgnbd: settings.clv.bgnbd, gammaGamma: settings.clv.gammaGamma } : null,
      });
      if (traits) await p.upsertTraits(projectId, [traits]);
    }
    const [identities, timeline, merges, exported] = await Promise.all([
      p.identities(projectId, profileId),
      p.timeline(projectId, { profileId, limit: 500 }),
      p.merges(projectId, { profileId, limit: 100 }),
      p.exportProfile(projectId, profileId),
    ]);
    // Segments are optional to the 360 view: a backend without them still shows the customer.
    const segments = await Promise.resolve()
      .then(() => this.store.segments.list(projectId))
      .catch(() => []);
    const segmentName = new Map(segments.map((s) => [s.segmentId, s.name]));
    const iso = (ms: number) => new Date(ms).toISOString();
    const cancelled = new Set(timeline.filter((e) => e.event === 'Order Cancelled').map((e) => e.orderId));
    const refunded = new Set(timeline.filter((e) => e.event === 'Order Refunded').map((e) => e.orderId));
    return {
      profileId,
      identities: identities.map(describeIdentity),
      traits,
      customer: exported.customers[0] ?? null,
      orders: timeline
        .filter((e: StoredEvent) => e.event === 'Order Completed')
        .map((e) => ({
          orderId: e.orderId ?? e.messageId,
          at: iso(e.timestamp),
          revenue: e.revenue ?? 0,
          currency: e.currency,
          channel: e.channel,
          status: cancelled.has(e.orderId) ? 'cancelled' : refunded.has(e.orderId) ? 'refunded' : 'completed',
        })),
      timeline: timeline.map((e) => ({
        at: iso(e.timestamp),
        type: e.type,
        event: e.event,
        channel: e.channel,
        sessionId: e.sessionId,
        productId: e.productId,
        orderId: e.orderId,
        revenue: e.revenue,
        pagePath: e.pagePath,
        query: e.query,
      })),
      segments: exported.segmentMemberships
        .filter((m) => m.left_at === null || m.left_at === undefined)
        .map((m) => ({
          segmentId: String(m.segment_id),
          name: segmentName.get(String(m.segment_id)) ?? String(m.segment_id),
          since: String(m.entered_at),
        })),
      merges: merges.map((m) => ({
        ...m,
        at: iso(m.at),
        undoneAt: m.undoneAt === null ? null : iso(m.undoneAt),
      })),
    };
  }
}

export function describeIdentity(key: string): Customer360['identities'][number] {
  if (key.startsWith('a:')) return { key, kind: 'anonymous', value: key.slice(2) };
  const value = key.slice(2);
  if (value.startsWith('email:')) return { key, kind: 'email', value: value.slice(6) };
  if (value.startsWith('ext:')) return { key, kind: 'external', value: value.slice(4) };
  return { key, kind: 'user', value };
}
