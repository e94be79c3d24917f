// Product catalogue CSV, as shops and ERPs export it: the catalogue later issues recommend
// from. Header names follow Google's product data specification where shops follow it
// (https://support.google.com/merchants/answer/7052112: id, title, price "15.00 USD",
// availability, product_type "Home > Women > Dresses") and common English and German
// spellings otherwise (SKU, Artikelnummer, Bezeichnung, Preis). Columns that are none of these
// are kept as attributes. German Excel files (";" and decimal commas, Windows-1252) are read
// through the sniffed dialect; a bad row is reported and the next one read.

import type { ProductRecord } from '../records';
import { readCsv } from '../sources/csv-records';
import {
  csvDialectFor,
  type FieldAliases,
  type ProductField,
  splitRecord,
  toProductRecord,
} from './field-helpers';
import type { FormatParser } from './format';

/** Header spellings per field, first match wins; compared without case and punctuation. */
export const PRODUCT_CSV_ALIASES: FieldAliases<ProductField> = {
  productId: ['id', 'product_id', 'productid', 'item_id', 'sku', 'artikelnummer', 'art_nr', 'artikel_id'],
  title: ['title', 'name', 'product_name', 'product_title', 'bezeichnung', 'artikelname', 'produktname'],
  description: ['description', 'body_html', 'body (html)', 'beschreibung', 'artikelbeschreibung'],
  categoryPath: [
    'category_path',
    'category',
    'product_type',
    'google_product_category',
    'kategorie',
    'kategoriepfad',
    'warengruppe',
  ],
  brand: ['brand', 'marke', 'manufacturer', 'hersteller', 'vendor'],
  price: ['price', 'regular_price', 'preis', 'verkaufspreis', 'vk_preis'],
  salePrice: ['sale_price', 'special_price', 'sonderpreis', 'angebotspreis', 'aktionspreis'],
  currency: ['currency', 'currency_code', 'währung', 'waehrung'],
  availability: ['availability', 'stock_status', 'verfügbarkeit', 'verfuegbarkeit', 'lieferstatus'],
  imageLink: ['image_link', 'image', 'image_url', 'image_src', 'bild', 'bild_url', 'bildlink'],
  link: ['link', 'url', 'product_url', 'produkt_url', 'produktlink'],
};

export const parseProductsCsv: FormatParser<ProductRecord> = async function* (file, options) {
  const dialect = csvDialectFor(file, options);
  for await (const item of readCsv(file, dialect, options.onProgress)) {
    if ('error' in item) {
      yield item;
      continue;
    }
    const result = toProductRecord(splitRecord(item.record, PRODUCT_CSV_ALIASES), dialect.decimal);
    yield 'error' in result
      ? { line: item.line, error: result.error }
      : { line: item.line, record: result.record };
  }
};
