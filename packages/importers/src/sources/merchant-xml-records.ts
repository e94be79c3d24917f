// Streams a Google Merchant Center feed in XML, RSS 2.0 (<item>) or Atom (<entry>), as flat
// records of its g: attributes (namespace prefix dropped: "g:id" -> "id"). sax parses it in
// constant memory; the line number is where the item starts.
//
// Spec: https://support.google.com/merchants/answer/160589 (RSS 2.0) and /answer/160593
// (Atom 1.0). Both allow the plain RSS/Atom elements (<title>, <link>, Atom <id>) next to the
// g: ones; when both are present the g: one is the Merchant attribute and wins. Attributes
// with sub-attributes (<g:shipping><g:country>…) become "country=US; price=4.95 USD".
// An XML error inside an item rejects that item and parsing goes on (sax recovers from
// unescaped "&" and mismatched tags), so one bad product does not cost the whole feed.
import sax from 'sax';
import { openText, type TextEncoding } from './text-source';

export type XmlItem = { line: number; record: Record<string, string> } | { line: number; error: string };

/** Past this many errors the file is taken not to be XML at all and reading stops. */
const MAX_XML_ERRORS = 100;

const MERCHANT_PREFIX = 'g:';

const localName = (name: string) => (name.includes(':') ? name.slice(name.indexOf(':') + 1) : name);

export async function* readMerchantXml(
  file: string,
  encoding: TextEncoding,
  onProgress?: (bytesRead: number) => void,
): AsyncGenerator<XmlItem> {
  const { stream, bytesRead } = openText(file, encoding);
  const parser = sax.parser(true, { trim: false, normalize: false, xmlns: false });
  const ready: XmlItem[] = [];
  let current: Record<string, string> | null = null;
  let fromMerchant = new Set<string>();
  let currentLine = 0;
  let itemError: string | null = null;
  let field: string | null = null;
  let fieldIsMerchant = false;
  let child: string | null = null;
  let parts: string[] = [];
  let depth = 0;
  let text = '';
  let childText = '';
  let errors = 0;
  let lastOutsideError = '';
  // A function, so TypeScript does not narrow `current` to its initial null here.
  const isOpen = () => current !== null;

  parser.onopentag = (node) => {
    const name = node.name.toLowerCase();
    if (!current && (name === 'item' || name === 'entry')) {
      current = {};
      fromMerchant = new Set();
      itemError = null;
      currentLine = parser.line + 1;
      depth = 0;
      return;
    }
    if (!current) return;
    depth += 1;
    if (depth === 1) {
      field = localName(name);
      fieldIsMerchant = name.startsWith(MERCHANT_PREFIX);
      text = '';
      parts = [];
      // Atom links carry the URL in href.
      const href = (node.attributes as Record<string, string>).href;
      if (field === 'link' && href) text = href;
    } else if (depth === 2) {
      child = localName(name);
      childText = '';
    }
  };
  const onText = (t: string) => {
    if (!current || !field) return;
    if (depth === 1) text += t;
    else childText += t;
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onclosetag = (tag) => {
    const name = tag.toLowerCase();
    if (current && depth === 0 && (name === 'item' || name === 'entry')) {
      ready.push(
        itemError ? { line: currentLine, error: itemError } : { line: currentLine, record: current },
      );
      current = null;
      return;
    }
    if (!current) return;
    if (depth === 2 && child) {
      const value = childText.trim();
      if (value !== '') parts.push(`${child}=${value}`);
      child = null;
    } else if (depth === 1 && field) {
      const value = parts.length > 0 ? parts.join('; ') : text.trim();
      // Repeated fields (additional_image_link, product_detail) keep the first value; a g:
      // element replaces a plain RSS/Atom one of the same name (Atom <id> vs <g:id>).
      const replace = current[field] === undefined || (fieldIsMerchant && !fromMerchant.has(field));
      if (value !== '' && replace) {
        current[field] = value;
        if (fieldIsMerchant) fromMerchant.add(field);
      }
      field = null;
    }
    depth -= 1;
  };
  parser.onerror = (error) => {
    errors += 1;
    const message = error.message.split('\n')[0] ?? '';
    const reason = `malformed XML at line ${parser.line + 1}: ${message}`;
    if (current) itemError ??= reason;
    else if (message !== lastOutsideError) {
      // Text outside the root repeats one error per character; report it once.
      lastOutsideError = message;
      ready.push({ line: parser.line + 1, error: reason });
    }
    parser.resume();
  };

  for await (const chunk of stream as AsyncIterable<string>) {
    parser.write(chunk);
    while (ready.length > 0) yield ready.shift()!;
    onProgress?.(bytesRead());
    if (errors > MAX_XML_ERRORS) {
      yield { line: parser.line + 1, error: `more than ${MAX_XML_ERRORS} XML errors: stopped reading` };
      return;
    }
  }
  parser.close();
  while (ready.length > 0) yield ready.shift()!;
  if (isOpen()) yield { line: currentLine, error: 'the file ends inside this item (truncated file?)' };
}
