// Centric's own order format, for shops whose system is neither Shopify nor WooCommerce: any
// ERP or spreadsheet can produce it. Documented in packages/importers/GENERIC-ORDERS.md.
// - CSV: one row per line item, the rows of an order consecutive; order fields may be repeated
//   on every row or given on the first only (the first non-blank value counts).
// - NDJSON: one order per line with its `items` array.
// Both share one builder, so a CSV and an NDJSON of the same orders give the same records.

import type { OrderLine, OrderRecord, OrderStatus } from '../records';
import { readCsv, sniffCsvDialect } from '../sources/csv-records';
import type { DecimalSeparator } from '../sources/decimal';
import { readNdjson } from '../sources/ndjson-records';
import { sniffEncoding } from '../sources/text-source';
import { missingColumns, readCsvHeader } from './csv-columns';
import type { FormatParser } from './format';
import {
  amount,
  atLine,
  cell,
  channelFrom,
  firstCell,
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
import { duplicateOrder, groupConsecutiveRows, SeenOrders } from './order-grouping';

type Get = (key: string) => string | null;

/** An order as the builder reads it: field getters, whatever the file's shape. */
interface GenericSource {
  orderId: string;
  get: Get;
  /** Each line's getter, its CSV line (none in NDJSON) and how to name its fields in reasons. */
  lines: { line: number | undefined; get: Get; label: (key: string) => string }[];
  decimal: DecimalSeparator | 'auto';
  now: number;
}

const STATUS: Readonly<Record<string, OrderStatus | null>> = {
  completed: 'completed',
  complete: 'completed',
  paid: 'completed',
  processing: 'completed',
  fulfilled: 'completed',
  shipped: 'completed',
  delivered: 'completed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  voided: 'cancelled',
  refunded: 'refunded',
  partially_refunded: 'partially_refunded',
  pending: null,
  failed: null,
  on_hold: null,
  draft: null,
};

const CSV_REQUIRED = ['order_id', 'ordered_at', 'product_id|sku'];

export const parseGenericOrdersCsv: FormatParser<OrderRecord> = async function* (file, options) {
  const dialect = sniffCsvDialect(file, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    decimal: options.decimal,
  });
  const problem = missingColumns(await readCsvHeader(file, dialect), CSV_REQUIRED, 'a generic orders CSV');
  if (problem !== null) {
    yield { line: 1, error: problem };
    return;
  }
  const groups = groupConsecutiveRows(
    readCsv(file, dialect, options.onProgress),
    (row) => cell(row, 'order_id'),
    'row has no order_id',
  );
  for await (const item of groups) {
    if ('error' in item) {
      yield item;
      continue;
    }
    const { group } = item;
    const rows = group.rows.map((r) => r.record);
    const source: GenericSource = {
      orderId: group.key,
      get: (key) => firstCell(rows, key),
      lines: group.rows.map((r) => ({
        line: r.line,
        get: (key: string) => cell(r.record, key),
        label: (key: string) => key,
      })),
      decimal: dialect.decimal,
      now: options.now,
    };
    yield tryBuild(() => genericOrder(source), group.line, `order ${group.key}`);
  }
};

/** NDJSON item keys, keyed by the CSV column they correspond to. */
const ITEM_KEY: Readonly<Record<string, string>> = { product_name: 'name', unit_price: 'price' };

export const parseGenericOrdersNdjson: FormatParser<OrderRecord> = async function* (file, options) {
  const seen = new SeenOrders();
  for await (const item of readNdjson(file, options.encoding ?? sniffEncoding(file), options.onProgress)) {
    if ('error' in item) {
      yield item;
      continue;
    }
    const { line, value } = item;
    const built = tryBuild(() => ndjsonSource(value, options.now), line);
    if ('error' in built) {
      yield built;
      continue;
    }
    const source = built.record;
    const first = seen.firstSeen(source.orderId, line);
    if (first !== null) yield { line, error: duplicateOrder(source.orderId, first) };
    else yield tryBuild(() => genericOrder(source), line, `order ${source.orderId}`);
  }
};

function ndjsonSource(value: unknown, now: number): GenericSource {
  if (!isObject(value)) throw new RowRejected('line is not a JSON object');
  const orderId = jsonText(value, 'order_id');
  if (orderId === null) throw new RowRejected('order_id is missing');
  const items = value.items ?? [];
  if (!Array.isArray(items)) throw new RowRejected('items is not an array');
  const lines = items.map((entry, i) => {
    if (!isObject(entry)) throw new RowRejected(`items[${i}] is not an object`);
    const path = (key: string) => `items[${i}].${ITEM_KEY[key] ?? key}`;
    return {
      line: undefined,
      get: (key: string) => jsonText(entry, ITEM_KEY[key] ?? key, path(key)),
      label: path,
    };
  });
  return { orderId, get: (key) => jsonText(value, key), lines, decimal: '.', now };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A JSON field as text, so numbers and numeric strings go through the same readers as CSV cells. */
function jsonText(object: Record<string, unknown>, key: string, path = key): string | null {
  const v = object[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RowRejected(`${path} is not a finite number`);
    return String(v);
  }
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  throw new RowRejected(`${path} must be a string or a number`);
}

function genericOrder(src: GenericSource): OrderRecord {
  const { get, decimal } = src;
  const money = (key: string) => amount(get(key), decimal, key);
  const lines = src.lines.map((l) => {
    const read = () => genericLine(l, decimal);
    return l.line === undefined ? read() : atLine(l.line, read);
  });
  const total = money('total') ?? sumOfLines(lines);
  const refundAmount = positiveOrNull(money('refund_amount'));
  const cancelledAt = optionalDate(get('cancelled_at'), 'cancelled_at');
  const word = get('status');
  const given =
    word === null ? (cancelledAt !== null ? 'cancelled' : 'completed') : statusFrom(word, STATUS, 'status');
  return {
    orderId: src.orderId,
    customerId: get('customer_id'),
    email: get('email'),
    orderedAt: orderedAt(get('ordered_at'), 'ordered_at', src.now),
    currency: get('currency')?.toUpperCase() ?? null,
    status: withRefund(given, refundAmount, total),
    total,
    shipping: money('shipping'),
    tax: money('tax'),
    discount: positiveOrNull(money('discount')),
    coupon: get('coupon'),
    refundAmount,
    refundedAt: optionalDate(get('refunded_at'), 'refunded_at'),
    cancelledAt,
    channel: channelFrom(get('channel'), 'channel'),
    lines,
  };
}

function genericLine(
  { get, label }: { get: Get; label: (key: string) => string },
  decimal: DecimalSeparator | 'auto',
): OrderLine {
  const sku = get('sku');
  const productId = get('product_id') ?? sku;
  if (productId === null) throw new RowRejected(`${label('product_id')} and ${label('sku')} are both empty`);
  const qty = get('quantity');
  return {
    productId,
    sku,
    name: get('product_name'),
    category: get('category'),
    brand: get('brand'),
    price: amount(get('unit_price'), decimal, label('unit_price')),
    // A line without a quantity is one item: spreadsheets of single-item orders often omit it.
    quantity: qty === null ? 1 : quantity(qty, label('quantity')),
  };
}
