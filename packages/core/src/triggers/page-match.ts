// Page targeting of on-site triggers: the decision request's page normalised once (its path out
// of a full URL), URL path globs compiled to anchored regular expressions (cached, since every
// decide matches the same few patterns), and category matching that takes sub-categories.
import type { DecidePage, PageType } from '@centric/contracts';

/** The page as targeting sees it: absent fields are null. */
export interface DecisionPage {
  path: string;
  type: PageType | null;
  productId: string | null;
  category: string | null;
  cartValue: number | null;
  currency: string | null;
}

const CATEGORY_SEPARATOR = ' > ';

/**
 * @example decisionPage({ url: 'https://shop.example/p/sku-1?ref=mail', type: 'product' }).path // '/p/sku-1'
 */
export function decisionPage(page: DecidePage): DecisionPage {
  return {
    path: pathOf(page.url),
    type: page.type ?? null,
    productId: page.productId ?? null,
    category: page.category ?? null,
    cartValue: page.cartValue ?? null,
    currency: page.currency ?? null,
  };
}

/** The path of a full URL, or of a path with a query or fragment; always starts with '/'. */
export function pathOf(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      return new URL(url).pathname;
    } catch {
      // Not a URL after all: treat it as a path below.
    }
  }
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return path.startsWith('/') ? path : `/${path}`;
}

const compiled = new Map<string, RegExp>();

/**
 * A path glob as an anchored expression: `*` matches any characters (slashes included), the
 * rest literally. A trailing `/` is optional on both sides, so "/sale/" also matches "/sale".
 *
 * @example globMatches('/products/*', '/products/red-candle') // true
 */
export function globMatches(pattern: string, path: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    const trimmed = pattern.length > 1 ? pattern.replace(/\/+$/, '') : pattern;
    const source = trimmed
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${source}/?$`);
    // Patterns come from a handful of saved triggers; the bound only guards against misuse.
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(pattern, re);
  }
  return re.test(path);
}

/**
 * True when the page's category is one of `categories` or below one of them.
 *
 * @example categoryMatches(['Home'], 'Home > Candles') // true
 */
export function categoryMatches(categories: readonly string[], category: string | null): boolean {
  if (category === null) return false;
  return categories.some((c) => category === c || category.startsWith(`${c}${CATEGORY_SEPARATOR}`));
}
