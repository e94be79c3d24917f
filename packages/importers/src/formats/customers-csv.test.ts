import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CustomerRecord, ParsedItem } from '../records';
import { parseCustomersCsv, splitFullName, toCustomerRecord } from './customers-csv';
import type { ParseOptions } from './format';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/customers/${name}`, import.meta.url));
const options: ParseOptions = { projectId: 'p1', now: 0 };

async function parse(file: string): Promise<ParsedItem<CustomerRecord>[]> {
  const items: ParsedItem<CustomerRecord>[] = [];
  for await (const item of parseCustomersCsv(file, options)) items.push(item);
  return items;
}

const errors = (items: ParsedItem<CustomerRecord>[]) =>
  items.flatMap((item) => ('error' in item ? [{ line: item.line, error: item.error }] : []));
const records = (items: ParsedItem<CustomerRecord>[]) =>
  items.flatMap((item) => ('record' in item ? [{ line: item.line, ...item.record }] : []));

describe('parseCustomersCsv, UTF-8 shop export', () => {
  it('yields the e-mail trimmed and lower-cased and other columns as attributes', async () => {
    const items = await parse(fixture('customers.csv'));
    expect(items[0]).toEqual({
      line: 2,
      record: {
        customerId: 'C-10001',
        email: 'anna.schmidt@example.com',
        firstName: 'Anna',
        lastName: 'Schmidt',
        createdAt: Date.UTC(2021, 2, 4, 10, 22, 1),
        attributes: {
          city: 'Berlin',
          country: 'DE',
          accepts_marketing: 'yes',
          orders_count: '3',
          tags: 'vip, newsletter',
        },
      },
    });
  });

  it('reads ISO, SQL-style, German and US dates as UTC', async () => {
    const byId = new Map(records(await parse(fixture('customers.csv'))).map((r) => [r.customerId, r]));
    expect(byId.get('C-10002')?.createdAt).toBe(Date.UTC(2021, 2, 4, 10, 22, 1));
    expect(byId.get('C-10003')?.createdAt).toBe(Date.UTC(2021, 2, 4));
    expect(byId.get('C-10004')?.createdAt).toBe(Date.UTC(2021, 2, 4));
    expect(byId.get('C-10009')).toMatchObject({ email: null, createdAt: null, firstName: 'Paul' });
  });

  it('lists rows without id, with implausible e-mails or impossible dates', async () => {
    expect(errors(await parse(fixture('customers.csv')))).toEqual([
      { line: 6, error: 'missing id' },
      { line: 7, error: 'invalid e-mail "foo"' },
      { line: 8, error: 'invalid e-mail "tim@example"' },
      { line: 9, error: 'created_at "2021-02-30" is not a date' },
    ]);
  });

  it('yields both rows of a duplicated customer id', async () => {
    const rows = records(await parse(fixture('customers.csv'))).filter((r) => r.customerId === 'C-10002');
    expect(rows.map((r) => [r.line, r.attributes.accepts_marketing])).toEqual([
      [3, 'no'],
      [11, 'yes'],
    ]);
  });
});

describe('parseCustomersCsv, German Windows-1252 export with ";"', () => {
  it('reads German headers and umlauts and splits the full name', async () => {
    const items = await parse(fixture('kunden-windows1252.csv'));
    expect(items[0]).toEqual({
      line: 2,
      record: {
        customerId: '4711',
        email: 'juergen.mueller@example.de',
        firstName: 'Jürgen',
        lastName: 'Müller',
        createdAt: Date.UTC(2021, 2, 4, 10, 22),
        attributes: { anrede: 'Herr', plz: '50667', ort: 'Köln', 'umsatz gesamt': '1.234,50' },
      },
    });
    expect(items[1]).toMatchObject({
      line: 3,
      record: { firstName: 'Bärbel', lastName: 'Weiß', email: 'baerbel.weiss@example.de' },
    });
    expect(items[2]).toMatchObject({
      line: 4,
      record: { customerId: '4713', email: null, lastName: 'Grete' },
    });
    expect(errors(items)).toEqual([
      { line: 5, error: 'missing id' },
      { line: 6, error: 'invalid e-mail "hans.meier(at)example.de"' },
    ]);
  });
});

describe('toCustomerRecord and splitFullName', () => {
  it('keeps a name column as an attribute when first and last name have their own', () => {
    const result = toCustomerRecord({ id: '1', vorname: 'Eva', nachname: 'Roth', name: 'Roth Consulting' });
    expect(result).toEqual({
      record: {
        customerId: '1',
        email: null,
        firstName: 'Eva',
        lastName: 'Roth',
        createdAt: null,
        attributes: { name: 'Roth Consulting' },
      },
    });
  });

  it('accepts real-world addresses and rejects obvious mistakes', () => {
    const email = (value: string) => toCustomerRecord({ id: '1', 'e-mail': value });
    for (const ok of ['a@b.de', 'first.last+tag@sub.example.co.uk', "o'brien@example.ie", 'jörg@müller.de']) {
      expect(email(ok)).toHaveProperty('record');
    }
    for (const bad of ['foo', 'a@b', 'a b@c.de', '@example.com', 'a@@b.de', 'a@.de', 'a@b..de']) {
      expect(email(bad)).toEqual({ error: `invalid e-mail "${bad}"` });
    }
  });

  it('splits "First Middle Last", "Last, First" and a single word', () => {
    expect(splitFullName('Anna Maria Schmidt')).toEqual({ firstName: 'Anna Maria', lastName: 'Schmidt' });
    expect(splitFullName('Schmidt, Anna')).toEqual({ firstName: 'Anna', lastName: 'Schmidt' });
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher', lastName: null });
  });
});
