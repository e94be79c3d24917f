// Page targeting: paths out of URLs, globs, categories with their sub-categories.
import { describe, expect, it } from 'vitest';
import { categoryMatches, decisionPage, globMatches, pathOf } from './page-match';

describe('pathOf', () => {
  it('takes the path of a full URL or of a path with query and fragment', () => {
    expect(pathOf('https://shop.example/p/red-candle?utm_source=mail#reviews')).toBe('/p/red-candle');
    expect(pathOf('/cart?step=2')).toBe('/cart');
    expect(pathOf('sale')).toBe('/sale');
    expect(pathOf('https://shop.example')).toBe('/');
  });

  it('normalises a decide page with nulls for what is absent', () => {
    expect(decisionPage({ url: 'https://shop.example/p/1', type: 'product', productId: '1' })).toEqual({
      path: '/p/1',
      type: 'product',
      productId: '1',
      category: null,
      cartValue: null,
      currency: null,
    });
  });
});

describe('globMatches', () => {
  it('matches * across any characters and nothing else loosely', () => {
    expect(globMatches('/products/*', '/products/red-candle')).toBe(true);
    expect(globMatches('/products/*', '/products/a/b')).toBe(true);
    expect(globMatches('/products/*', '/product/red')).toBe(false);
    expect(globMatches('*/sale', '/de/sale')).toBe(true);
    expect(globMatches('/cart', '/cart/')).toBe(true);
    expect(globMatches('/sale/', '/sale')).toBe(true);
    expect(globMatches('/cart', '/cart/checkout')).toBe(false);
  });

  it('takes regular-expression characters literally', () => {
    expect(globMatches('/p/(1).html', '/p/(1).html')).toBe(true);
    expect(globMatches('/p/(1).html', '/p/1xhtml')).toBe(false);
    expect(globMatches('/a+b', '/aab')).toBe(false);
  });
});

describe('categoryMatches', () => {
  it('takes the category itself and its sub-categories, not look-alikes', () => {
    expect(categoryMatches(['Home'], 'Home')).toBe(true);
    expect(categoryMatches(['Home'], 'Home > Candles')).toBe(true);
    expect(categoryMatches(['Home'], 'Homeware')).toBe(false);
    expect(categoryMatches(['Garden', 'Toys'], 'Toys > Puzzles')).toBe(true);
    expect(categoryMatches(['Home'], null)).toBe(false);
  });
});
