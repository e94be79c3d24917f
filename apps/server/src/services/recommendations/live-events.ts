// Feeds stored events into a project's models as they arrive (the ingest pipeline's afterStore
// hook): product views and cart adds go to the session index, co-views, popularity and the
// visitor's history; completed orders to co-buys, bundles, popularity and the buyers' purchases
// (the suppression list). Impressions are the engine's own output and teach it nothing.
import { ORDER_EVENT, RECOMMENDATION_VIEWED_EVENT } from '@centric/contracts';
import type { StoredEvent } from '@centric/storage';
import type { ProjectModels } from './project-models';

const CLICK_KIND: Readonly<Record<string, 'view' | 'cart'>> = {
  'Product Viewed': 'view',
  'Product Clicked': 'view',
  'Product Added': 'cart',
  'Product Added to Wishlist': 'cart',
};

/** The identity keys of an event, as the identity graph writes them. */
export function identitiesOf(event: StoredEvent): string[] {
  const out: string[] = [];
  if (event.anonymousId !== null) out.push(`a:${event.anonymousId}`);
  if (event.userId !== null) out.push(`u:${event.userId}`);
  return out;
}

export function applyEvents(models: ProjectModels, events: readonly StoredEvent[]): void {
  for (const e of events) {
    if (e.event === null || e.event === RECOMMENDATION_VIEWED_EVENT) continue;
    const kind = CLICK_KIND[e.event];
    if (kind && e.productId !== null && e.sessionId !== null) {
      models.addClick({
        sessionId: e.sessionId,
        identities: identitiesOf(e),
        productId: e.productId,
        kind,
        category: e.category,
        at: e.timestamp,
      });
    } else if (e.event === ORDER_EVENT) {
      const lines = orderLinesOf(e);
      if (lines.length > 0) models.addOrder({ identities: identitiesOf(e), lines, at: e.timestamp });
    }
  }
}

/** Identity keys (and raw ids) an event may have just linked: login, identify, alias. */
export function linkedVisitors(events: readonly StoredEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const links =
      e.type === 'identify' || e.type === 'alias' || (e.userId !== null && e.anonymousId !== null);
    if (!links) continue;
    for (const id of [e.anonymousId, e.userId, e.previousId]) {
      if (id !== null) out.push(id, `a:${id}`, `u:${id}`);
    }
  }
  return out;
}

/** The products of an Order Completed: `properties.products` as normalised, else the typed product id. */
export function orderLinesOf(e: StoredEvent): { productId: string; category: string | null }[] {
  const out: { productId: string; category: string | null }[] = [];
  if (e.properties !== null) {
    try {
      const props = JSON.parse(e.properties) as { products?: unknown };
      if (Array.isArray(props.products)) {
        for (const p of props.products as unknown[]) {
          if (p === null || typeof p !== 'object') continue;
          const { product_id: id, category } = p as { product_id?: unknown; category?: unknown };
          if (typeof id === 'string' || typeof id === 'number')
            out.push({ productId: String(id), category: typeof category === 'string' ? category : null });
        }
      }
    } catch {
      // Stored properties are JSON the pipeline wrote; a bad one only loses this order's lines.
    }
  }
  if (out.length === 0 && e.productId !== null) out.push({ productId: e.productId, category: e.category });
  return out;
}
