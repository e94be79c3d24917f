// Funnel report shaping: conversion between steps with an optional step, drop-off, breakdown,
// previous-period comparison; and the journey summary.
import { describe, expect, it } from 'vitest';
import { funnelReport } from './funnel-report';
import { parseSteps } from './funnel-steps';
import { journeySummary } from './journey-summary';

const q = (median: number) => ({ p25: median, median, p75: median, p90: median, mean: median });
const steps = parseSteps('Product Viewed,Product Added to Wishlist?,Product Added,Order Completed');

describe('funnelReport', () => {
  const figures = {
    groups: [
      { value: null, reached: [10, 2, 5, 2], fromPrevious: [null, q(5), q(60), q(120)], toConvert: q(200) },
      { value: 'email', reached: [2, 0, 2, 2], fromPrevious: [], toConvert: q(100) },
      { value: 'direct', reached: [8, 2, 3, 0], fromPrevious: [], toConvert: null },
    ],
  };

  it('measures each step against the last required one, optional steps without drop-off', () => {
    const r = funnelReport(figures, { steps });
    expect(r).toMatchObject({ entrants: 10, converted: 2, conversionRate: 20, timeToConvert: q(200) });
    expect(
      r.steps.map((s) => [s.reached, s.conversionFromPrevious, s.conversionFromStart, s.dropOff]),
    ).toEqual([
      [10, 100, 100, 0],
      [2, 20, 20, 0],
      [5, 50, 50, 5],
      [2, 40, 20, 3],
    ]);
    expect(r.steps[2]!.timeFromPrevious).toEqual(q(60));
    expect(r.breakdown).toBeNull();
    expect(r.previous).toBeNull();
  });

  it('breaks down by value, biggest first, with readable labels', () => {
    const r = funnelReport(figures, { steps, breakdown: 'marketing_channel', maxGroups: 1 });
    expect(r.breakdown).toMatchObject({ dimension: 'marketing_channel', hidden: 1 });
    expect(r.breakdown!.groups).toEqual([
      {
        value: 'direct',
        label: 'Direct',
        entrants: 8,
        converted: 0,
        conversionRate: 0,
        timeToConvert: null,
        reached: [8, 2, 3, 0],
        conversionFromStart: [100, 25, 37.5, 0],
      },
    ]);
  });

  it('compares with the previous period', () => {
    const previous = { groups: [{ value: null, reached: [8, 0, 4, 1], fromPrevious: [], toConvert: null }] };
    const r = funnelReport(figures, { steps, previous });
    expect(r.previous).toMatchObject({
      entrants: 8,
      converted: 1,
      conversionRate: 12.5,
      conversionRateChange: 7.5,
      entrantsChange: 25,
      convertedChange: 100,
    });
  });
});

describe('journeySummary', () => {
  it('adds up channels, landing pages and outcomes with shares and rates', () => {
    const s = journeySummary({
      sessions: [
        { channel: 'email', entryPageType: 'home', outcome: 'order', sessions: 1 },
        { channel: 'email', entryPageType: 'product', outcome: 'bounce', sessions: 1 },
        { channel: 'direct', entryPageType: 'home', outcome: 'cart_abandoned', sessions: 2 },
      ],
      searchTerms: [{ term: 'mug', searches: 3, sessions: 2, convertingSessions: 1 }],
      products: [
        { productId: 'p1', title: 'Mug', views: 4, sessions: 4, cartSessions: 1, convertingSessions: 0 },
      ],
      categories: [],
    });
    expect(s).toMatchObject({ sessions: 4, convertingSessions: 1, conversionRate: 25 });
    expect(s.channels.map((c) => [c.channel, c.sessions, c.share, c.conversionRate, c.bounceRate])).toEqual([
      ['direct', 2, 50, 0, 0],
      ['email', 2, 50, 50, 50],
    ]);
    expect(s.outcomes.map((o) => [o.outcome, o.sessions])).toEqual([
      ['order', 1],
      ['cart_abandoned', 2],
      ['bounce', 1],
      ['browse', 0],
    ]);
    expect(s.entryPages[0]).toMatchObject({
      pageType: 'home',
      label: 'Home',
      sessions: 3,
      conversionRate: 33.33,
    });
    expect(s.searchTerms[0]!.conversionRate).toBe(50);
    expect(s.products[0]).toMatchObject({ cartRate: 25, conversionRate: 0 });
  });
});
