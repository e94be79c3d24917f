// The Overview KPIs from the store's raw figures: rates are derived here, once, so every
// backend and every surface (API, CLI, dashboard) shows the same numbers.

export interface OverviewInput {
  events: number;
  visitors: number;
  sessions: number;
  orders: number;
  revenue: number;
  currency: string | null;
  convertingSessions: number;
  eventsPerDay: readonly { day: string; events: number }[];
}

export interface OverviewKpis {
  from: string;
  to: string;
  events: number;
  visitors: number;
  sessions: number;
  orders: number;
  revenue: number;
  currency: string | null;
  /** Sessions with at least one order / all sessions (a fraction, 0 when there are none). */
  conversionRate: number;
  /** Revenue / orders (0 when there are none). */
  averageOrderValue: number;
  /** One entry per day of the range, zero-filled. */
  eventsPerDay: { day: string; events: number }[];
}

/**
 * @example overviewKpis(figures, { from: '2026-03-01', to: '2026-03-31', days: ['2026-03-01', ...] })
 */
export function overviewKpis(
  figures: OverviewInput,
  range: { from: string; to: string; days: readonly string[] },
): OverviewKpis {
  const perDay = new Map(figures.eventsPerDay.map((d) => [d.day, d.events]));
  return {
    from: range.from,
    to: range.to,
    events: figures.events,
    visitors: figures.visitors,
    sessions: figures.sessions,
    orders: figures.orders,
    revenue: roundMoney(figures.revenue),
    currency: figures.currency,
    conversionRate: figures.sessions > 0 ? figures.convertingSessions / figures.sessions : 0,
    averageOrderValue: figures.orders > 0 ? roundMoney(figures.revenue / figures.orders) : 0,
    eventsPerDay: range.days.map((day) => ({ day, events: perDay.get(day) ?? 0 })),
  };
}

/** Money to the cent: sums of floating-point prices otherwise show 0.30000000000000004. */
export function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}
