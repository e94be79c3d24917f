import { describe, expect, it } from 'vitest';
import { type CustomerPeriodInput, customerKpis, percentOf } from './customer-kpis';

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const figures = (over: Partial<CustomerPeriodInput> = {}): CustomerPeriodInput => ({
  startMs: ms('2026-02-01'),
  endMs: ms('2026-03-01'),
  startCustomers: 3,
  endCustomers: 3,
  retainedCustomers: 2,
  newCustomers: 1,
  orderingCustomers: 2,
  returningCustomers: 1,
  repeatCustomers: 1,
  orders: 3,
  revenue: 90.1 + 0.2,
  returningCustomerRevenue: 20,
  sessions: 4,
  convertingSessions: 2,
  cartSessions: 3,
  abandonedCartSessions: 1,
  ...over,
});

describe('customerKpis', () => {
  it('derives CRR, churn, repurchase, AOV, conversion and cart abandonment in %', () => {
    const { periods } = customerKpis({ activityWindowDays: 60, periods: [figures()] });
    expect(periods[0]).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      // (E - N) / S = (3 - 1) / 3
      retentionRate: 66.67,
      // (S - retained) / S = 1 / 3
      churnRate: 33.33,
      churnedCustomers: 1,
      repurchaseRate: 50,
      averageOrderValue: 30.1,
      revenue: 90.3,
      returningCustomerRevenue: 20,
      newCustomerRevenue: 70.3,
      conversionRate: 50,
      cartAbandonmentRate: 33.33,
      newCustomers: 1,
      returningCustomers: 1,
    });
  });

  it('lets CRR and churn differ when lapsed customers come back', () => {
    // S = 10, 8 of them stay, 1 new, 3 lapsed customers return: E = 8 + 1 + 3 = 12.
    const { periods } = customerKpis({
      activityWindowDays: 365,
      periods: [figures({ startCustomers: 10, retainedCustomers: 8, newCustomers: 1, endCustomers: 12 })],
    });
    expect(periods[0]).toMatchObject({ retentionRate: 110, churnRate: 20 });
  });

  it('answers null, not 0, for rates without a denominator', () => {
    const empty = figures({
      startCustomers: 0,
      endCustomers: 0,
      retainedCustomers: 0,
      newCustomers: 0,
      orderingCustomers: 0,
      returningCustomers: 0,
      repeatCustomers: 0,
      orders: 0,
      revenue: 0,
      returningCustomerRevenue: 0,
      sessions: 0,
      convertingSessions: 0,
      cartSessions: 0,
      abandonedCartSessions: 0,
    });
    const [p] = customerKpis({ activityWindowDays: 365, periods: [empty] }).periods;
    expect([p!.retentionRate, p!.churnRate, p!.repurchaseRate, p!.averageOrderValue]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect([p!.conversionRate, p!.cartAbandonmentRate, p!.revenue]).toEqual([null, null, 0]);
  });

  it('shows a definition next to every KPI, with the activity window in the words', () => {
    const k = customerKpis({ activityWindowDays: 90, periods: [figures()] });
    for (const key of Object.keys(k.periods[0]!).filter((x) => x !== 'from' && x !== 'to'))
      expect(k.definitions[key as keyof typeof k.definitions], key).toBeTruthy();
    expect(k.definitions.retentionRate).toContain('(E − N) / S × 100');
    expect(k.definitions.activeCustomer).toContain('90 days');
    expect(k.definitions.churnRate).toContain('not cart abandonment');
    expect(k.definitions.cartAbandonmentRate).toContain('not churn');
  });

  it('rounds percentages to 0.01', () => {
    expect([percentOf(1, 3), percentOf(2, 3), percentOf(0, 5), percentOf(1, 0)]).toEqual([
      33.33,
      66.67,
      0,
      null,
    ]);
  });
});
