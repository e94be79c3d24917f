// Computed traits of customer profiles: first/last seen, orders, revenue, AOV, RFM scores and
// segment, lifecycle stage, historic CLV and — from BG/NBD and Gamma-Gamma fitted on the
// project's orders — predicted CLV and churn probability. Pure: activity and orders in, traits
// out, so the refresh job can run it on all profiles or only on those new events touched.
import type { ProfileTraits } from '@centric/contracts';
import { type ClvModels, lifecycleStage, rfmScores, scoreCustomers } from '../clv/index';
import type { RfmInput } from '../clv/rfm';

export interface ActivityInput {
  profileId: string;
  firstSeen: number;
  lastSeen: number;
  events: number;
  sessions: number;
  channels: string[];
}

export interface OrderInput {
  profileId: string;
  at: number;
  revenue: number;
}

/** The population RFM is scored against: every customer's recency, orders and revenue. */
export interface RfmPopulationMember {
  profileId: string;
  lastOrderAt: number;
  orders: number;
  revenue: number;
}

/** The computed traits of a profile (the one shape of @centric/contracts). */
export type ComputedTraits = ProfileTraits;

const DAY = 86_400_000;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Traits for the given profiles. `population` holds the other customers RFM is ranked against
 * (their latest known figures); the profiles' own figures replace theirs in it.
 *
 * @example computeTraits({ activity, orders, population: [], now: Date.now(), models })
 */
export function computeTraits({
  activity,
  orders,
  population,
  now,
  models,
}: {
  activity: readonly ActivityInput[];
  orders: readonly OrderInput[];
  population: readonly RfmPopulationMember[];
  now: number;
  models: ClvModels | null;
}): ComputedTraits[] {
  const ordersOf = new Map<string, OrderInput[]>();
  for (const o of orders) ordersOf.set(o.profileId, [...(ordersOf.get(o.profileId) ?? []), o]);
  const profiles = new Map(activity.map((a) => [a.profileId, a]));
  for (const id of ordersOf.keys()) {
    if (!profiles.has(id))
      profiles.set(id, {
        profileId: id,
        firstSeen: Number.NaN,
        lastSeen: Number.NaN,
        events: 0,
        sessions: 0,
        channels: [],
      });
  }

  // RFM ranks this batch among the whole customer population.
  const members = new Map<string, RfmInput>();
  for (const p of population) {
    members.set(p.profileId, {
      customerId: p.profileId,
      recencyDays: Math.floor((now - p.lastOrderAt) / DAY),
      frequency: p.orders,
      monetary: p.revenue,
    });
  }
  for (const [id, list] of ordersOf) {
    const last = Math.max(...list.map((o) => o.at));
    members.set(id, {
      customerId: id,
      recencyDays: Math.floor((now - last) / DAY),
      frequency: list.length,
      monetary: list.reduce((s, o) => s + o.revenue, 0),
    });
  }
  const rfm = new Map(rfmScores([...members.values()]).map((r) => [r.customerId, r]));
  const scores = models
    ? new Map(
        scoreCustomers(
          orders.map((o) => ({ customerId: o.profileId, at: o.at, value: o.revenue })),
          { until: now, models },
        ).map((s) => [s.customerId, s]),
      )
    : new Map();

  return [...profiles.values()].map((a) => {
    const list = ordersOf.get(a.profileId) ?? [];
    const revenue = list.reduce((s, o) => s + o.revenue, 0);
    const r = rfm.get(a.profileId);
    const score = scores.get(a.profileId);
    const orderTimes = list.map((o) => o.at);
    const firstOrder = list.length > 0 ? Math.min(...orderTimes) : null;
    const lastOrder = list.length > 0 ? Math.max(...orderTimes) : null;
    const seen = [a.firstSeen, a.lastSeen, ...orderTimes].filter((t) => Number.isFinite(t));
    return {
      profileId: a.profileId,
      firstSeen: seen.length > 0 ? Math.min(...seen) : null,
      lastSeen: seen.length > 0 ? Math.max(...seen) : null,
      events: a.events,
      sessions: a.sessions,
      channels: a.channels,
      orders: list.length,
      revenue: round2(revenue),
      averageOrderValue: list.length > 0 ? round2(revenue / list.length) : null,
      firstOrderAt: firstOrder,
      lastOrderAt: lastOrder,
      rfmRecency: r?.recency ?? null,
      rfmFrequency: r?.frequency ?? null,
      rfmMonetary: r?.monetary ?? null,
      rfmSegment: r?.segment ?? null,
      lifecycleStage: list.length > 0 ? lifecycleStage(orderTimes, { asOf: now }) : null,
      historicClv: list.length > 0 ? round2(revenue) : null,
      predictedClv: score ? round2(score.predictedClv) : null,
      churnProbability: score ? score.churnProbability : null,
      expectedPurchases52w: score ? score.expectedPurchases52w : null,
      refreshedAt: now,
    };
  });
}
