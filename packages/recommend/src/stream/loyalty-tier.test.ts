// The default loyalty ladder: tiers by lifetime value, points and the distance to the next tier.
import { describe, expect, it } from 'vitest';
import { loyaltyStatus } from './loyalty-tier';

describe('loyaltyStatus', () => {
  it('maps lifetime value to bronze, silver and gold with the spend left to the next tier', () => {
    expect(loyaltyStatus({ orders: 3, lifetimeValue: 180.4, currency: 'EUR' })).toEqual({
      tier: 'bronze',
      points: 180,
      nextTier: 'silver',
      toNextTier: 69.6,
      lifetimeValue: 180.4,
      orders: 3,
      currency: 'EUR',
    });
    expect(loyaltyStatus({ orders: 4, lifetimeValue: 250, currency: 'GBP' })).toMatchObject({
      tier: 'silver',
      nextTier: 'gold',
      toNextTier: 750,
    });
    expect(loyaltyStatus({ orders: 9, lifetimeValue: 1200, currency: null })).toMatchObject({
      tier: 'gold',
      nextTier: null,
      toNextTier: null,
    });
  });

  it('has no standing for someone who never ordered, and takes another ladder', () => {
    expect(loyaltyStatus({ orders: 0, lifetimeValue: 0, currency: 'EUR' })).toBeNull();
    const ladder = [
      { name: 'member', minLifetimeValue: 0 },
      { name: 'vip', minLifetimeValue: 100 },
    ];
    expect(loyaltyStatus({ orders: 1, lifetimeValue: 120, currency: 'EUR' }, ladder)).toMatchObject({
      tier: 'vip',
      nextTier: null,
    });
  });
});
