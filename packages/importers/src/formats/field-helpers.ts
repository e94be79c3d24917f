// Shared by the products, merchant-feed and customers parsers: finding a field under the many
// header spellings shops use ("product_id", "Product ID", "Artikelnummer"), keeping every other
// column as an attribute, and reading prices, availability and category paths the way Google's
// product data specification writes them (https://support.google.com/merchants/answer/7052112).

import type { ProductRecord } from '../records';
import { type CsvDialect, sniffCsvDialect } from '../sources/csv-records';
import { type DecimalSeparator, parseDecimal } from '../sources/decimal';
import type { ParseOptions } from './format';

/** The file's CSV dialect, sniffed except where the caller forced a part of it. */
export function csvDialectFor(file: string, options: ParseOptions, delimiter?: string): CsvDialect {
  const forced = options.delimiter ?? delimiter;
  return sniffCsvDialect(file, {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(forced ? { delimiter: forced } : {}),
    ...(options.decimal ? { decimal: options.decimal } : {}),
  });
}

/**
 * Header names compared without case, spaces, dashes, dots or underscores, so "E-Mail",
 * "email" and "e_mail" or "Art.-Nr." and "artnr" are one name.
 */
export const comparableName = (name: string) =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

export type FieldAliases<K extends string> = Record<K, readonly string[]>;

export interface SplitRecord<K extends string> {
  fields: Record<K, string | null>;
  /** The header each field was taken from, for messages and for handing a value back. */
  keys: Record<K, string | null>;
  attributes: Record<string, string>;
}

/**
 * Takes each field from the first of its aliases that has a value (trimmed); every column not
 * taken, including an alias that lost to an earlier one ("sku" when "id" is also there), is
 * kept as an attribute, since it is still the shop's data. Empty values are dropped.
 */
export function splitRecord<K extends string>(
  record: Record<string, string>,
  aliases: FieldAliases<K>,
): SplitRecord<K> {
  const byName = new Map<string, string>();
  for (const key of Object.keys(record)) {
    const name = comparableName(key);
    if (!byName.has(name)) byName.set(name, key);
  }
  const taken = new Set<string>();
  const fields = {} as Record<K, string | null>;
  const keys = {} as Record<K, string | null>;
  for (const field of Object.keys(aliases) as K[]) {
    fields[field] = null;
    keys[field] = null;
    for (const alias of aliases[field]) {
      const key = byName.get(comparableName(alias));
      const value = key === undefined || taken.has(key) ? '' : (record[key] ?? '').trim();
      if (key !== undefined && value !== '') {
        fields[field] = value;
        keys[field] = key;
        taken.add(key);
        break;
      }
    }
  }
  const attributes: Record<string, string> = {};
  for (const [key, raw] of Object.entries(record)) {
    const value = raw.trim();
    if (!taken.has(key) && value !== '') attributes[key] = value;
  }
  return { fields, keys, attributes };
}

/** Category paths in the form Google's taxonomy uses: "Apparel & Accessories > Shoes". */
export function normaliseCategoryPath(text: string | null): string | null {
  if (text === null) return null;
  // "/" separates levels only when ">" is absent: "Damen > T-Shirts/Tops" is two levels.
  const separator = text.includes('>') ? '>' : '/';
  const levels = text
    .split(separator)
    .map((level) => level.trim())
    .filter((level) => level !== '');
  return levels.length > 0 ? levels.join(' > ') : null;
}

const AVAILABILITY: Record<string, ProductRecord['availability']> = {
  instock: 'in_stock',
  available: 'in_stock',
  availablefororder: 'in_stock', // retired Google value, mapped to in stock by Google
  limitedavailability: 'in_stock',
  auflager: 'in_stock',
  lieferbar: 'in_stock',
  verfügbar: 'in_stock',
  vorrätig: 'in_stock',
  outofstock: 'out_of_stock',
  soldout: 'out_of_stock',
  discontinued: 'out_of_stock',
  nichtverfügbar: 'out_of_stock',
  nichtlieferbar: 'out_of_stock',
  nichtauflager: 'out_of_stock',
  ausverkauft: 'out_of_stock',
  preorder: 'preorder',
  vorbestellung: 'preorder',
  vorbestellbar: 'preorder',
  backorder: 'backorder',
  onbackorder: 'backorder',
  nachbestellbar: 'backorder',
};

/**
 * Google's availability values (in_stock, out_of_stock, preorder, backorder; older feeds write
 * "in stock"), WooCommerce's stock status (instock, onbackorder), schema.org URLs and German
 * shop wording. Null when the text is none of these.
 */
export function parseAvailability(text: string | null): ProductRecord['availability'] {
  if (text === null) return null;
  const name = comparableName(text.replace(/^https?:\/\/schema\.org\//i, ''));
  return AVAILABILITY[name] ?? null;
}

const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP' };

/** An ISO 4217 code in the text ("15.00 USD", "EUR 12,90") or an unambiguous symbol. */
export function currencyIn(text: string): string | null {
  const code = /(?:^|[\s\d])([A-Za-z]{3})(?=$|[\s\d])/.exec(text.trim())?.[1];
  if (code) return code.toUpperCase();
  const symbol = Object.keys(CURRENCY_SYMBOLS).find((s) => text.includes(s));
  return symbol ? (CURRENCY_SYMBOLS[symbol] ?? null) : null;
}

export type PriceResult = { amount: number; currency: string | null } | { error: string };

/**
 * A price as Google writes it ("15.00 USD") or as shops do ("12,90 €", "EUR 1.234,56").
 * The currency comes from an ISO 4217 code or an unambiguous symbol ("$" is not: USD, CAD, AUD).
 */
export function parsePrice(
  text: string,
  options: { decimal: DecimalSeparator | 'auto'; field: string },
): PriceResult {
  const amount = parseDecimal(text, options.decimal);
  if (amount === null) return { error: `${options.field} '${text}' is not a number` };
  if (amount < 0) return { error: `${options.field} '${text}' is negative` };
  return { amount, currency: currencyIn(text) };
}

/** Shared end of the two product parsers: Google-shaped fields to a ProductRecord or a reason. */
export function toProductRecord(
  split: SplitRecord<ProductField>,
  decimal: DecimalSeparator | 'auto',
): { record: ProductRecord } | { error: string } {
  const { fields } = split;
  const attributes = { ...split.attributes };
  if (fields.productId === null) return { error: 'missing id' };
  if (fields.title === null) return { error: 'missing title' };
  const price = fields.price === null ? null : parsePrice(fields.price, { decimal, field: 'price' });
  if (price && 'error' in price) return { error: price.error };
  const sale =
    fields.salePrice === null ? null : parsePrice(fields.salePrice, { decimal, field: 'sale price' });
  if (sale && 'error' in sale) return { error: sale.error };
  const availability = parseAvailability(fields.availability);
  // An availability we cannot map is kept as written rather than lost.
  if (availability === null && fields.availability !== null) attributes.availability = fields.availability;
  // The code next to the amount ("15.00 USD") is the one that amount is in.
  const column =
    fields.currency === null ? null : (currencyIn(fields.currency) ?? fields.currency.toUpperCase());
  const currency = price?.currency ?? sale?.currency ?? column;
  return {
    record: {
      productId: fields.productId,
      title: fields.title,
      description: fields.description,
      categoryPath: normaliseCategoryPath(fields.categoryPath),
      brand: fields.brand,
      price: price?.amount ?? null,
      salePrice: sale?.amount ?? null,
      currency,
      availability,
      imageLink: fields.imageLink,
      link: fields.link,
      attributes,
    },
  };
}

export type ProductField =
  | 'productId'
  | 'title'
  | 'description'
  | 'categoryPath'
  | 'brand'
  | 'price'
  | 'salePrice'
  | 'currency'
  | 'availability'
  | 'imageLink'
  | 'link';
