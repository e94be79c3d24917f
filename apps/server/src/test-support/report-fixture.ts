// A small shop for report tests: two visitors two days before `nowMs`, one of whom orders
// (99.50 EUR), stored straight into the store so the figures are known: 3 events, 2 visitors,
// 2 sessions, 1 order.

import type { Store, StoredEvent } from '@centric/storage';
import { blankEvent } from '@centric/storage/test-support';

const DAY_MS = 86_400_000;

export async function seedReportShop(
  store: Store,
  { projectId, nowMs }: { projectId: string; nowMs: number },
) {
  const t = nowMs - 2 * DAY_MS;
  let seq = 0;
  const event = (e: Partial<StoredEvent> & { event: string; timestamp: number }): StoredEvent =>
    blankEvent({ projectId, messageId: `report-fixture-${++seq}`, ...e });
  await store.events.append({
    events: [
      event({ anonymousId: 'rv-1', sessionId: 'rs-1', event: 'Product Viewed', timestamp: t }),
      event({
        anonymousId: 'rv-1',
        sessionId: 'rs-1',
        event: 'Order Completed',
        timestamp: t + 60_000,
        orderId: 'ro-1',
        revenue: 99.5,
        currency: 'EUR',
      }),
      event({ anonymousId: 'rv-2', sessionId: 'rs-2', event: 'Product Viewed', timestamp: t + 120_000 }),
    ],
    orderItems: [],
  });
}
