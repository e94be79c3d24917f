import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedItem, ProductRecord } from '../records';
import type { ParseOptions } from './format';
import { parseProductsCsv } from './products-csv';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/products/${name}`, import.meta.url));
const options: ParseOptions = { projectId: 'p1', now: 0 };

async function parse(file: string, extra: Partial<ParseOptions> = {}): Promise<ParsedItem<ProductRecord>[]> {
  const items: ParsedItem<ProductRecord>[] = [];
  for await (const item of parseProductsCsv(file, { ...options, ...extra })) items.push(item);
  return items;
}

const records = (items: ParsedItem<ProductRecord>[]) =>
  items.flatMap((item) => ('record' in item ? [{ line: item.line, ...item.record }] : []));
const errors = (items: ParsedItem<ProductRecord>[]) =>
  items.flatMap((item) => ('error' in item ? [{ line: item.line, error: item.error }] : []));

describe('parseProductsCsv, UTF-8 with BOM and ","', () => {
  it('reads Google-named columns into the record and the rest into attributes', async () => {
    const items = await parse(fixture('products-utf8-bom.csv'));
    expect(items[0]).toEqual({
      line: 2,
      record: {
        productId: 'SKU-1001',
        title: 'Fußball Größe 5',
        description: 'Trainingsball, handgenäht. Für Kunstrasen und Halle.',
        categoryPath: 'Sport > Fußball > Bälle',
        brand: 'Derbystar',
        price: 24.95,
        salePrice: null,
        currency: 'EUR',
        availability: 'in_stock',
        imageLink: 'https://shop.example.de/img/sku-1001.jpg',
        link: 'https://shop.example.de/p/fussball-groesse-5',
        attributes: { gtin: '4006592012345', color: 'weiß/schwarz', size: '5', material: 'PU' },
      },
    });
    expect(items[1]).toEqual({
      line: 3,
      record: {
        productId: 'SKU-1002',
        title: 'Trikot „Heim“ Größe M',
        description: 'Atmungsaktives Trikot.\nMaschinenwaschbar bei 30 °C.',
        categoryPath: 'Sport > Bekleidung > Trikots',
        brand: 'Erima',
        price: 39.9,
        salePrice: 29.9,
        currency: 'EUR',
        availability: 'in_stock',
        imageLink: 'https://shop.example.de/img/sku-1002.jpg',
        link: 'https://shop.example.de/p/trikot-heim',
        attributes: { color: 'rot', size: 'M', material: 'Polyester' },
      },
    });
  });

  it('normalises category separators, reads thousands separators and keeps stray quotes', async () => {
    const byId = records(await parse(fixture('products-utf8-bom.csv')));
    const gloves = byId.find((r) => r.productId === 'SKU-1003');
    expect(gloves).toMatchObject({
      line: 5,
      categoryPath: 'Sport > Fußball > Torwart',
      price: 1299,
      currency: null,
    });
    expect(gloves?.availability).toBe('preorder');
    const retro = byId.find((r) => r.productId === 'SKU-1008');
    expect(retro).toMatchObject({ title: 'Kinder-Trikot "Retro" 1974', availability: 'backorder' });
  });

  it('lists bad rows with their line and reason and still yields the good ones', async () => {
    const items = await parse(fixture('products-utf8-bom.csv'));
    expect(errors(items)).toEqual([
      { line: 6, error: 'missing id' },
      { line: 7, error: 'missing title' },
      { line: 8, error: "price 'abc' is not a number" },
      { line: 9, error: 'row has 15 fields but the header has 14 columns' },
    ]);
    expect(records(items).map((r) => r.productId)).toEqual([
      'SKU-1001',
      'SKU-1002',
      'SKU-1003',
      'SKU-1008',
      'SKU-1001',
    ]);
  });

  it('yields both rows of a duplicated id (the writer decides)', async () => {
    const dupes = records(await parse(fixture('products-utf8-bom.csv'))).filter(
      (r) => r.productId === 'SKU-1001',
    );
    expect(dupes.map((r) => [r.line, r.title, r.price, r.availability])).toEqual([
      [2, 'Fußball Größe 5', 24.95, 'in_stock'],
      [11, 'Fußball Größe 5 (Restposten)', 19.95, 'out_of_stock'],
    ]);
  });
});

describe('parseProductsCsv, Windows-1252 with ";" and decimal commas (German Excel)', () => {
  it('reads German headers, umlauts, decimal commas and German availability', async () => {
    const items = await parse(fixture('products-de-windows1252.csv'));
    expect(items[0]).toEqual({
      line: 2,
      record: {
        productId: 'SKU-1001',
        title: 'Fußball Größe 5',
        description: 'Trainingsball; handgenäht.\nFür Kunstrasen und Halle.',
        categoryPath: 'Sport > Fußball > Bälle',
        brand: 'Derbystar',
        price: 24.95,
        salePrice: null,
        currency: 'EUR',
        availability: 'in_stock',
        imageLink: 'https://shop.example.de/img/sku-1001.jpg',
        link: 'https://shop.example.de/p/fussball-groesse-5',
        attributes: { farbe: 'weiß/schwarz', größe: '5' },
      },
    });
    const hurdles = records(items).find((r) => r.productId === 'SKU-1009');
    expect(hurdles).toMatchObject({
      line: 4,
      title: 'Übungshürden (6er-Set)',
      categoryPath: 'Sport > Training',
      price: 1249,
      salePrice: 999,
      availability: 'out_of_stock',
    });
    const board = records(items).find((r) => r.productId === 'SKU-1010');
    expect(board).toMatchObject({ price: 34.9, currency: 'EUR', availability: 'preorder' });
    expect(errors(items)).toEqual([
      { line: 6, error: 'missing title' },
      { line: 7, error: "price 'zwölf' is not a number" },
    ]);
  });

  it('gives the same umlauts as the UTF-8 file', async () => {
    const [utf8] = records(await parse(fixture('products-utf8-bom.csv')));
    const [cp1252] = records(await parse(fixture('products-de-windows1252.csv')));
    expect(cp1252?.title).toBe('Fußball Größe 5');
    expect(cp1252?.title).toBe(utf8?.title);
    expect(cp1252?.categoryPath).toBe(utf8?.categoryPath);
  });

  it('misreads umlauts when forced to the wrong encoding (so sniffing is what makes them right)', async () => {
    const [record] = records(await parse(fixture('products-de-windows1252.csv'), { encoding: 'utf-8' }));
    expect(record?.title).not.toBe('Fußball Größe 5');
  });
});

describe('parseProductsCsv, oversized and broken input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'centric-products-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects a row with a 10 MB description and yields the rows around it', async () => {
    const file = join(dir, 'huge-field.csv');
    const huge = 'Sehr langer Text. '.repeat(Math.ceil((10 * 1024 * 1024) / 18));
    writeFileSync(
      file,
      `id,title,description,price\nA-1,Erster,kurz,1.00\nA-2,Zweiter,"${huge}",2.00\nA-3,Dritter,kurz,3.00\n`,
    );
    const items = await parse(file);
    expect(records(items).map((r) => [r.line, r.productId])).toEqual([
      [2, 'A-1'],
      [4, 'A-3'],
    ]);
    expect(errors(items)).toEqual([
      {
        line: 3,
        error: `field "description" holds ${huge.length} characters; at most 1048576 are accepted`,
      },
    ]);
  });

  it('reports an unterminated quote at the row that opens it', async () => {
    const file = join(dir, 'open-quote.csv');
    writeFileSync(file, 'id,title,price\nB-1,Ball,1.00\nB-2,"Tor,2.00\nB-3,Netz,3.00\n');
    const items = await parse(file);
    expect(records(items).map((r) => r.productId)).toEqual(['B-1']);
    expect(errors(items)).toEqual([
      {
        line: 3,
        error:
          'malformed CSV: a quoted field opened in this row is never closed; the rest of the file could not be read',
      },
    ]);
  });

  it('yields nothing for a file with only a header', async () => {
    const file = join(dir, 'header-only.csv');
    writeFileSync(file, 'id,title,price\n');
    expect(await parse(file)).toEqual([]);
  });
});
