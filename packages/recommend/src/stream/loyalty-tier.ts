// A customer's loyalty standing for the stream: a default ladder of tiers by lifetime value
// (bronze from the first order, silver from 250, gold from 1,000 in the shop's currency), one
// point per unit spent, and how much is left to the next tier. Deliberately one small module:
// the loyalty programme (ledger, rules, rewards) will replace it.
import type { LoyaltyStatus } from '@centric/contracts';

export interface LoyaltyTier {
  name: string;
  /** Lifetime value from which the tier applies. */
  minLifetimeValue: number;
}

export const DEFAULT_LOYALTY_LADDER: readonly LoyaltyTier[] = [
  { name: 'bronze', minLifetimeValue: 0 },
  { name: 'silver', minLifetimeValue: 250 },
  { name: 'gold', minLifetimeValue: 1000 },
];

/**
 * Null for someone who never ordered (no standing to show).
 *
 * @example loyaltyStatus({ orders: 3, lifetimeValue: 180, currency: 'EUR' })
 * // { tier: 'bronze', points: 180, nextTier: 'silver', toNextTier: 70, ... }
 */
export function loyaltyStatus(
  figures: { orders: number; lifetimeValue: number; currency: string | null },
  ladder: readonly LoyaltyTier[] = DEFAULT_LOYALTY_LADDER,
): LoyaltyStatus | null {
  if (figures.orders <= 0 || ladder.length === 0) return null;
  const tiers = [...ladder].sort((a, b) => a.minLifetimeValue - b.minLifetimeValue);
  const value = Math.max(0, figures.lifetimeValue);
  let index = 0;
  tiers.forEach((t, i) => {
    if (value >= t.minLifetimeValue) index = i;
  });
  const next = tiers[index + 1];
  return {
    tier: tiers[index]!.name,
    points: Math.floor(value),
    nextTier: next?.name ?? null,
    toNextTier: next ? Math.round((next.minLifetimeValue - value) * 100) / 100 : null,
    lifetimeValue: Math.round(value * 100) / 100,
    orders: figures.orders,
    currency: figures.currency,
  };
}
