// An imported order as facts: an Order Completed event with its line items, plus Order
// Cancelled / Order Refunded events when the order was cancelled or refunded. Message ids are
// derived from the order id, so importing the same order again adds nothing.
import type { OrderItem, StoredEvent } from '@centric/storage';
import type { OrderRecord } from './records';

export const orderMessageId = (orderId: string) => `imp:order:${orderId}`;

export interface OrderFacts {
  events: StoredEvent[];
  orderItems: OrderItem[];
}

/**
 * @example orderFacts(order, { projectId, userId: 'c-42', receivedAt: Date.now() })
 */
export function orderFacts(
  order: OrderRecord,
  { projectId, userId, receivedAt }: { projectId: string; userId: string | null; receivedAt: number },
): OrderFacts {
  const base: Omit<StoredEvent, 'messageId' | 'event' | 'timestamp' | 'revenue' | 'properties'> = {
    projectId,
    type: 'track',
    anonymousId: null,
    userId,
    previousId: null,
    sessionId: null,
    channel: order.channel,
    receivedAt,
    productId: order.lines.length === 1 ? (order.lines[0]?.productId ?? null) : null,
    orderId: order.orderId,
    value: null,
    currency: order.currency,
    quantity: order.lines.reduce((n, l) => n + l.quantity, 0),
    query: null,
    category: order.lines.length === 1 ? (order.lines[0]?.category ?? null) : null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    pagePath: null,
    referrer: null,
    context: JSON.stringify({ source: 'import' }),
    traits: null,
  };
  const messageId = orderMessageId(order.orderId);
  const props: Record<string, unknown> = {
    status: order.status,
    products: order.lines.map((l, position) => ({
      product_id: l.productId,
      ...(l.sku ? { sku: l.sku } : {}),
      ...(l.name ? { name: l.name } : {}),
      ...(l.category ? { category: l.category } : {}),
      ...(l.brand ? { brand: l.brand } : {}),
      ...(l.price !== null ? { price: l.price } : {}),
      quantity: l.quantity,
      position,
    })),
  };
  for (const [key, value] of [
    ['shipping', order.shipping],
    ['tax', order.tax],
    ['discount', order.discount],
    ['coupon', order.coupon],
  ] as const) {
    if (value !== null) props[key] = value;
  }
  const events: StoredEvent[] = [
    {
      ...base,
      messageId,
      event: 'Order Completed',
      timestamp: order.orderedAt,
      revenue: order.total,
      properties: JSON.stringify(props),
    },
  ];
  if (order.status === 'cancelled') {
    events.push({
      ...base,
      messageId: `${messageId}:cancelled`,
      event: 'Order Cancelled',
      timestamp: order.cancelledAt ?? order.orderedAt,
      revenue: null,
      quantity: null,
      properties: null,
    });
  }
  if (order.status === 'refunded' || order.status === 'partially_refunded' || (order.refundAmount ?? 0) > 0) {
    events.push({
      ...base,
      messageId: `${messageId}:refunded`,
      event: 'Order Refunded',
      timestamp: order.refundedAt ?? order.cancelledAt ?? order.orderedAt,
      revenue: order.refundAmount ?? order.total,
      quantity: null,
      properties: JSON.stringify({ full: order.status === 'refunded' }),
    });
  }
  const orderItems: OrderItem[] = order.lines.map((l, position) => ({
    projectId,
    orderId: order.orderId,
    messageId,
    position,
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    category: l.category,
    brand: l.brand,
    price: l.price,
    quantity: l.quantity,
    timestamp: order.orderedAt,
  }));
  return { events, orderItems };
}
