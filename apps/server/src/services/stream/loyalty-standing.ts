// The loyalty standing of the stream's visitor: orders and lifetime value from the computed
// profile traits (the live orders when the profile has no traits yet), put on the default tier
// ladder. One small module on purpose: the loyalty programme will replace it.
import type { LoyaltyStatus } from '@centric/contracts';
import { stream } from '@centric/recommend';
import type { Store } from '@centric/storage';

export async function loyaltyStanding(
  store: Store,
  {
    projectId,
    identities,
    currency,
    now,
    ladder,
  }: {
    projectId: string;
    identities: readonly string[];
    currency: string | null;
    now: number;
    ladder?: readonly stream.LoyaltyTier[] | undefined;
  },
): Promise<LoyaltyStatus | null> {
  if (identities.length === 0) return null;
  // An unlinked identity is its own profile; linked ones share one.
  const profileIds = [
    ...new Set(await Promise.all(identities.map((i) => store.profiles.resolve(projectId, i)))),
  ];
  const traits = (await Promise.all(profileIds.map((id) => store.profiles.traits(projectId, id)))).filter(
    (t) => t !== null,
  );
  let orders: number;
  let lifetimeValue: number;
  if (traits.length > 0) {
    orders = traits.reduce((sum, t) => sum + t.orders, 0);
    lifetimeValue = traits.reduce((sum, t) => sum + t.revenue, 0);
  } else {
    const rows = await store.profiles.orders(projectId, { until: now, profileIds });
    orders = rows.length;
    lifetimeValue = rows.reduce((sum, o) => sum + o.revenue, 0);
  }
  return stream.loyaltyStatus({ orders, lifetimeValue, currency }, ladder);
}
