import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimal';

describe('parseDecimal', () => {
  it('reads shop prices with and without currency', () => {
    expect(parseDecimal('19.99 EUR')).toBe(19.99);
    expect(parseDecimal('12,90 €')).toBe(12.9);
    expect(parseDecimal('€ 12,90')).toBe(12.9);
    expect(parseDecimal('1.234,56')).toBe(1234.56);
    expect(parseDecimal('1,234.56')).toBe(1234.56);
    expect(parseDecimal('-5')).toBe(-5);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
  });

  it('reads a lone separator before three digits by the file decimal', () => {
    expect(parseDecimal('1.234', ',')).toBe(1234);
    expect(parseDecimal('1,234', '.')).toBe(1234);
    expect(parseDecimal('1.234.567', ',')).toBe(1234567);
    expect(parseDecimal('1,234', ',')).toBe(1.234);
  });

  it('keeps "19.99" at 19.99 in a decimal-comma file (a thousands separator needs three digits after it)', () => {
    expect(parseDecimal('19.99', ',')).toBe(19.99);
    expect(parseDecimal('19.99 EUR', ',')).toBe(19.99);
    expect(parseDecimal('4,5', '.')).toBe(4.5);
  });
});
