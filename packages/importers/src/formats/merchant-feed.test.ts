import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedItem, ProductRecord } from '../records';
import type { ParseOptions } from './format';
import { parseMerchantFeed, sniffFeed } from './merchant-feed';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/products/${name}`, import.meta.url));
const options: ParseOptions = { projectId: 'p1', now: 0 };

async function parse(file: string): Promise<ParsedItem<ProductRecord>[]> {
  const items: ParsedItem<ProductRecord>[] = [];
  for await (const item of parseMerchantFeed(file, options)) items.push(item);
  return items;
}

const errors = (items: ParsedItem<ProductRecord>[]) =>
  items.flatMap((item) => ('error' in item ? [{ line: item.line, error: item.error }] : []));
const ids = (items: ParsedItem<ProductRecord>[]) =>
  items.flatMap((item) => ('record' in item ? [item.record.productId] : []));

const football: ProductRecord = {
  productId: 'SKU-1001',
  title: 'Fußball Größe 5',
  description: '<p>Trainingsball, <b>handgenäht</b>. Für Kunstrasen &amp; Halle.</p>',
  categoryPath: 'Sport > Fußball > Bälle',
  brand: 'Derbystar',
  price: 24.95,
  salePrice: 19.95,
  currency: 'EUR',
  availability: 'in_stock',
  imageLink: 'https://shop.example.de/img/sku-1001.jpg',
  link: 'https://shop.example.de/p/fussball-groesse-5',
  attributes: {
    additional_image_link: 'https://shop.example.de/img/sku-1001-b.jpg',
    condition: 'new',
    shipping: 'country=DE; service=Standard; price=4.95 EUR',
    gtin: '4006592012345',
    google_product_category: 'Sporting Goods > Athletics > Soccer > Soccer Balls',
    color: 'weiß/schwarz',
    size: '5',
  },
};

describe('parseMerchantFeed, RSS 2.0', () => {
  it('reads g: attributes, keeping extras (gtin, condition, shipping) as attributes', async () => {
    const items = await parse(fixture('merchant-feed-rss.xml'));
    expect(items[0]).toEqual({ line: 7, record: football });
  });

  it('prefers g:title over the plain RSS title and google_product_category when product_type is absent', async () => {
    const items = await parse(fixture('merchant-feed-rss.xml'));
    expect(items[1]).toEqual({
      line: 31,
      record: {
        productId: 'SKU-1002',
        title: 'Trikot „Heim“ Größe M',
        description: 'Atmungsaktives Trikot.',
        categoryPath: '5322',
        brand: 'Erima',
        price: 39.9,
        salePrice: null,
        currency: 'EUR',
        availability: 'out_of_stock',
        imageLink: null,
        link: 'https://shop.example.de/p/trikot-heim',
        attributes: { mpn: 'ER-3130-M', item_group_id: 'ER-3130' },
      },
    });
  });

  it('rejects an item with broken XML or no id and reads the items after it', async () => {
    const items = await parse(fixture('merchant-feed-rss.xml'));
    expect(errors(items)).toEqual([
      { line: 44, error: 'malformed XML at line 46: Invalid character in entity name' },
      { line: 50, error: 'missing id' },
    ]);
    expect(ids(items)).toEqual(['SKU-1001', 'SKU-1002', 'SKU-1014']);
  });
});

describe('parseMerchantFeed, Atom 1.0', () => {
  it('reads <summary>, <link href> and the entry <id>, with g:id winning over the Atom id', async () => {
    const items = await parse(fixture('merchant-feed-atom.xml'));
    expect(items[0]).toEqual({
      line: 10,
      record: {
        productId: 'SKU-1001',
        title: 'Fußball Größe 5',
        description: 'Trainingsball, handgenäht.',
        categoryPath: 'Sport > Fußball > Bälle',
        brand: 'Derbystar',
        price: 24.95,
        salePrice: null,
        currency: 'EUR',
        availability: 'in_stock',
        imageLink: 'https://shop.example.de/img/sku-1001.jpg',
        link: 'https://shop.example.de/p/fussball-groesse-5',
        // <updated> is about the feed entry, not the product.
        attributes: { condition: 'new' },
      },
    });
    expect(items[1]).toMatchObject({
      line: 24,
      record: { productId: 'SKU-1015', availability: 'backorder' },
    });
    expect(errors(items)).toEqual([{ line: 34, error: "price 'gratis' is not a number" }]);
  });
});

describe('parseMerchantFeed, tab-delimited', () => {
  it('reads the same attributes as the XML feeds', async () => {
    const items = await parse(fixture('merchant-feed.tsv'));
    expect(items[0]).toEqual({
      line: 2,
      record: {
        ...football,
        description: 'Trainingsball, handgenäht.',
        attributes: {
          google_product_category: 'Sporting Goods > Athletics > Soccer > Soccer Balls',
          gtin: '4006592012345',
          condition: 'new',
          color: 'weiß/schwarz',
          size: '5',
          shipping: 'DE::Standard:4.95 EUR',
        },
      },
    });
    expect(items[1]).toMatchObject({
      line: 3,
      record: { productId: 'SKU-1002', availability: 'out_of_stock' },
    });
    expect(items[2]).toMatchObject({
      line: 4,
      record: { productId: 'SKU-1017', price: 4.99, currency: 'EUR' },
    });
    expect(errors(items)).toEqual([
      { line: 5, error: "price 'neunzehn EUR' is not a number" },
      { line: 6, error: 'missing title' },
    ]);
  });
});

describe('parseMerchantFeed, sniffing and odd files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'centric-merchant-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tells XML from TSV by the file start and reads the declared encoding', () => {
    expect(sniffFeed(fixture('merchant-feed-rss.xml'))).toEqual({ kind: 'xml', declared: 'utf-8' });
    expect(sniffFeed(fixture('merchant-feed-atom.xml'))).toEqual({ kind: 'xml', declared: 'utf-8' });
    expect(sniffFeed(fixture('merchant-feed.tsv'))).toEqual({ kind: 'tsv', declared: null });
    const bare = join(dir, 'bare.xml');
    writeFileSync(bare, '\uFEFF\n  <rss version="2.0"><channel></channel></rss>');
    expect(sniffFeed(bare)).toEqual({ kind: 'xml', declared: null });
  });

  it('reads an ISO-8859-1 feed as its declaration says', async () => {
    const file = join(dir, 'latin1.xml');
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel>\n' +
      '<item><g:id>L-1</g:id><g:title>Größe</g:title><g:price>5.00 EUR</g:price></item>\n</channel></rss>\n';
    writeFileSync(file, Buffer.from(xml, 'latin1'));
    const [item] = await parse(file);
    expect(item).toMatchObject({ line: 3, record: { productId: 'L-1', title: 'Größe', price: 5 } });
  });

  it('accepts template headers like "Image link [image_link]" in a TSV feed', async () => {
    const file = join(dir, 'template.tsv');
    writeFileSync(
      file,
      'ID [id]\tTitle [title]\tPrice [price]\tImage link [image_link]\nT-1\tBall\t9.99 EUR\thttps://x/i.jpg\n',
    );
    const [item] = await parse(file);
    expect(item).toMatchObject({
      line: 2,
      record: { productId: 'T-1', title: 'Ball', imageLink: 'https://x/i.jpg' },
    });
  });

  it('reports a feed cut off inside an item after yielding the complete ones', async () => {
    const file = join(dir, 'truncated.xml');
    writeFileSync(
      file,
      '<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n<item><g:id>A</g:id><g:title>Eins</g:title></item>\n<item><g:id>B</g:id><g:ti',
    );
    const items = await parse(file);
    expect(ids(items)).toEqual(['A']);
    expect(errors(items)).toEqual([{ line: 3, error: 'the file ends inside this item (truncated file?)' }]);
  });
});
