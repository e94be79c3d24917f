// The e-commerce vocabulary: Segment's spec names are canonical; GA4's recommended event names
// are accepted as aliases so a shop's existing data layer maps onto Centric unchanged.
import { TRIGGER_SHOWN_EVENT } from './decide-api';
import { RECOMMENDATION_VIEWED_EVENT } from './recommendations-api';

export const ECOMMERCE_EVENTS = [
  'Products Searched',
  'Product List Viewed',
  'Product List Filtered',
  'Product Clicked',
  'Product Viewed',
  'Product Added',
  'Product Removed',
  'Cart Viewed',
  'Checkout Started',
  'Checkout Step Viewed',
  'Checkout Step Completed',
  'Payment Info Entered',
  'Shipping Info Entered',
  'Order Completed',
  'Order Updated',
  'Order Refunded',
  'Order Cancelled',
  'Product Added to Wishlist',
  'Product Removed from Wishlist',
  'Coupon Entered',
  'Coupon Applied',
  'Coupon Denied',
  'Coupon Removed',
  'Promotion Viewed',
  'Promotion Clicked',
] as const;

export type EcommerceEvent = (typeof ECOMMERCE_EVENTS)[number];

/** GA4 recommended e-commerce event name -> Segment spec name. */
export const GA4_EVENT_ALIASES: Readonly<Record<string, EcommerceEvent>> = {
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

/** Events that carry one order (and its line items). */
export const ORDER_EVENT = 'Order Completed';
export const REFUND_EVENT = 'Order Refunded';

/**
 * The canonical event name for a track event: GA4 names map to the Segment spec, anything
 * else (custom events) is kept as sent.
 *
 * @example canonicalEventName('add_to_cart') // 'Product Added'
 */
export function canonicalEventName(name: string): string {
  return GA4_EVENT_ALIASES[name] ?? name;
}

/**
 * Events Centric itself records (recommendation impressions; trigger impressions, which the
 * widgets report on render or on a timer, without the shopper doing anything); not customer
 * behaviour. A trigger's clicks and dismissals are the shopper's acts and count as activity.
 */
export const SYSTEM_EVENTS: readonly string[] = [
  RECOMMENDATION_VIEWED_EVENT,
  TRIGGER_SHOWN_EVENT,
  // The browser SDK's record of a consent banner answer: a compliance record, not shopping.
  'Consent Updated',
];
