// Drop-in for a GA4 data layer: the e-commerce events a shop already pushes —
// dataLayer.push({ event: 'add_to_cart', ecommerce: { items } }) or gtag('event', 'purchase', {...})
// — are tracked under their GA4 names; the server maps those onto the Segment spec (items[]
// becomes products[]). Entries pushed before the SDK loaded are replayed once.
import type { Properties } from './types';

/** GA4 e-commerce names and their Segment spec names: the same table as the server's contracts. */
export const GA4_EVENTS: Readonly<Record<string, string>> = {
  view_item: 'Product Viewed',
  view_item_list: 'Product List Viewed',
  select_item: 'Product Clicked',
  search: 'Products Searched',
  view_search_results: 'Products Searched',
  add_to_cart: 'Product Added',
  remove_from_cart: 'Product Removed',
  view_cart: 'Cart Viewed',
  begin_checkout: 'Checkout Started',
  add_payment_info: 'Payment Info Entered',
  add_shipping_info: 'Shipping Info Entered',
  purchase: 'Order Completed',
  refund: 'Order Refunded',
  add_to_wishlist: 'Product Added to Wishlist',
  view_promotion: 'Promotion Viewed',
  select_promotion: 'Promotion Clicked',
};

/** Keys of a data-layer entry that are Tag Manager plumbing, not event parameters. */
const PLUMBING = /^(gtm\.|event$|ecommerce$|eventCallback$|eventTimeout$|send_to$)/;

/**
 * The track call a data-layer entry stands for, or null for anything that is not a GA4
 * e-commerce event (gtm.js, consent commands, custom events, the `{ ecommerce: null }` reset).
 *
 * @example fromDataLayer({ event: 'add_to_cart', ecommerce: { currency: 'EUR', items: [{ item_id: 'A' }] } })
 * // { event: 'add_to_cart', properties: { currency: 'EUR', items: [{ item_id: 'A' }] } }
 */
export function fromDataLayer(entry: unknown): { event: string; properties: Properties } | null {
  if (entry === null || typeof entry !== 'object') return null;
  const e = entry as Record<string | number, unknown>;
  // gtag() pushes its `arguments` object: ['event', name, params].
  const gtag = e[0] === 'event';
  const name = gtag ? e[1] : e.event;
  if (typeof name !== 'string' || !GA4_EVENTS[name]) return null;
  const params = gtag ? e[2] : { ...e, ...(e.ecommerce as object | null) };
  const properties: Properties = {};
  for (const [key, value] of Object.entries(params ?? {}))
    if (!PLUMBING.test(key) && typeof value !== 'function') properties[key] = value;
  return { event: name, properties };
}

type Layer = unknown[] & { centricRead?: true };

/** Replays the layer's entries and wraps its push (Tag Manager, if present, keeps its own). */
export function readDataLayer(
  owner: Record<string, unknown>,
  name: string,
  onEvent: (event: string, properties: Properties) => void,
): void {
  owner[name] ??= [];
  const layer = owner[name] as Layer;
  if (!Array.isArray(layer) || layer.centricRead) return;
  layer.centricRead = true;
  const handle = (entry: unknown) => {
    const call = fromDataLayer(entry);
    if (call) onEvent(call.event, call.properties);
  };
  layer.forEach(handle);
  const push = layer.push;
  layer.push = (...entries: unknown[]) => {
    const length = push.apply(layer, entries);
    entries.forEach(handle);
    return length;
  };
}
