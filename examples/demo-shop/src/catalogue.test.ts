// The shop's catalogue: CSV with quoted fields, title casing, categories with sub-categories, and
// the real demo catalogue the shop ships with.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Catalogue, displayTitle, slugify } from './catalogue';
import { formatCsv, parseCsv, parseCsvRecords } from './csv';

const DEMO_FILE = fileURLToPath(new URL('../../../demo/data/products.csv.gz', import.meta.url));

describe('csv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and writes them back', () => {
    const text = 'id,title\r\n1,"WRAP, CAROUSEL"\n2,"SAY ""HI""\nTWICE"\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'title'],
      ['1', 'WRAP, CAROUSEL'],
      ['2', 'SAY "HI"\nTWICE'],
    ]);
    const rows = parseCsvRecords(text);
    expect(
      parseCsvRecords(
        formatCsv(
          ['id', 'title'],
          rows.map((r) => [r.id!, r.title!]),
        ),
      ),
    ).toEqual(rows);
  });
});

describe('catalogue', () => {
  it('shows titles in title case and slugs category paths', () => {
    expect(displayTitle('SMALL FOLDING SCISSOR(POINTED EDGE)')).toBe('Small Folding Scissor(Pointed Edge)');
    expect(displayTitle('SET OF 3 CAKE TINS PANTRY DESIGN')).toBe('Set of 3 Cake Tins Pantry Design');
    expect(displayTitle('PACK/12 HEART  TAGS')).toBe('Pack/12 Heart Tags');
    expect(slugify('Home decor > Candles & lights')).toBe('home-decor-candles-lights');
  });

  it('builds the category tree, lists a parent with its sub-categories, sorts and skips unsellable rows', () => {
    const catalogue = Catalogue.fromCsv(
      [
        'id,title,category,price,currency,availability',
        'A,RED CANDLE,Home decor > Candles & lights,2.50,GBP,in stock',
        'B,BLUE FRAME,Home decor > Signs & frames,4.00,GBP,out of stock',
        'C,TEA TOWEL,Textiles,1.00,GBP,in stock',
        'D,FREE SAMPLE,Textiles,0,GBP,in stock',
        'A,DUPLICATE,Textiles,9,GBP,in stock',
      ].join('\n'),
    );
    expect(catalogue.products.map((p) => p.id)).toEqual(['A', 'B', 'C']);
    expect(catalogue.get('B')).toMatchObject({
      title: 'Blue Frame',
      inStock: false,
      categorySlug: 'home-decor-signs-frames',
    });
    const home = catalogue.category('home-decor')!;
    expect(home).toMatchObject({ name: 'Home decor', parent: null, productCount: 2 });
    expect(home.children).toEqual(['home-decor-candles-lights', 'home-decor-signs-frames']);
    expect(catalogue.productsIn('home-decor', 'price-desc').map((p) => p.id)).toEqual(['B', 'A']);
    expect(catalogue.trail(catalogue.category('home-decor-candles-lights')!).map((c) => c.name)).toEqual([
      'Home decor',
      'Candles & lights',
    ]);
    expect(catalogue.topCategories().map((c) => c.slug)).toEqual(['home-decor', 'textiles']);
    // A product's picture takes its top-level category's colour.
    expect(catalogue.colourOf(catalogue.get('A')!)).toBe(catalogue.colourOf(catalogue.get('B')!));
    expect(catalogue.colourOf(catalogue.get('A')!)).not.toBe(catalogue.colourOf(catalogue.get('C')!));
  });

  it('reads the demo catalogue the shop ships with', () => {
    const catalogue = Catalogue.load(DEMO_FILE);
    // 3,563 products in the file; one has no price and is not sold.
    expect(catalogue.products).toHaveLength(3562);
    expect(catalogue.get('10002')).toMatchObject({
      title: 'Inflatable Political Globe',
      category: 'Gifts & other',
      price: 0.85,
      currency: 'GBP',
    });
    expect(catalogue.get('16156L')?.title).toBe('Wrap, Carousel');
    const tops = catalogue.topCategories();
    expect(tops).toHaveLength(10);
    expect(new Set(tops.map((c) => c.colour)).size).toBe(10);
    expect(catalogue.featured(1, 8)).toHaveLength(8);
  });
});
