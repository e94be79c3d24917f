// WooCommerce's "Customer / Order / Coupon Export" extension, orders in its "Default" CSV
// format (woocommerce.com/document/ordercustomer-csv-exporter): one row per order with
// order_id, order_number, order_number_formatted, order_date, status, shipping_total,
// shipping_tax_total, tax_total, discount_total, order_total, refunded_total, order_currency,
// customer_id, billing_email, ..., and the items packed into single columns: `line_items` holds
// the items separated by ';', each item's fields as `key:value` separated by '|'
// ("id:51|name:Foo|product_id:12|sku:AB-1|quantity:2|subtotal:20.00|total:18.00|..."),
// `coupon_items` the coupons ("code:SPRING|amount:5.00"), and `refunds`, where present, the
// refunds ("id:90|date:2024-03-08 10:00:00|amount:12.00|reason:..."). The extension documents
// the column keys as stable and their order as not, so columns are found by key.
//
// Choices:
// - orderId is order_number_formatted, else order_number, else order_id: the number the
//   customer sees, which is also what WooCommerce's analytics integrations send as order id.
// - customer_id 0 marks a guest order: customerId null, the billing email still ties it.
// - productId is the item's sku, else its product_id (the WooCommerce post id).
// - A line's price is its pre-discount subtotal / quantity, like Shopify's "Lineitem price".
// - tax is tax_total + shipping_tax_total (WooCommerce splits the two).
// - Statuses: completed and processing (paid, not yet shipped) are sales; refunded and
//   cancelled keep their meaning; a completed order with refunded_total > 0 is (partially)
//   refunded. pending, on-hold, failed and checkout-draft orders were never paid: rejected as
//   "order status pending is not a sale", so they are listed rather than silently dropped.
// - order_date carries no zone (it is the shop's local time) and is read as UTC.
// - Amounts inside line_items / coupon_items / refunds are written by PHP with a '.' decimal
//   point whatever the CSV's locale, so they are read with '.', the order columns with the
//   file's decimal separator.

import type { OrderLine, OrderRecord, OrderStatus } from '../records';
import { readCsv, sniffCsvDialect } from '../sources/csv-records';
import type { DecimalSeparator } from '../sources/decimal';
import { missingColumns, readCsvHeader } from './csv-columns';
import type { FormatParser } from './format';
import {
  amount,
  cell,
  cents,
  optionalDate,
  orderedAt,
  positiveOrNull,
  quantity,
  type Row,
  RowRejected,
  statusFrom,
  sumOfLines,
  tryBuild,
  withRefund,
} from './order-fields';
import { duplicateOrder, SeenOrders } from './order-grouping';

const REQUIRED = ['order_id|order_number|order_number_formatted', 'order_date', 'status', 'line_items'];

const STATUS: Readonly<Record<string, OrderStatus | null>> = {
  completed: 'completed',
  processing: 'completed',
  refunded: 'refunded',
  cancelled: 'cancelled',
  pending: null,
  'on-hold': null,
  failed: null,
  'checkout-draft': null,
};

export const parseWooCommerceOrders: FormatParser<OrderRecord> = async function* (file, options) {
  const dialect = sniffCsvDialect(file, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    decimal: options.decimal,
  });
  const problem = missingColumns(await readCsvHeader(file, dialect), REQUIRED, 'a WooCommerce order export');
  if (problem !== null) {
    yield { line: 1, error: problem };
    return;
  }
  const seen = new SeenOrders();
  for await (const item of readCsv(file, dialect, options.onProgress)) {
    if ('error' in item) {
      yield item;
      continue;
    }
    const row = item.record;
    const orderId = cell(row, 'order_number_formatted') ?? cell(row, 'order_number') ?? cell(row, 'order_id');
    if (orderId === null) {
      yield { line: item.line, error: 'row has no order_id' };
      continue;
    }
    const first = seen.firstSeen(orderId, item.line);
    if (first !== null) {
      yield { line: item.line, error: duplicateOrder(orderId, first) };
      continue;
    }
    yield tryBuild(
      () => wooOrder(row, { orderId, decimal: dialect.decimal, now: options.now }),
      item.line,
      `order ${orderId}`,
    );
  }
};

function wooOrder(
  row: Row,
  ctx: { orderId: string; decimal: DecimalSeparator | 'auto'; now: number },
): OrderRecord {
  const money = (key: string) => amount(cell(row, key), ctx.decimal, key);
  const lines = packedItems(cell(row, 'line_items')).map(wooLine);
  const total = money('order_total') ?? sumOfLines(lines);
  const refundAmount = positiveOrNull(money('refunded_total'));
  const status = withRefund(
    statusFrom(cell(row, 'status')?.replace(/^wc-/i, '') ?? null, STATUS, 'status'),
    refundAmount,
    total,
  );
  const tax = money('tax_total');
  const shippingTax = money('shipping_tax_total');
  const customerId = cell(row, 'customer_id');
  const coupons = packedItems(cell(row, 'coupon_items'))
    .map((c) => c.code ?? null)
    .filter((code): code is string => code !== null && code !== '');
  return {
    orderId: ctx.orderId,
    customerId: customerId === '0' ? null : customerId,
    email: cell(row, 'billing_email') ?? cell(row, 'customer_email'),
    orderedAt: orderedAt(cell(row, 'order_date'), 'order_date', ctx.now),
    currency: cell(row, 'order_currency')?.toUpperCase() ?? null,
    status,
    total,
    shipping: money('shipping_total'),
    tax: tax === null && shippingTax === null ? null : cents((tax ?? 0) + (shippingTax ?? 0)),
    discount: positiveOrNull(money('discount_total')),
    coupon: coupons.length > 0 ? coupons.join(',') : null,
    refundAmount,
    refundedAt: refundAmount === null ? null : lastRefundDate(cell(row, 'refunds')),
    cancelledAt: null,
    channel: 'web',
    lines,
  };
}

function wooLine(item: Record<string, string>): OrderLine {
  const sku = item.sku || null;
  const productId = sku ?? (item.product_id && item.product_id !== '0' ? item.product_id : null);
  const name = item.name || null;
  if (productId === null)
    throw new RowRejected(`line item ${name ?? item.id ?? '?'} has neither sku nor product_id`);
  const qty = quantity(item.quantity || null, 'line item quantity');
  const subtotal = amount(item.subtotal || item.total || null, '.', 'line item subtotal');
  return {
    productId,
    sku,
    name,
    category: null,
    brand: null,
    price: subtotal === null ? null : Math.round((subtotal / qty) * 10_000) / 10_000,
    quantity: qty,
  };
}

/**
 * A packed column: items separated by ';', fields by '|', each field `key:value`. Splitting
 * only where a `key:` follows keeps ';' and '|' inside names and meta values intact.
 */
export function packedItems(text: string | null): Record<string, string>[] {
  if (text === null) return [];
  return text
    .split(/;(?=\s*[a-z_]+:)/)
    .map((item) => {
      const fields: Record<string, string> = {};
      for (const part of item.trim().split(/\|(?=[a-z_]+:)/)) {
        const colon = part.indexOf(':');
        if (colon > 0) fields[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
      }
      return fields;
    })
    .filter((fields) => Object.keys(fields).length > 0);
}

/** The latest refund date in a `refunds` column; null when the export has none. */
function lastRefundDate(refunds: string | null): number | null {
  let last: number | null = null;
  for (const refund of packedItems(refunds)) {
    const at = optionalDate(refund.date || null, 'refunds date');
    if (at !== null && (last === null || at > last)) last = at;
  }
  return last;
}
