// Streams a Google Merchant Center feed in XML, RSS 2.0 (<item>) or Atom (<entry>), as flat
// records of its g: attributes (namespace prefix dropped: "g:id" -> "id"). sax parses it in
// constant memory; the line number is where the item starts.
import sax from 'sax';
import { openText, type TextEncoding } from './text-source';

export type XmlItem = { line: number; record: Record<string, string> } | { line: number; error: string };

export async function* readMerchantXml(file: string, encoding: TextEncoding, onProgress?: (bytesRead: number) => void): AsyncGenerator<XmlItem> {
  const { stream, bytesRead } = openText(file, encoding);
  const parser = sax.parser(true, { trim: false, normalize: false, xmlns: false });
  const ready: XmlItem[] = [];
  let current: Record<string, string> | null = null;
  let currentLine = 0;
  let field: string | null = null;
  let depth = 0;
  let text = '';
  parser.onopentag = (node) => {
    const name = node.name.toLowerCase();
    if (name === 'item' || name === 'entry') {
      current = {};
      currentLine = parser.line + 1;
      depth = 0;
      return;
    }
    if (!current) return;
    depth += 1;
    if (depth === 1) {
      field = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
      text = '';
      // Atom links carry the URL in href.
      const href = (node.attributes as Record<string, string>).href;
      if (field === 'link' && href) text = href;
    }
  };
  const onText = (t: string) => {
    if (current && field) text += t;
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onclosetag = (tag) => {
    const name = tag.toLowerCase();
    if ((name === 'item' || name === 'entry') && current) {
      ready.push({ line: currentLine, record: current });
      current = null;
      return;
    }
    if (!current) return;
    if (depth === 1 && field) {
      const value = text.trim();
      // Repeated fields (additional_image_link, product_detail) keep the first value.
      if (value !== '' && current[field] === undefined) current[field] = value;
      field = null;
    }
    depth -= 1;
  };
  let failure: string | null = null;
  parser.onerror = (error) => {
    failure = `malformed XML at line ${parser.line + 1}: ${error.message.split('\n')[0]}`;
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    parser.write(chunk);
    while (ready.length > 0) yield ready.shift()!;
    onProgress?.(bytesRead());
    if (failure) {
      yield { line: parser.line + 1, error: failure };
      return;
    }
  }
  parser.close();
  while (ready.length > 0) yield ready.shift()!;
}
