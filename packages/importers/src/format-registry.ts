// Which parser reads which kind of file in which format, and the default format per kind when
// none is given (by file extension where it tells).
import { extname } from 'node:path';
import type { StoredEvent } from '@centric/storage';
import { parseCustomersCsv } from './formats/customers-csv';
import { parseEventsNdjson } from './formats/events-ndjson';
import { parseRetailRocketEvents } from './formats/events-retailrocket';
import type { FormatParser } from './formats/format';
import { parseMerchantFeed } from './formats/merchant-feed';
import { parseGenericOrdersCsv, parseGenericOrdersNdjson } from './formats/orders-generic';
import { parseShopifyOrders } from './formats/orders-shopify';
import { parseWooCommerceOrders } from './formats/orders-woocommerce';
import { parseProductsCsv } from './formats/products-csv';
import type { CustomerRecord, ImportFormat, ImportKind, OrderRecord, ProductRecord } from './records';

export type ParserFor<K extends ImportKind> = K extends 'products'
  ? FormatParser<ProductRecord>
  : K extends 'customers'
    ? FormatParser<CustomerRecord>
    : K extends 'orders'
      ? FormatParser<OrderRecord>
      : FormatParser<StoredEvent>;

export const FORMATS: { readonly [K in ImportKind]: readonly ImportFormat[] } = {
  products: ['csv', 'merchant'],
  orders: ['generic', 'shopify', 'woocommerce'],
  customers: ['csv'],
  events: ['ndjson', 'retailrocket'],
};

const isJsonLines = (file: string) => ['.ndjson', '.jsonl', '.json'].includes(extname(file).toLowerCase());

export class UnsupportedFormatError extends Error {}

/** The parser for a kind and format (format defaults by kind and file extension). */
export function parserFor<K extends ImportKind>(
  kind: K,
  format: ImportFormat | undefined,
  file: string,
): { format: ImportFormat; parse: ParserFor<K> } {
  const chosen: ImportFormat =
    format ??
    (kind === 'products'
      ? ['.xml', '.tsv', '.txt'].includes(extname(file).toLowerCase())
        ? 'merchant'
        : 'csv'
      : kind === 'orders'
        ? 'generic'
        : kind === 'customers'
          ? 'csv'
          : isJsonLines(file)
            ? 'ndjson'
            : 'retailrocket');
  if (!FORMATS[kind].includes(chosen)) {
    throw new UnsupportedFormatError(
      `${kind} cannot be imported as ${chosen}; use one of: ${FORMATS[kind].join(', ')}`,
    );
  }
  const parsers: Record<
    string,
    | FormatParser<ProductRecord>
    | FormatParser<CustomerRecord>
    | FormatParser<OrderRecord>
    | FormatParser<StoredEvent>
  > = {
    'products/csv': parseProductsCsv,
    'products/merchant': parseMerchantFeed,
    'customers/csv': parseCustomersCsv,
    'orders/generic': isJsonLines(file) ? parseGenericOrdersNdjson : parseGenericOrdersCsv,
    'orders/shopify': parseShopifyOrders,
    'orders/woocommerce': parseWooCommerceOrders,
    'events/ndjson': parseEventsNdjson,
    'events/retailrocket': parseRetailRocketEvents,
  };
  return { format: chosen, parse: parsers[`${kind}/${chosen}`] as ParserFor<K> };
}
