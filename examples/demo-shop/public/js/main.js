// Entry of the shop's browser scripts: starts the Centric SDK with the visitor's consent choice,
// names the page view, wires the header (basket count, autosuggest, account name) and the consent
// banner, then runs the page's own script.
import { autosuggest } from './autosuggest.js';
import { cartCount } from './cart.js';
import { page, signedInCustomer, startTracking } from './centric.js';
import { config, productPath } from './config.js';
import { initConsentBanner } from './consent.js';
import { accountPage } from './pages/account.js';
import { categoryPage, homePage, productPage, searchPage } from './pages/browse.js';
import { cartPage, checkoutPage, confirmationPage } from './pages/buy.js';

const PAGES = {
  home: homePage,
  category: categoryPage,
  product: productPage,
  search: searchPage,
  cart: cartPage,
  checkout: checkoutPage,
  confirmation: confirmationPage,
  account: accountPage,
};

/**
 * Centric's carousels link to the product URLs of the shop's feed; until Centric has read the
 * feed a card may have no link yet, and the shop knows its own product pages.
 */
function carouselLinks() {
  document.addEventListener('click', (event) => {
    const link = /** @type {HTMLElement} */ (event.target).closest?.(
      '[data-centric-slot] a[data-product-id]',
    );
    const productId = link?.getAttribute('data-product-id');
    if (!productId || link?.getAttribute('href') !== '#') return;
    event.preventDefault();
    location.href = productPath(productId);
  });
}

function header() {
  const count = () => {
    for (const el of document.querySelectorAll('[data-cart-count]')) el.textContent = String(cartCount());
  };
  count();
  window.addEventListener('cart:change', count);
  // Another tab changed the basket.
  window.addEventListener('storage', (event) => {
    if (event.key === 'shop.cart') count();
  });
  const customer = signedInCustomer();
  const name = document.querySelector('[data-account-name]');
  if (customer && name) name.textContent = customer.name;
  for (const select of document.querySelectorAll('select[data-autosubmit]'))
    select.addEventListener('change', () => /** @type {HTMLSelectElement} */ (select).form?.submit());
}

startTracking();
initConsentBanner();
header();
carouselLinks();
autosuggest();
const { type, name, ...properties } = config.page;
page(name, { type, ...properties });
PAGES[type]?.();
