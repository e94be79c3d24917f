// Google Merchant Center product feeds, the catalogue many shops already maintain for Google
// Shopping: XML in RSS 2.0 or Atom 1.0 (https://support.google.com/merchants/answer/160589,
// /answer/160593) or a tab-delimited text file whose header row holds the same attribute names
// (https://support.google.com/merchants/answer/160588). Attribute meanings follow the product
// data specification (https://support.google.com/merchants/answer/7052112): price "15.00 USD",
// availability in_stock / out_of_stock / preorder / backorder, product_type as the shop's own
// category path (preferred here over the numeric or Google-worded google_product_category).
// Attributes other than the ones ProductRecord names (gtin, mpn, condition, color, size, …)
// are kept as attributes.
import { closeSync, openSync, readSync } from 'node:fs';
import type { ProductRecord } from '../records';
import { readCsv } from '../sources/csv-records';
import { readMerchantXml } from '../sources/merchant-xml-records';
import { sniffEncoding, type TextEncoding } from '../sources/text-source';
import {
  csvDialectFor,
  type FieldAliases,
  type ProductField,
  splitRecord,
  toProductRecord,
} from './field-helpers';
import type { FormatParser, ParseOptions } from './format';

export const MERCHANT_ALIASES: FieldAliases<ProductField> = {
  productId: ['id'],
  title: ['title'],
  // Atom entries may carry the description as <summary>.
  description: ['description', 'summary'],
  categoryPath: ['product_type', 'google_product_category'],
  brand: ['brand'],
  price: ['price'],
  salePrice: ['sale_price'],
  currency: [],
  availability: ['availability'],
  imageLink: ['image_link'],
  link: ['link'],
};

/** Atom and RSS bookkeeping elements, about the feed entry rather than the product. */
const FEED_ENVELOPE = new Set(['updated', 'published', 'issued', 'modified', 'author']);

interface FeedStart {
  kind: 'xml' | 'tsv';
  /** Encoding named by the XML declaration, when it names one we read. */
  declared: TextEncoding | null;
}

/** XML when the file (after a BOM and blank space) starts with a tag, else tab-delimited text. */
export function sniffFeed(file: string): FeedStart {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    // latin1 maps every byte to one character, enough to read ASCII markup in either encoding.
    const head = buf
      .subarray(0, n)
      .toString('latin1')
      .replace(/^\xEF\xBB\xBF/, '')
      .trimStart();
    if (!head.startsWith('<')) return { kind: 'tsv', declared: null };
    const name = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase() ?? null;
    let declared: TextEncoding | null = null;
    if (name === 'utf-8' || name === 'utf8') declared = 'utf-8';
    else if (name && /^(iso-8859-1|iso-8859-15|latin-?1|windows-1252|cp1252)$/.test(name))
      declared = 'windows-1252';
    return { kind: 'xml', declared };
  } finally {
    closeSync(fd);
  }
}

/** Delimited headers may be written as in Google's template, "Image link [image_link]". */
function bracketedNames(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    const name = /\[([^\]]+)\]\s*$/.exec(key)?.[1]?.trim() ?? key;
    if (out[name] === undefined || out[name] === '') out[name] = value;
  }
  return out;
}

async function* records(
  file: string,
  options: ParseOptions,
): AsyncGenerator<
  | { line: number; record: Record<string, string>; decimal: '.' | ',' | 'auto' }
  | { line: number; error: string }
> {
  const start = sniffFeed(file);
  if (start.kind === 'xml') {
    const encoding = options.encoding ?? start.declared ?? sniffEncoding(file);
    // The spec asks for "15.00 USD", but European feeds do write "15,00 EUR"; auto reads both.
    const decimal = options.decimal ?? 'auto';
    for await (const item of readMerchantXml(file, encoding, options.onProgress)) {
      yield 'error' in item ? item : { ...item, decimal };
    }
    return;
  }
  const dialect = csvDialectFor(file, options, '\t');
  for await (const item of readCsv(file, dialect, options.onProgress)) {
    yield 'error' in item
      ? item
      : { line: item.line, record: bracketedNames(item.record), decimal: dialect.decimal };
  }
}

export const parseMerchantFeed: FormatParser<ProductRecord> = async function* (file, options) {
  for await (const item of records(file, options)) {
    if ('error' in item) {
      yield item;
      continue;
    }
    const split = splitRecord(item.record, MERCHANT_ALIASES);
    for (const key of FEED_ENVELOPE) delete split.attributes[key];
    const result = toProductRecord(split, item.decimal);
    yield 'error' in result
      ? { line: item.line, error: result.error }
      : { line: item.line, record: result.record };
  }
};
