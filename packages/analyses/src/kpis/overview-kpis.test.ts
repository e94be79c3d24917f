import { describe, expect, it } from 'vitest';
import { overviewKpis } from './overview-kpis';

describe('overviewKpis', () => {
  it('derives conversion rate and AOV and zero-fills the days', () => {
    const k = overviewKpis(
      {
        events: 10,
        visitors: 4,
        sessions: 5,
        orders: 3,
        revenue: 100.1 + 0.2,
        currency: 'EUR',
        convertingSessions: 2,
        eventsPerDay: [{ day: '2026-03-02', events: 10 }],
      },
      { from: '2026-03-01', to: '2026-03-03', days: ['2026-03-01', '2026-03-02', '2026-03-03'] },
    );
    expect(k).toMatchObject({ conversionRate: 0.4, revenue: 100.3, averageOrderValue: 33.43 });
    expect(k.eventsPerDay).toEqual([
      { day: '2026-03-01', events: 0 },
      { day: '2026-03-02', events: 10 },
      { day: '2026-03-03', events: 0 },
    ]);
  });

  it('answers zeros, not NaN, for an empty range', () => {
    const k = overviewKpis(
      {
        events: 0,
        visitors: 0,
        sessions: 0,
        orders: 0,
        revenue: 0,
        currency: null,
        convertingSessions: 0,
        eventsPerDay: [],
      },
      { from: '2026-03-01', to: '2026-03-01', days: ['2026-03-01'] },
    );
    expect([k.conversionRate, k.averageOrderValue]).toEqual([0, 0]);
  });
});
