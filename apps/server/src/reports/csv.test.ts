// CSV export as RFC 4180 says, plus the formula guard for spreadsheets.
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and CRLF-terminated records, quoting only what must be', () => {
    const csv = toCsv({
      columns: ['Product', 'Note', 'Revenue'],
      rows: [
        ['Mug, blue', 'says "hi"', 12.5],
        ['Lamp', 'line one\nline two', null],
        ['Plain', 'a\r\nb', 0],
      ],
    });
    expect(csv).toBe(
      'Product,Note,Revenue\r\n"Mug, blue","says ""hi""",12.5\r\nLamp,"line one\nline two",\r\nPlain,"a\r\nb",0\r\n',
    );
  });

  it('keeps a spreadsheet from running cell text as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('round-trips through a strict RFC 4180 reader', () => {
    const rows = [
      ['a,b', '"q"', 'x\ny'],
      ['', 'plain', 'é ü'],
    ];
    expect(parseCsv(toCsv({ columns: ['c1', 'c2', 'c3'], rows }))).toEqual([['c1', 'c2', 'c3'], ...rows]);
  });
});

/** A small reader that follows the RFC to the letter, to check the writer against. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}
