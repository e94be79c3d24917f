// The frame every page shares: header with search (autosuggest) and basket, category menu,
// footer, consent banner, and the page's configuration for the browser scripts (where Centric
// runs, the public write key, what the page is about). The Centric SDK is loaded from Centric
// itself ({centric}/sdk/centric.js); the shop's scripts degrade to a plain shop without it.
import type { Catalogue, Product } from '../catalogue';
import { html, jsonScript, type SafeHtml } from '../html';
import { FREE_SHIPPING_THRESHOLD } from '../orders';

export const SHOP_NAME = 'Thistle & Twine';

/** What the browser scripts need to know about the page, embedded as JSON. */
export interface PageContext {
  type:
    | 'home'
    | 'category'
    | 'product'
    | 'search'
    | 'cart'
    | 'checkout'
    | 'confirmation'
    | 'account'
    | 'other';
  name: string;
  productId?: string;
  category?: string;
  [extra: string]: unknown;
}

export interface LayoutOptions {
  title: string;
  page: PageContext;
  body: SafeHtml;
  /** Current search text, kept in the header's search box. */
  query?: string;
  /** Extra data for the page's script (product, order, list ...). */
  data?: Record<string, unknown>;
  status?: number;
}

export interface ShopSettings {
  /** Where Centric runs, as the browser reaches it, e.g. http://127.0.0.1:8080. */
  centricUrl: string;
  /** The project's public write key. */
  writeKey: string;
  catalogue: Catalogue;
}

export function formatPrice(amount: number, currency = 'GBP'): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);
}

export const productPath = (id: string) => `/p/${encodeURIComponent(id)}`;
export const imagePath = (id: string) => `/img/${encodeURIComponent(id)}.svg`;
export const categoryPath = (slug: string) => `/c/${slug}`;

/** The product tile used in every grid. */
export function productCard(product: Product, { list }: { list?: string } = {}): SafeHtml {
  return html`<li class="product-card">
  <a href="${productPath(product.id)}" data-product-id="${product.id}"${list ? html` data-list="${list}"` : ''}>
    <img src="${imagePath(product.id)}" alt="" width="200" height="200" loading="lazy">
    <span class="product-card__title">${product.title}</span>
  </a>
  <span class="product-card__price">${formatPrice(product.price, product.currency)}</span>
  ${product.inStock ? '' : html`<span class="badge badge--muted">Out of stock</span>`}
</li>`;
}

/** A breadcrumb trail; the last item is the current page. */
export function breadcrumbs(items: { label: string; href?: string }[]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
${items.map((item, i) =>
  item.href && i < items.length - 1
    ? html`<li><a href="${item.href}">${item.label}</a></li>`
    : html`<li aria-current="page">${item.label}</li>`,
)}
</ol></nav>`;
}

export function layout(settings: ShopSettings, options: LayoutOptions): SafeHtml {
  const { catalogue, centricUrl, writeKey } = settings;
  const config = {
    centric: { host: centricUrl, writeKey },
    page: options.page,
    currency: 'GBP',
    freeShippingThreshold: FREE_SHIPPING_THRESHOLD,
    ...options.data,
  };
  const current = options.page.category;
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${SHOP_NAME}</title>
<meta name="description" content="${SHOP_NAME}: gifts, homeware and party supplies (a Centric demo shop)">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/shop.css">
</head>
<body data-page-type="${options.page.type}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="site-header__inner">
    <a class="logo" href="/" aria-label="${SHOP_NAME} home"><span aria-hidden="true" class="logo__mark">T&amp;T</span> ${SHOP_NAME}</a>
    <form class="search" role="search" action="/search" method="get" autocomplete="off">
      <label class="visually-hidden" for="search-input">Search products</label>
      <div class="search__box">
        <input id="search-input" name="q" type="search" placeholder="Search gifts, homeware, party…"
          value="${options.query ?? ''}" role="combobox" aria-autocomplete="list" aria-expanded="false"
          aria-controls="search-suggestions" data-testid="search-input" maxlength="100">
        <ul id="search-suggestions" class="suggestions" role="listbox" aria-label="Suggestions" hidden data-testid="search-suggestions"></ul>
      </div>
      <button type="submit" class="button button--search">Search</button>
    </form>
    <nav class="header-links" aria-label="Your account">
      <a href="/account" data-testid="account-link"><span data-account-name>Account</span></a>
      <a href="/cart" class="cart-link" data-testid="cart-link">Basket <span class="cart-count" data-cart-count aria-live="polite">0</span></a>
    </nav>
  </div>
  <nav class="category-menu" aria-label="Categories">
    <ul>
${catalogue
  .topCategories()
  .map(
    (c) =>
      html`<li><a href="${categoryPath(c.slug)}"${current && catalogue.category(c.slug)?.path === current ? html` aria-current="page"` : ''}>${c.name}</a></li>`,
  )}
    </ul>
  </nav>
</header>
<main id="main" class="main">
${options.body}
</main>
<footer class="site-footer">
  <p>${SHOP_NAME} is a demo shop over a public sample of a UK gift shop’s catalogue. No real orders, no real payments.</p>
  <p>Recommendations, search and messages by Centric. <button type="button" class="link-button" data-consent-open>Privacy settings</button></p>
  <p class="site-footer__small">Free standard delivery on orders over ${formatPrice(FREE_SHIPPING_THRESHOLD)}.</p>
</footer>
<section class="consent" id="consent-banner" role="region" aria-label="Privacy choices" hidden data-testid="consent-banner">
  <div class="consent__inner">
    <h2 class="consent__title">Your privacy</h2>
    <p>We would like to remember you on this device to personalise recommendations and measure how the shop is used.
    If you refuse, we only count visits anonymously and store nothing that identifies you.</p>
    <div class="consent__actions">
      <button type="button" class="button" data-consent="granted" data-testid="consent-accept">Accept</button>
      <button type="button" class="button button--secondary" data-consent="denied" data-testid="consent-refuse">Refuse</button>
    </div>
  </div>
</section>
${jsonScript('shop-config', config)}
<script src="${centricUrl}/sdk/centric.js" defer></script>
<script type="module" src="/assets/js/main.js"></script>
</body>
</html>
`;
}
