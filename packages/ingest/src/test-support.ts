// Test helper: a stored event with defaults, overriding what a test checks.
import type { StoredEvent } from '@centric/storage';

export function storedEventFor(overrides: Partial<StoredEvent>): StoredEvent {
  return {
    projectId: 'prj',
    messageId: 'm',
    type: 'track',
    event: null,
    anonymousId: null,
    userId: null,
    previousId: null,
    sessionId: null,
    channel: 'web',
    timestamp: 0,
    receivedAt: 0,
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
