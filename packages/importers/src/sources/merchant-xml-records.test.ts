import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readMerchantXml, type XmlItem } from './merchant-xml-records';

const dir = mkdtempSync(join(tmpdir(), 'centric-xml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function read(xml: string): Promise<XmlItem[]> {
  const file = join(dir, `f${n++}.xml`);
  writeFileSync(file, xml);
  const items: XmlItem[] = [];
  for await (const item of readMerchantXml(file, 'utf-8')) items.push(item);
  return items;
}

const rss = (items: string) =>
  `<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel>\n${items}</channel></rss>\n`;

describe('readMerchantXml', () => {
  it('lets a g: element win over the plain RSS/Atom one of the same name, in either order', async () => {
    const items = await read(
      rss('<item><title>RSS</title><g:title>G</g:title><g:id>1</g:id><id>atom</id></item>\n'),
    );
    expect(items).toEqual([{ line: 2, record: { title: 'G', id: '1' } }]);
  });

  it('keeps the first of repeated attributes and flattens sub-attributes as name=value', async () => {
    const items = await read(
      rss(
        '<item><g:id>1</g:id>\n<g:shipping><g:country>US</g:country><g:region>CA</g:region>\n<g:price>16.00 USD</g:price></g:shipping>\n' +
          '<g:shipping><g:country>DE</g:country></g:shipping></item>\n',
      ),
    );
    expect(items).toEqual([
      { line: 2, record: { id: '1', shipping: 'country=US; region=CA; price=16.00 USD' } },
    ]);
  });

  it('rejects the item an XML error is in and goes on with the next one', async () => {
    const items = await read(
      rss(
        '<item><g:id>1</g:id><g:title>Tom & Jerry</g:title></item>\n' +
          '<item><g:id>2</g:id><g:title>x</g:titel></item>\n' +
          '<item><g:id>3</g:id></item>\n',
      ),
    );
    expect(items).toEqual([
      { line: 2, error: 'malformed XML at line 2: Invalid character in entity name' },
      { line: 3, error: expect.stringMatching(/^malformed XML at line 3: /) },
      { line: 4, record: { id: '3' } },
    ]);
  });

  it('reports a file that ends inside an item', async () => {
    const items = await read('<rss><channel>\n<item><g:id>1</g:id></item>\n<item><g:id>2');
    expect(items).toEqual([
      { line: 2, record: { id: '1' } },
      { line: 3, error: 'the file ends inside this item (truncated file?)' },
    ]);
  });

  it('reports a file that is not XML once and stops after too many errors', async () => {
    const items = await read(`id\ttitle\n${'1\tBall\n'.repeat(50)}`);
    expect(items.some((item) => 'record' in item)).toBe(false);
    expect(items.at(-1)).toMatchObject({ error: 'more than 100 XML errors: stopped reading' });
    expect(items.length).toBeLessThan(5);
  });
});
