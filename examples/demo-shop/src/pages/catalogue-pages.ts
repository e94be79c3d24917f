// The browsing pages: home, category listing (sorted, paged), product page and search. Lists the
// shop renders itself come from its catalogue; the personal parts (recommendation carousels,
// social proof, pop-ins) are filled in the browser by Centric's decision (elements with
// data-centric-slot), and search results come from Centric's search API.
import { type Catalogue, PRODUCT_SORTS, type Product, type ProductSort } from '../catalogue';
import { html } from '../html';
import { FREE_SHIPPING_THRESHOLD } from '../orders';
import { breadcrumbs, categoryPath, formatPrice, imagePath, type LayoutOptions, productCard } from './layout';

export const PAGE_SIZE = 24;

const slot = (id: string, heading: string) =>
  html`<section class="rec-section" aria-label="${heading}">
  <h2>${heading}</h2>
  <div class="rec-slot" data-centric-slot="${id}" data-centric-currency="GBP" data-testid="slot-${id}"></div>
</section>`;

export function homePage(catalogue: Catalogue): LayoutOptions {
  const categories = catalogue.topCategories();
  return {
    title: 'Gifts, homeware and party supplies',
    page: { type: 'home', name: 'Home' },
    body: html`<section class="hero">
  <div>
    <h1>Little things that make a home</h1>
    <p>Gifts, kitchenware, candles and party supplies, picked by a small team in the UK.
    Free standard delivery on orders over ${formatPrice(FREE_SHIPPING_THRESHOLD)}.</p>
    <a class="button" href="${categoryPath(categories[0]?.slug ?? '')}">Shop ${categories[0]?.name ?? 'now'}</a>
  </div>
</section>
<section aria-labelledby="categories-heading">
  <h2 id="categories-heading">Shop by category</h2>
  <ul class="category-tiles">
${categories.map(
  (c) => html`<li><a href="${categoryPath(c.slug)}" style="--tile:${c.colour}">
    <span class="category-tiles__name">${c.name}</span>
    <span class="category-tiles__count">${c.productCount} products</span></a></li>`,
)}
  </ul>
</section>
${slot('home', 'Picked for you')}
<section aria-labelledby="featured-heading">
  <h2 id="featured-heading">Shop favourites</h2>
  <ul class="product-grid">${catalogue.featured(1, 8).map((p) => productCard(p, { list: 'featured' }))}</ul>
</section>`,
  };
}

export function parseSort(value: string | null): ProductSort {
  return (PRODUCT_SORTS as readonly string[]).includes(value ?? '') ? (value as ProductSort) : 'featured';
}

const SORT_LABELS: Record<ProductSort, string> = {
  featured: 'Featured',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
  name: 'Name',
};

/** Null when there is no such category. */
export function categoryPage(
  catalogue: Catalogue,
  slug: string,
  { sort, page }: { sort: ProductSort; page: number },
): LayoutOptions | null {
  const category = catalogue.category(slug);
  if (!category) return null;
  const all = catalogue.productsIn(slug, sort);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const shown = all.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const trail = catalogue.trail(category);
  const link = (p: number) => `${categoryPath(slug)}?${new URLSearchParams({ sort, page: String(p) })}`;
  return {
    title: category.name,
    page: { type: 'category', name: category.path, category: category.path },
    data: {
      list: {
        listId: slug,
        category: category.path,
        products: shown.map((p) => ({
          productId: p.id,
          title: p.title,
          price: p.price,
          category: p.category,
        })),
      },
    },
    body: html`${breadcrumbs([{ label: 'Home', href: '/' }, ...trail.map((c) => ({ label: c.name, href: categoryPath(c.slug) }))])}
<h1>${category.name}</h1>
${
  category.children.length > 0
    ? html`<ul class="chips" aria-label="Sub-categories">${category.children.map((child) => {
        const c = catalogue.category(child)!;
        return html`<li><a class="chip" href="${categoryPath(c.slug)}">${c.name} <span>(${c.productCount})</span></a></li>`;
      })}</ul>`
    : ''
}
<div class="listing-bar">
  <p class="listing-bar__count">${all.length} products</p>
  <form method="get" class="sort-form">
    <label for="sort">Sort by</label>
    <select id="sort" name="sort" data-autosubmit>
${PRODUCT_SORTS.map((s) => html`<option value="${s}"${s === sort ? html` selected` : ''}>${SORT_LABELS[s]}</option>`)}
    </select>
    <noscript><button class="button button--secondary" type="submit">Sort</button></noscript>
  </form>
</div>
<ul class="product-grid" data-testid="category-products">${shown.map((p) => productCard(p, { list: slug }))}</ul>
${
  pages > 1
    ? html`<nav class="pager" aria-label="Pages">
  ${current > 1 ? html`<a href="${link(current - 1)}" rel="prev">Previous</a>` : ''}
  <span>Page ${current} of ${pages}</span>
  ${current < pages ? html`<a href="${link(current + 1)}" rel="next">Next</a>` : ''}
</nav>`
    : ''
}`,
  };
}

function describe(product: Product, catalogue: Catalogue): string {
  const category = catalogue.category(product.categorySlug);
  const top = category ? catalogue.topOf(category).name.toLowerCase() : 'gift';
  return `${product.title} from our ${top} range. Packed with care in our UK warehouse and dispatched within one working day.`;
}

export function productPage(catalogue: Catalogue, product: Product): LayoutOptions {
  const category = catalogue.category(product.categorySlug);
  const trail = category ? catalogue.trail(category) : [];
  const wire = {
    productId: product.id,
    title: product.title,
    price: product.price,
    currency: product.currency,
    category: product.category,
    inStock: product.inStock,
  };
  return {
    title: product.title,
    page: { type: 'product', name: 'Product', productId: product.id, category: product.category },
    data: { product: wire },
    body: html`${breadcrumbs([
      { label: 'Home', href: '/' },
      ...trail.map((c) => ({ label: c.name, href: categoryPath(c.slug) })),
      { label: product.title },
    ])}
<article class="product" data-testid="product" data-product-id="${product.id}">
  <div class="product__media">
    <img src="${imagePath(product.id)}" alt="${product.title}" width="480" height="480">
  </div>
  <div class="product__info">
    <h1 data-testid="product-title">${product.title}</h1>
    <p class="product__price" data-testid="product-price">${formatPrice(product.price, product.currency)}</p>
    <p class="product__stock ${product.inStock ? 'in' : 'out'}">${product.inStock ? 'In stock, dispatched within one working day' : 'Out of stock'}</p>
    <div class="social-proof" data-centric-social-proof data-testid="social-proof"></div>
    <form class="add-to-cart" data-add-to-cart>
      <label for="quantity">Quantity</label>
      <input id="quantity" name="quantity" type="number" min="1" max="99" value="1" inputmode="numeric">
      <button type="submit" class="button" data-testid="add-to-cart"${product.inStock ? '' : html` disabled`}>Add to basket</button>
    </form>
    <p class="add-to-cart__status" role="status" data-cart-status></p>
    <p class="product__description">${describe(product, catalogue)}</p>
    <ul class="product__facts">
      <li>Item number ${product.id}</li>
      <li>Free standard delivery over ${formatPrice(FREE_SHIPPING_THRESHOLD)}</li>
      <li>30 days to change your mind</li>
    </ul>
  </div>
</article>
${slot('product_page', 'Customers also viewed')}`,
  };
}

export function searchPage(query: string, category: string | null): LayoutOptions {
  return {
    title: query ? `Search: ${query}` : 'Search',
    query,
    page: { type: 'search', name: 'Search', query, ...(category ? { category } : {}) },
    body: html`<h1 class="search-title">${query ? html`Results for “<span data-search-query>${query}</span>”` : 'Search'}</h1>
<p class="search-corrected" data-search-corrected hidden></p>
<p class="search-summary" data-search-summary role="status">${query ? 'Searching…' : 'Type what you are looking for in the search box.'}</p>
<ul class="product-grid" data-search-results data-testid="search-results"></ul>
<div class="load-more"><button type="button" class="button button--secondary" data-search-more hidden>Show more</button></div>`,
  };
}

export function notFoundPage(what: string): LayoutOptions {
  return errorPage(404, what);
}

export function errorPage(status: number, what: string): LayoutOptions {
  const title = status === 404 ? 'Not found' : 'Something went wrong';
  return {
    title,
    status,
    page: { type: 'other', name: title },
    body: html`<h1>${status === 404 ? 'Sorry, we could not find that' : 'Sorry, that did not work'}</h1>
<p>${what}</p>
<p><a class="button" href="/">Back to the shop</a></p>`,
  };
}
