// Shopify's orders export (Admin > Orders > Export, "CSV for Excel, Numbers, or other
// spreadsheet programs"): one row per line item; the first row of an order carries the order
// fields (Name, Email, Financial Status, Created at, Currency, Subtotal, Shipping, Taxes, Total,
// Discount Code, Discount Amount, Cancelled at, Refunded Amount, Id, Source, ...) and the
// following rows of the same order repeat Name with their Lineitem columns. Column reference:
// help.shopify.com "Exporting orders" and the header of any export.
//
// Choices, since the export does not say more:
// - orderId is Name ("#1001", what the merchant and the thank-you page show), Id when no Name.
// - Shopify's export has no customer id, only Email; a "Customer ID" column (added by apps such
//   as Matrixify) is used when present.
// - productId is the line's SKU, else the line's name: products without SKUs still group
//   into baskets, at the price of renamed products counting as new ones.
// - Financial Status pending / expired (payment never captured) is not a sale and is rejected;
//   authorized and partially_paid count as completed; voided, or any Cancelled at, as cancelled.
// - The export gives no refund date, so refundedAt stays null.

import type { OrderLine, OrderRecord, OrderStatus } from '../records';
import { readCsv, sniffCsvDialect } from '../sources/csv-records';
import type { DecimalSeparator } from '../sources/decimal';
import { missingColumns, readCsvHeader } from './csv-columns';
import type { FormatParser } from './format';
import {
  amount,
  atLine,
  cell,
  firstCell,
  type OrderChannel,
  optionalDate,
  orderedAt,
  positiveOrNull,
  quantity,
  RowRejected,
  statusFrom,
  sumOfLines,
  tryBuild,
  withRefund,
} from './order-fields';
import { groupConsecutiveRows, type RowGroup } from './order-grouping';

const REQUIRED = [
  'name|id',
  'created at',
  'financial status',
  'lineitem quantity',
  'lineitem sku|lineitem name',
];

const FINANCIAL_STATUS: Readonly<Record<string, OrderStatus | null>> = {
  paid: 'completed',
  partially_paid: 'completed',
  authorized: 'completed',
  partially_refunded: 'partially_refunded',
  refunded: 'refunded',
  voided: 'cancelled',
  pending: null,
  expired: null,
};

/** Shopify's Source values: "web", "pos", "shopify_draft_order", "iphone", "android", or an app id. */
const SOURCE_CHANNEL: Readonly<Record<string, OrderChannel>> = {
  pos: 'store',
  shopify_draft_order: 'service',
  iphone: 'app',
  android: 'app',
};

export const parseShopifyOrders: FormatParser<OrderRecord> = async function* (file, options) {
  const dialect = sniffCsvDialect(file, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    decimal: options.decimal,
  });
  const problem = missingColumns(await readCsvHeader(file, dialect), REQUIRED, 'a Shopify orders export');
  if (problem !== null) {
    yield { line: 1, error: problem };
    return;
  }
  const groups = groupConsecutiveRows(
    readCsv(file, dialect, options.onProgress),
    (row) => cell(row, 'name') ?? cell(row, 'id'),
    'row has neither Name nor Id',
  );
  for await (const item of groups) {
    if ('error' in item) yield item;
    else {
      const { group } = item;
      yield tryBuild(
        () => shopifyOrder(group, dialect.decimal, options.now),
        group.line,
        `order ${group.key}`,
      );
    }
  }
};

function shopifyOrder(group: RowGroup, decimal: DecimalSeparator | 'auto', now: number): OrderRecord {
  const rows = group.rows.map((r) => r.record);
  const get = (key: string) => firstCell(rows, key);
  const lines = group.rows.map((row) => atLine(row.line, () => shopifyLine(row.record, decimal)));
  const cancelledAt = optionalDate(get('cancelled at'), 'Cancelled at');
  const total = amount(get('total'), decimal, 'Total') ?? sumOfLines(lines);
  const refundAmount = positiveOrNull(amount(get('refunded amount'), decimal, 'Refunded Amount'));
  const financial = statusFrom(get('financial status'), FINANCIAL_STATUS, 'Financial Status');
  const status: OrderStatus = cancelledAt !== null ? 'cancelled' : withRefund(financial, refundAmount, total);
  const source = get('source')?.toLowerCase() ?? 'web';
  return {
    orderId: get('name') ?? group.key,
    customerId: get('customer id'),
    email: get('email'),
    orderedAt: orderedAt(get('created at'), 'Created at', now),
    currency: get('currency')?.toUpperCase() ?? null,
    status,
    total,
    shipping: amount(get('shipping'), decimal, 'Shipping'),
    tax: amount(get('taxes'), decimal, 'Taxes'),
    discount: positiveOrNull(amount(get('discount amount'), decimal, 'Discount Amount')),
    coupon: get('discount code'),
    refundAmount,
    refundedAt: null,
    cancelledAt,
    channel: SOURCE_CHANNEL[source] ?? 'web',
    lines,
  };
}

function shopifyLine(row: Record<string, string>, decimal: DecimalSeparator | 'auto'): OrderLine {
  const sku = cell(row, 'lineitem sku');
  const name = cell(row, 'lineitem name');
  const productId = sku ?? name;
  if (productId === null) throw new RowRejected('Lineitem sku and Lineitem name are both empty');
  return {
    productId,
    sku,
    name,
    category: null,
    brand: cell(row, 'vendor'),
    price: amount(cell(row, 'lineitem price'), decimal, 'Lineitem price'),
    quantity: quantity(cell(row, 'lineitem quantity'), 'Lineitem quantity'),
  };
}
