// Scripts of the browsing pages: home and category (list views), product page (add to basket)
// and search results (Centric's search API; Centric records the search as Products Searched).
import { addToCart, cartSubtotal, productProperties } from '../cart.js';
import { centricGet, ecommerce, personalise, track, visitorId } from '../centric.js';
import { config, escapeHtml, formatPrice, imagePath, productPath } from '../config.js';

export function homePage() {
  personalise({ type: 'home' });
}

export function categoryPage() {
  const list = /** @type {{ listId: string, category: string, products: any[] }} */ (config.list);
  track('Product List Viewed', {
    list_id: list.listId,
    category: list.category,
    products: list.products.map((p, i) => ({ ...productProperties(p), position: i + 1 })),
  });
  personalise({ type: 'category', category: list.category });
}

export function productPage() {
  const product =
    /** @type {{ productId: string, title: string, price: number, category: string, currency: string }} */ (
      config.product
    );
  ecommerce('productViewed', productProperties(product));
  personalise({ type: 'product', productId: product.productId, category: product.category });

  const form = document.querySelector('[data-add-to-cart]');
  const status = document.querySelector('[data-cart-status]');
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = /** @type {HTMLInputElement} */ (form.querySelector('input[name="quantity"]'));
    const quantity = Math.max(1, Math.min(99, Number.parseInt(input.value, 10) || 1));
    addToCart(product, quantity);
    // cart_value lets Centric's widgets (the free-shipping bar) follow the basket at once.
    ecommerce('productAdded', { ...productProperties(product), cart_value: cartSubtotal() }, quantity);
    if (status)
      status.innerHTML = `Added to your basket. <a href="/cart" data-testid="view-cart">View basket</a>`;
  });
}

const PAGE = 24;

export function searchPage() {
  const query = String(config.page.query ?? '');
  const category = config.page.category ? String(config.page.category) : null;
  const results = document.querySelector('[data-search-results]');
  const summary = document.querySelector('[data-search-summary]');
  const corrected = /** @type {HTMLElement | null} */ (document.querySelector('[data-search-corrected]'));
  const more = /** @type {HTMLButtonElement | null} */ (document.querySelector('[data-search-more]'));
  personalise({ type: 'search' });
  if (!query || !results || !summary) return;
  let offset = 0;
  let searchId = '';

  async function load() {
    try {
      const answer = await centricGet('/v1/search', {
        q: query,
        visitor: visitorId(),
        limit: PAGE,
        offset,
        category,
      });
      searchId = answer.searchId;
      if (offset === 0) {
        summary.textContent =
          answer.total === 0
            ? `Nothing found for “${query}”. Try another word or browse the categories.`
            : `${answer.total} ${answer.total === 1 ? 'product' : 'products'}`;
        if (answer.corrected && corrected) {
          corrected.hidden = false;
          corrected.innerHTML = `Showing results for <strong>${escapeHtml(answer.corrected)}</strong>.`;
        }
      }
      results.insertAdjacentHTML(
        'beforeend',
        answer.items
          .map(
            (hit, i) => `<li class="product-card">
  <a href="${productPath(hit.productId)}" data-product-id="${escapeHtml(hit.productId)}" data-position="${offset + i + 1}">
    <img src="${imagePath(hit.productId)}" alt="" width="200" height="200" loading="lazy">
    <span class="product-card__title">${escapeHtml(hit.title)}</span>
  </a>
  <span class="product-card__price">${hit.price === null ? '' : formatPrice(hit.price)}</span>
  ${hit.inStock ? '' : '<span class="badge badge--muted">Out of stock</span>'}
</li>`,
          )
          .join(''),
      );
      offset += answer.items.length;
      if (more) more.hidden = offset >= answer.total || answer.items.length === 0;
    } catch (error) {
      summary.textContent = `Search is not available right now (${/** @type {Error} */ (error).message}).`;
    }
  }

  results.addEventListener('click', (event) => {
    const link = /** @type {HTMLElement} */ (event.target).closest('a[data-product-id]');
    if (!link) return;
    track('Product Clicked', {
      product_id: link.getAttribute('data-product-id'),
      position: Number(link.getAttribute('data-position')),
      list_id: 'search',
      search_id: searchId,
      query,
    });
  });
  more?.addEventListener('click', load);
  load();
}
