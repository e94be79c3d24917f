import { describe, expect, it } from 'vitest';
import { parseShopDate } from './shop-date';

describe('parseShopDate', () => {
  it('reads ISO 8601 with and without zone (no zone is UTC)', () => {
    expect(parseShopDate('2021-03-04')).toBe(Date.UTC(2021, 2, 4));
    expect(parseShopDate('2021-03-04T10:22:01Z')).toBe(Date.UTC(2021, 2, 4, 10, 22, 1));
    expect(parseShopDate('2021-03-04T10:22:01.250')).toBe(Date.UTC(2021, 2, 4, 10, 22, 1, 250));
    expect(parseShopDate('2021-03-04T10:22:01+01:00')).toBe(Date.UTC(2021, 2, 4, 9, 22, 1));
    expect(parseShopDate('2021-03-04T10:22-0800')).toBe(Date.UTC(2021, 2, 4, 18, 22));
  });

  it('reads SQL-style and Shopify timestamps', () => {
    expect(parseShopDate('2021-03-04 10:22:01')).toBe(Date.UTC(2021, 2, 4, 10, 22, 1));
    expect(parseShopDate('2021-03-04 10:22:01 +0100')).toBe(Date.UTC(2021, 2, 4, 9, 22, 1));
    expect(parseShopDate('2021-03-04 10:22:01 UTC')).toBe(Date.UTC(2021, 2, 4, 10, 22, 1));
  });

  it('reads German day.month.year with optional time and two-digit years', () => {
    expect(parseShopDate('04.03.2021')).toBe(Date.UTC(2021, 2, 4));
    expect(parseShopDate('4.3.2021 10:22')).toBe(Date.UTC(2021, 2, 4, 10, 22));
    expect(parseShopDate('04.03.2021, 10:22:01')).toBe(Date.UTC(2021, 2, 4, 10, 22, 1));
    expect(parseShopDate('04.03.21')).toBe(Date.UTC(2021, 2, 4));
    expect(parseShopDate('04.03.99')).toBe(Date.UTC(1999, 2, 4));
  });

  it('reads US month/day/year, with AM/PM', () => {
    expect(parseShopDate('3/4/21')).toBe(Date.UTC(2021, 2, 4));
    expect(parseShopDate('03/04/2021')).toBe(Date.UTC(2021, 2, 4));
    expect(parseShopDate('3/4/2021 2:05 PM')).toBe(Date.UTC(2021, 2, 4, 14, 5));
    expect(parseShopDate('3/4/2021 12:00 AM')).toBe(Date.UTC(2021, 2, 4, 0, 0));
    expect(parseShopDate('3/4/2021 12:30 pm')).toBe(Date.UTC(2021, 2, 4, 12, 30));
    expect(parseShopDate('3/4/2021 22:10')).toBe(Date.UTC(2021, 2, 4, 22, 10));
  });

  it('reads day/month/year when told to, and never swaps the order on its own', () => {
    expect(parseShopDate('25/12/2021')).toBeNull();
    expect(parseShopDate('25/12/2021', { slashOrder: 'dmy' })).toBe(Date.UTC(2021, 11, 25));
    expect(parseShopDate('3/4/21', { slashOrder: 'dmy' })).toBe(Date.UTC(2021, 3, 3));
  });

  it('reads Unix seconds and milliseconds', () => {
    expect(parseShopDate('1614853321')).toBe(1614853321000);
    expect(parseShopDate('1614853321000')).toBe(1614853321000);
  });

  it('returns null for empty text, unknown shapes and days that do not exist', () => {
    for (const bad of [
      null,
      undefined,
      '',
      '  ',
      'gestern',
      '2021-02-30',
      '31.04.2021',
      '13/13/2021',
      '2021-03-04 25:00',
    ]) {
      expect(parseShopDate(bad)).toBeNull();
    }
    expect(parseShopDate('3/4/2021 14:00 PM')).toBeNull();
    expect(parseShopDate('29.02.2024')).toBe(Date.UTC(2024, 1, 29));
    expect(parseShopDate('29.02.2023')).toBeNull();
  });
});
