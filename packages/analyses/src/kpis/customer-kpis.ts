// Customer KPIs from the store's raw figures per period (AnalyticsStore.customerKpis): rates are
// derived here, once, with the definition of each KPI next to it, so the API, the CLI and the
// dashboard show the same numbers and the same words.
//
// Formulas: customer retention rate CRR = (E - N) / S x 100 (DESIGN.md "retention rate", the
// common marketing formula), where S and E count *active* customers (else E - N = S always);
// churn as the share of S that is no longer active; returning-customer revenue as in DESIGN.md.
// All rates are in per cent, rounded to 0.01; a rate is null when its denominator is 0 (no
// customers at the start, no orders, no sessions): 0 % would claim what was not measured.

import { roundMoney } from './overview-kpis';

/** Raw figures of one period, as the store answers them (see @centric/storage). */
export interface CustomerPeriodInput {
  startMs: number;
  endMs: number;
  startCustomers: number;
  endCustomers: number;
  retainedCustomers: number;
  newCustomers: number;
  orderingCustomers: number;
  returningCustomers: number;
  repeatCustomers: number;
  orders: number;
  revenue: number;
  returningCustomerRevenue: number;
  sessions: number;
  convertingSessions: number;
  cartSessions: number;
  abandonedCartSessions: number;
}

export interface CustomerKpisInput {
  activityWindowDays: number;
  periods: readonly CustomerPeriodInput[];
}

export interface CustomerPeriodKpis {
  /** First day of the period, YYYY-MM-DD (UTC). */
  from: string;
  /** Last day of the period, inclusive. */
  to: string;
  retentionRate: number | null;
  churnRate: number | null;
  repurchaseRate: number | null;
  averageOrderValue: number | null;
  conversionRate: number | null;
  cartAbandonmentRate: number | null;
  revenue: number;
  returningCustomerRevenue: number;
  newCustomerRevenue: number;
  orders: number;
  startCustomers: number;
  endCustomers: number;
  newCustomers: number;
  retainedCustomers: number;
  churnedCustomers: number;
  orderingCustomers: number;
  returningCustomers: number;
  repeatCustomers: number;
  sessions: number;
  convertingSessions: number;
  cartSessions: number;
  abandonedCartSessions: number;
}

export type CustomerKpiName = keyof Omit<CustomerPeriodKpis, 'from' | 'to'>;

export interface CustomerKpis {
  activityWindowDays: number;
  periods: CustomerPeriodKpis[];
  /** What each figure means, worded for the people who read it. */
  definitions: Record<CustomerKpiName | 'customer' | 'activeCustomer', string>;
}

/** The definitions shown next to the KPIs; the activity window is part of the words. */
export function customerKpiDefinitions(activityWindowDays: number): CustomerKpis['definitions'] {
  const w = `${activityWindowDays} day${activityWindowDays === 1 ? '' : 's'}`;
  const revenue = 'Revenue is order revenue minus refunds, counted on the day of the order.';
  return {
    customer:
      'A customer is a profile (identities linked to one person count once) with at least one order that was not cancelled. Orders count once per order id; cancelled orders never count.',
    activeCustomer: `A customer is active at a date when they placed an order in the ${w} before it.`,
    retentionRate: `Customer retention rate (CRR) = (E − N) / S × 100, in %. S = customers active at the start of the period, E = customers active at its end, N = new customers in the period; active = ordered in the ${w} before. Customers who come back after a lapse count in E, so CRR can exceed 100 − churn rate.`,
    churnRate: `Share of the customers active at the start of the period (S) who are no longer active at its end (no order in the ${w} before it), in %. About customers who stop buying; not cart abandonment.`,
    repurchaseRate:
      'Share of the customers who ordered in the period that have placed at least two orders by its end (an earlier order, or two in the period), in %.',
    averageOrderValue: `Revenue / orders in the period (AOV). ${revenue}`,
    conversionRate:
      'Sessions with an order that was not cancelled / sessions, in %. A session counts in the period in which it started.',
    cartAbandonmentRate:
      'Sessions with a Product Added and no Order Completed / sessions with a Product Added, in %. About carts left in a visit; not churn.',
    revenue: `Revenue of the orders placed in the period. ${revenue}`,
    returningCustomerRevenue: `Revenue in the period from customers whose first order was before the period. ${revenue}`,
    newCustomerRevenue: `Revenue in the period from customers whose first order was in the period. ${revenue}`,
    orders: 'Orders placed in the period, once per order id, cancelled orders excluded.',
    startCustomers: `S: customers active at the start of the period (an order in the ${w} before it).`,
    endCustomers: `E: customers active at the end of the period (an order in the ${w} before it).`,
    newCustomers: 'N: customers whose first order ever was placed in the period.',
    retainedCustomers: 'Customers active both at the start and at the end of the period.',
    churnedCustomers:
      'Customers active at the start of the period and no longer active at its end (S − retained).',
    orderingCustomers: 'Customers who placed an order in the period (new + returning).',
    returningCustomers: 'Customers who placed an order in the period and had ordered before it.',
    repeatCustomers: 'Customers who ordered in the period with at least two orders by its end.',
    sessions: 'Sessions (visits) that started in the period.',
    convertingSessions: 'Sessions that started in the period with an order that was not cancelled.',
    cartSessions: 'Sessions that started in the period with at least one Product Added.',
    abandonedCartSessions: 'Sessions with a Product Added and no Order Completed.',
  };
}

/**
 * @example customerKpis(await store.analytics.customerKpis({ projectId, range, period: 'month', activityWindowDays: 365 }))
 */
export function customerKpis(input: CustomerKpisInput): CustomerKpis {
  return {
    activityWindowDays: input.activityWindowDays,
    periods: input.periods.map(periodKpis),
    definitions: customerKpiDefinitions(input.activityWindowDays),
  };
}

function periodKpis(f: CustomerPeriodInput): CustomerPeriodKpis {
  const churned = f.startCustomers - f.retainedCustomers;
  return {
    from: dayText(f.startMs),
    to: dayText(f.endMs - 1),
    retentionRate: percentOf(f.endCustomers - f.newCustomers, f.startCustomers),
    churnRate: percentOf(churned, f.startCustomers),
    repurchaseRate: percentOf(f.repeatCustomers, f.orderingCustomers),
    averageOrderValue: f.orders > 0 ? roundMoney(f.revenue / f.orders) : null,
    conversionRate: percentOf(f.convertingSessions, f.sessions),
    cartAbandonmentRate: percentOf(f.abandonedCartSessions, f.cartSessions),
    revenue: roundMoney(f.revenue),
    returningCustomerRevenue: roundMoney(f.returningCustomerRevenue),
    newCustomerRevenue: roundMoney(f.revenue - f.returningCustomerRevenue),
    orders: f.orders,
    startCustomers: f.startCustomers,
    endCustomers: f.endCustomers,
    newCustomers: f.newCustomers,
    retainedCustomers: f.retainedCustomers,
    churnedCustomers: churned,
    orderingCustomers: f.orderingCustomers,
    returningCustomers: f.returningCustomers,
    repeatCustomers: f.repeatCustomers,
    sessions: f.sessions,
    convertingSessions: f.convertingSessions,
    cartSessions: f.cartSessions,
    abandonedCartSessions: f.abandonedCartSessions,
  };
}

/** part / whole x 100 rounded to 0.01; null when whole is 0 (nothing measured). */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null;
}

function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
