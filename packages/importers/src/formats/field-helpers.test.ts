import { describe, expect, it } from 'vitest';
import { normaliseCategoryPath, parseAvailability, parsePrice, splitRecord } from './field-helpers';

describe('splitRecord', () => {
  const aliases = { id: ['id', 'sku', 'Artikelnummer'], email: ['email'] } as const;

  it('matches header spellings regardless of case and punctuation', () => {
    expect(splitRecord({ 'art.-nr.': 'x' }, { id: ['Art-Nr'] }).fields.id).toBe('x');
    expect(splitRecord({ 'e-mail': ' a@b.de ' }, aliases).fields.email).toBe('a@b.de');
    expect(splitRecord({ artikelnummer: 'A1' }, aliases).fields.id).toBe('A1');
  });

  it('keeps an alias that lost to an earlier one, and drops empty values', () => {
    expect(splitRecord({ id: '1', sku: 'S-1', note: '', colour: 'red' }, aliases)).toEqual({
      fields: { id: '1', email: null },
      keys: { id: 'id', email: null },
      attributes: { sku: 'S-1', colour: 'red' },
    });
  });

  it('falls through to the next alias when the first is empty', () => {
    expect(splitRecord({ id: ' ', sku: 'S-1' }, aliases).fields.id).toBe('S-1');
  });
});

describe('normaliseCategoryPath', () => {
  it('writes levels with " > " whatever the separator', () => {
    expect(normaliseCategoryPath('Sport>Fußball>Bälle')).toBe('Sport > Fußball > Bälle');
    expect(normaliseCategoryPath('/Sport/Bekleidung/')).toBe('Sport > Bekleidung');
    expect(normaliseCategoryPath('Damen > T-Shirts/Tops')).toBe('Damen > T-Shirts/Tops');
    expect(normaliseCategoryPath(' > ')).toBeNull();
  });
});

describe('parseAvailability', () => {
  it('maps Google, WooCommerce, schema.org and German wording', () => {
    const cases: [string, string | null][] = [
      ['in stock', 'in_stock'],
      ['in_stock', 'in_stock'],
      ['Out of Stock', 'out_of_stock'],
      ['preorder', 'preorder'],
      ['backorder', 'backorder'],
      ['onbackorder', 'backorder'],
      ['https://schema.org/InStock', 'in_stock'],
      ['auf Lager', 'in_stock'],
      ['nicht verfügbar', 'out_of_stock'],
      ['Nicht verfu\u0308gbar', 'out_of_stock'],
      ['vielleicht', null],
    ];
    for (const [text, expected] of cases) expect(parseAvailability(text)).toBe(expected);
  });
});

describe('parsePrice', () => {
  it('splits amount and currency and names the field in errors', () => {
    expect(parsePrice('15.00 USD', { decimal: 'auto', field: 'price' })).toEqual({
      amount: 15,
      currency: 'USD',
    });
    expect(parsePrice('EUR 1.234,56', { decimal: ',', field: 'price' })).toEqual({
      amount: 1234.56,
      currency: 'EUR',
    });
    expect(parsePrice('12,90 €', { decimal: ',', field: 'price' })).toEqual({
      amount: 12.9,
      currency: 'EUR',
    });
    expect(parsePrice('$9.99', { decimal: 'auto', field: 'price' })).toEqual({
      amount: 9.99,
      currency: null,
    });
    expect(parsePrice('abc', { decimal: 'auto', field: 'price' })).toEqual({
      error: "price 'abc' is not a number",
    });
    expect(parsePrice('-1', { decimal: 'auto', field: 'sale price' })).toEqual({
      error: "sale price '-1' is negative",
    });
  });
});
