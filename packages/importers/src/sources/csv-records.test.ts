import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CsvItem, readCsv, sniffCsvDialect } from './csv-records';

const dir = mkdtempSync(join(tmpdir(), 'centric-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function read(content: string | Buffer): Promise<CsvItem[]> {
  const file = join(dir, `f${n++}.csv`);
  writeFileSync(file, content);
  const items: CsvItem[] = [];
  for await (const item of readCsv(file, sniffCsvDialect(file))) items.push(item);
  return items;
}

const lines = (items: CsvItem[]) =>
  items.map((item) => [item.line, 'error' in item ? item.error : item.record.id]);

describe('readCsv line numbers', () => {
  it('gives the line a row starts on, also after multi-line quoted fields (LF)', async () => {
    const items = await read('id,text\n1,"a\nb\nc"\n\n2,x\n3,y\n');
    expect(lines(items)).toEqual([
      [2, '1'],
      [6, '2'],
      [7, '3'],
    ]);
  });

  it('counts CRLF inside a quoted field as one line (csv-parse counts two)', async () => {
    const items = await read('id,text\r\n1,"a\r\nb\r\nc"\r\n2,x\r\n3,y\r\n');
    expect(lines(items)).toEqual([
      [2, '1'],
      [5, '2'],
      [6, '3'],
    ]);
  });
});

describe('readCsv malformed rows', () => {
  it('rejects a row with more fields than the header, even empty ones, and reads on', async () => {
    const items = await read('id,title,price\n1,Ball,2.00\n2,Tor, groß,3.00\n3,Netz,4.00,\n4,Pumpe,5.00\n');
    expect(lines(items)).toEqual([
      [2, '1'],
      [3, 'row has 4 fields but the header has 3 columns'],
      [4, 'row has 4 fields but the header has 3 columns'],
      [5, '4'],
    ]);
  });

  it('reads a short row as empty trailing cells', async () => {
    const [item] = await read('id,title,price\n1,Ball\n');
    expect(item).toEqual({ line: 2, record: { id: '1', title: 'Ball' } });
  });

  it('reports an unclosed quote at the row that opens it, after the rows before it', async () => {
    const items = await read('id,title\n1,a\n2,"b\n3,c\n');
    expect(lines(items)).toEqual([
      [2, '1'],
      [
        3,
        'malformed CSV: a quoted field opened in this row is never closed; the rest of the file could not be read',
      ],
    ]);
  });

  it('names unnamed columns and keeps the first non-empty value of a repeated column', async () => {
    const [item] = await read('id,Name,,name\n1,,x,Ball\n');
    expect(item).toEqual({ line: 2, record: { id: '1', name: 'Ball', column_3: 'x' } });
  });
});

describe('sniffCsvDialect', () => {
  it('takes ";" files as German Excel with decimal commas, Windows-1252 when not UTF-8', () => {
    const file = join(dir, 'de.csv');
    writeFileSync(file, Buffer.from('Artikelnummer;Größe\r\n1;5\r\n', 'latin1'));
    expect(sniffCsvDialect(file)).toEqual({ encoding: 'windows-1252', delimiter: ';', decimal: ',' });
  });

  it('ignores delimiters inside quoted header names', () => {
    const file = join(dir, 'quoted.csv');
    writeFileSync(file, '\uFEFF"a;b","c;d",e\n');
    expect(sniffCsvDialect(file)).toEqual({ encoding: 'utf-8', delimiter: ',', decimal: 'auto' });
  });
});
