// Page-type classification of an event: what kind of shop page it happened on (home, search,
// category, product, cart, checkout, confirmation, account, content, other). Journeys grouped by
// page type read like a shop's floor plan whatever its URLs look like. Rules are plain data
// (PageTypeRules in @centric/contracts) that the stores compile into SQL too.
//
// Order: e-commerce events that name their page (Product Viewed -> product, Order Completed ->
// confirmation ...) win over the path, because imported and server-side events often carry no
// path; then path rules in order ('/' exact, '/products/*' prefix); else 'other'.
import type { PageType, PageTypeRules } from '@centric/contracts';

export const DEFAULT_PAGE_TYPE_RULES: PageTypeRules = {
  byEvent: [
    { event: 'Products Searched', pageType: 'search' },
    { event: 'Product List Viewed', pageType: 'category' },
    { event: 'Product List Filtered', pageType: 'category' },
    { event: 'Product Viewed', pageType: 'product' },
    { event: 'Cart Viewed', pageType: 'cart' },
    { event: 'Checkout Started', pageType: 'checkout' },
    { event: 'Checkout Step Viewed', pageType: 'checkout' },
    { event: 'Checkout Step Completed', pageType: 'checkout' },
    { event: 'Payment Info Entered', pageType: 'checkout' },
    { event: 'Order Completed', pageType: 'confirmation' },
    { event: 'Home', pageType: 'home' },
  ],
  byPath: [
    { path: '/', pageType: 'home' },
    { path: '/index.html', pageType: 'home' },
    { path: '/search*', pageType: 'search' },
    { path: '/c/*', pageType: 'category' },
    { path: '/category/*', pageType: 'category' },
    { path: '/categories/*', pageType: 'category' },
    { path: '/collections/*', pageType: 'category' },
    { path: '/shop/*', pageType: 'category' },
    { path: '/products/*', pageType: 'product' },
    { path: '/product/*', pageType: 'product' },
    { path: '/p/*', pageType: 'product' },
    { path: '/cart*', pageType: 'cart' },
    { path: '/basket*', pageType: 'cart' },
    { path: '/checkout/thank*', pageType: 'confirmation' },
    { path: '/checkout/confirmation*', pageType: 'confirmation' },
    { path: '/order-confirmation*', pageType: 'confirmation' },
    { path: '/checkout*', pageType: 'checkout' },
    { path: '/account*', pageType: 'account' },
    { path: '/login*', pageType: 'account' },
    { path: '/register*', pageType: 'account' },
    { path: '/blog*', pageType: 'content' },
    { path: '/pages/*', pageType: 'content' },
    { path: '/faq*', pageType: 'content' },
    { path: '/about*', pageType: 'content' },
    { path: '/help*', pageType: 'content' },
  ],
};

export const PAGE_TYPE_LABELS: Readonly<Record<PageType, string>> = {
  home: 'Home',
  search: 'Search',
  category: 'Category',
  product: 'Product',
  cart: 'Cart',
  checkout: 'Checkout',
  confirmation: 'Order confirmation',
  account: 'Account',
  content: 'Content',
  other: 'Other page',
};

/** A path rule: a trailing '*' matches by prefix, otherwise the whole path must be equal. */
export function pathMatches(path: string, rule: string): boolean {
  return rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : path === rule;
}

/**
 * The page type of an event.
 *
 * @example classifyPageType({ event: 'Product Added', pagePath: '/products/42' }) // 'product'
 */
export function classifyPageType(
  e: { event?: string | null; pagePath?: string | null },
  rules: PageTypeRules = DEFAULT_PAGE_TYPE_RULES,
): PageType {
  const byEvent = e.event ? rules.byEvent.find((r) => r.event === e.event) : undefined;
  if (byEvent) return byEvent.pageType;
  // Paths compare in lower case (page_path holds the path only, no query string).
  const path = (e.pagePath ?? '').toLowerCase();
  if (path !== '')
    for (const r of rules.byPath) if (pathMatches(path, r.path.toLowerCase())) return r.pageType;
  return 'other';
}
