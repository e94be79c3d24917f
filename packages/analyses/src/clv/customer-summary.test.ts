import { describe, expect, it } from 'vitest';
import { summarizeCustomers } from './customer-summary';
import {
  CDNOW_CALIBRATION_END,
  loadCdnowPublishedSummary,
  loadCdnowTransactions,
} from './test-support/cdnow';

const day = (y: number, m: number, d: number, hour = 12) => Date.UTC(y, m - 1, d, hour);

describe('summarizeCustomers', () => {
  it('aggregates orders per day and measures times in weeks', () => {
    const [c] = summarizeCustomers(
      [
        { customerId: 'c', at: day(2024, 1, 1), value: 10 },
        { customerId: 'c', at: day(2024, 1, 8, 9), value: 20 },
        { customerId: 'c', at: new Date(day(2024, 1, 8, 18)), value: 5 }, // same day: one purchase of 25
        { customerId: 'c', at: day(2024, 1, 15), value: 40 },
        { customerId: 'c', at: day(2024, 3, 1), value: 999 }, // after until: ignored
      ],
      { until: day(2024, 1, 29) },
    );
    expect(c).toMatchObject({ customerId: 'c', frequency: 2, recency: 2, T: 4, orders: 4, revenue: 75 });
    expect(c!.monetaryValue).toBeCloseTo((25 + 40) / 2, 12);
  });

  it('gives zero recency and monetary value to one-time buyers and skips customers who start after until', () => {
    const summaries = summarizeCustomers(
      [
        { customerId: 'once', at: day(2024, 1, 1), value: 10 },
        { customerId: 'once', at: day(2024, 1, 1, 20), value: 15 },
        { customerId: 'later', at: day(2024, 2, 1), value: 10 },
      ],
      { until: day(2024, 1, 15, 0) },
    );
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({
      frequency: 0,
      recency: 0,
      T: 2,
      monetaryValue: 0,
      revenue: 25,
      orders: 2,
    });
  });

  it('cuts days in the shop time zone', () => {
    // 23:30 UTC on Jan 1 is already Jan 2 in UTC+1: with the offset both orders fall on one day.
    const orders = [
      { customerId: 'c', at: Date.UTC(2024, 0, 1, 23, 30), value: 1 },
      { customerId: 'c', at: Date.UTC(2024, 0, 2, 10), value: 1 },
    ];
    expect(summarizeCustomers(orders, { until: Date.UTC(2024, 0, 8) })[0]!.frequency).toBe(1);
    expect(
      summarizeCustomers(orders, { until: Date.UTC(2024, 0, 8), utcOffsetMinutes: 60 })[0]!.frequency,
    ).toBe(0);
  });

  it('reproduces the published CDNOW summary from the raw sample (calibration end 1997-09-30)', () => {
    const summaries = summarizeCustomers(loadCdnowTransactions(), { until: CDNOW_CALIBRATION_END });
    const published = loadCdnowPublishedSummary();
    expect(summaries).toHaveLength(published.length);
    const byId = new Map(summaries.map((s) => [s.customerId, s]));
    const round2 = (v: number) => Math.round(v * 100) / 100;
    const mismatches = published.filter((p) => {
      const s = byId.get(p.id);
      return !s || s.frequency !== p.frequency || round2(s.recency) !== p.recency || round2(s.T) !== p.T;
    });
    expect(mismatches).toEqual([]);
    expect(summaries.filter((s) => s.frequency > 0)).toHaveLength(946);
    // Customer 1 (sample id 0001): repeat purchases of 29.73 and 14.96 in the calibration period.
    expect(byId.get('1')!.monetaryValue).toBeCloseTo((29.73 + 14.96) / 2, 10);
  });
});
