// Checks the timeline grouping: by session when there is one, by day otherwise, order kept.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../api/customers';
import { describeEvent, groupTimeline } from './timeline-groups';

function event(at: string, overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    at,
    type: 'track',
    event: 'Product Viewed',
    channel: 'web',
    sessionId: null,
    productId: null,
    orderId: null,
    revenue: null,
    pagePath: null,
    query: null,
    ...overrides,
  };
}

describe('groupTimeline', () => {
  it('groups consecutive events of a session and the rest by day', () => {
    const groups = groupTimeline([
      event('2025-03-02T10:05:00Z', { sessionId: 's2', channel: 'app' }),
      event('2025-03-02T10:00:00Z', { sessionId: 's2' }),
      event('2025-03-01T18:00:00Z'),
      event('2025-03-01T08:00:00Z', { channel: 'store' }),
      event('2025-02-28T08:00:00Z'),
    ]);
    expect(groups.map((g) => [g.kind, g.id, g.events.length, g.channels])).toEqual([
      ['session', 's2', 2, ['app', 'web']],
      ['day', '2025-03-01', 2, ['web', 'store']],
      ['day', '2025-02-28', 1, ['web']],
    ]);
    expect(groups[0]).toMatchObject({ newest: '2025-03-02T10:05:00Z', oldest: '2025-03-02T10:00:00Z' });
    expect(new Set(groups.map((g) => g.key)).size).toBe(3);
  });

  it('keeps an empty timeline empty', () => {
    expect(groupTimeline([])).toEqual([]);
  });
});

describe('describeEvent', () => {
  it('names page views, orders and searches', () => {
    expect(describeEvent(event('x', { type: 'page', event: null, pagePath: '/shoes' }))).toBe(
      'Page view · /shoes',
    );
    expect(describeEvent(event('x', { type: 'page', event: 'Home', pagePath: '/' }))).toBe(
      'Page view · Home · /',
    );
    expect(describeEvent(event('x', { event: 'Order Completed', orderId: 'T-1' }))).toBe(
      'Order Completed · T-1',
    );
    expect(describeEvent(event('x', { event: 'Products Searched', query: 'rain' }))).toBe(
      'Products Searched · “rain”',
    );
    expect(describeEvent(event('x', { type: 'identify', event: null }))).toBe('Identified');
  });
});
