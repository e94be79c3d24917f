// Builds stored events for tests with realistic defaults; each test overrides what it checks.
import type { OrderItem, StoredEvent } from '../store';

let counter = 0;

export function storedEvent(overrides: Partial<StoredEvent> & { projectId: string }): StoredEvent {
  counter += 1;
  const at = overrides.timestamp ?? Date.parse('2026-03-02T10:00:00Z');
  return {
    messageId: `m-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    type: 'track',
    event: 'Product Viewed',
    anonymousId: 'anon-1',
    userId: null,
    previousId: null,
    sessionId: 's-1',
    channel: 'web',
    timestamp: at,
    receivedAt: at,
    productId: null,
    orderId: null,
    revenue: null,
    value: null,
    currency: null,
    quantity: null,
    query: null,
    category: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    pagePath: null,
    referrer: null,
    properties: null,
    context: null,
    traits: null,
    ...overrides,
  };
}

export function orderItem(overrides: Partial<OrderItem> & { projectId: string; orderId: string }): OrderItem {
  return {
    messageId: 'm-order',
    position: 0,
    productId: 'p-1',
    sku: null,
    name: null,
    category: null,
    brand: null,
    price: 10,
    quantity: 1,
    timestamp: Date.parse('2026-03-02T10:00:00Z'),
    ...overrides,
  };
}

/**
 * A stored event with every optional column empty: type track, channel web, received when it
 * happened. For tests that spell out exactly the columns they rely on.
 */
export function blankEvent(
  e: Partial<StoredEvent> & { projectId: string; messageId: string; event: string; timestamp: number },
): StoredEvent {
  return {
    type: 'track',
    anonymousId: null,
    userId: null,
    previousId: null,
    sessionId: null,
    channel: 'web',
    receivedAt: e.timestamp,
    productId: null,
    orderId: null,
    revenue: null,
    value: null,
    currency: null,
    quantity: null,
    query: null,
    category: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    pagePath: null,
    referrer: null,
    properties: null,
    context: null,
    traits: null,
    ...e,
  };
}
