// Script of the account page: sign in (identify) and out (reset), the customer's orders, and the
// shopping stream from Centric (GET /v1/stream: replenishment, price drops, new arrivals,
// recommendations, loyalty), loaded page by page as the visitor scrolls.
import {
  centricGet,
  flush,
  personalise,
  setSignedInCustomer,
  signedInCustomer,
  track,
  visitorId,
} from '../centric.js';
import { escapeHtml, formatPrice, imagePath, productPath } from '../config.js';

const KIND_LABELS = {
  replenishment: 'Time to restock',
  price_drop: 'Price drop',
  new_arrival: 'New in',
  recommendation: 'Picked for you',
  loyalty: 'Your rewards',
  back_in_stock: 'Back in stock',
};

async function signIn(email, name) {
  const response = await fetch('/api/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name }),
  });
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error(body.error.message), { problems: body.error.details });
  setSignedInCustomer(body);
  return body;
}

/** Wires a sign-in form (checkout and account page); calls back with the customer. */
export function wireSignInForm(form, onSignedIn) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = /** @type {HTMLInputElement} */ (form.querySelector('#signin-email')).value;
    const name = /** @type {HTMLInputElement} */ (form.querySelector('#signin-name')).value;
    const error = form.querySelector('[data-error-for="signin-email"]');
    try {
      onSignedIn(await signIn(email, name));
    } catch (failure) {
      if (error) error.textContent = /** @type {Error} */ (failure).message;
    }
  });
}

/** @param {any} card */
function streamCard(card) {
  const p = card.product;
  const product = p
    ? `<a class="stream-card__product" href="${productPath(p.productId)}" data-product-id="${escapeHtml(p.productId)}"${
        card.recommendationId ? ` data-recommendation-id="${escapeHtml(card.recommendationId)}"` : ''
      }>
    <img src="${imagePath(p.productId)}" alt="" width="96" height="96" loading="lazy">
    <span class="stream-card__title">${escapeHtml(p.title)}</span>
    <span class="stream-card__price">${
      typeof p.previousPrice === 'number' && p.price !== null
        ? `<del>${formatPrice(p.previousPrice)}</del> <ins>${formatPrice(p.price)}</ins>`
        : p.price === null
          ? ''
          : formatPrice(p.price)
    }</span></a>`
    : '';
  const loyalty = card.loyalty
    ? `<p class="stream-card__loyalty">Tier <strong>${escapeHtml(String(card.loyalty.tier))}</strong>${
        typeof card.loyalty.points === 'number' ? ` · ${card.loyalty.points} points` : ''
      }</p>`
    : '';
  // Recommendation cards are titled with the product's name: show it once.
  const heading =
    p && card.title === p.title ? '' : `<h3 class="stream-card__heading">${escapeHtml(card.title)}</h3>`;
  return `<li class="stream-card stream-card--${escapeHtml(card.kind)}" data-card-kind="${escapeHtml(card.kind)}"${
    p ? ` data-product-id="${escapeHtml(p.productId)}"` : ''
  }>
  <p class="stream-card__kind">${KIND_LABELS[card.kind] ?? escapeHtml(card.kind)}</p>
  ${heading}
  ${product}
  <p class="stream-card__reason">${escapeHtml(card.reason)}</p>
  ${loyalty}
</li>`;
}

function startStream() {
  const list = document.querySelector('[data-stream]');
  const status = document.querySelector('[data-stream-status]');
  const sentinel = document.querySelector('[data-stream-sentinel]');
  if (!list || !status || !sentinel) return;
  const visitor = visitorId();
  if (!visitor) {
    status.textContent = 'Your stream is personal: accept personalisation in the privacy settings to see it.';
    return;
  }
  /** @type {string | null | undefined} */
  let cursor;
  let loading = false;
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) load();
  });

  async function load() {
    if (loading || cursor === null) return;
    loading = true;
    status.textContent = 'Loading…';
    try {
      const page = await centricGet('/v1/stream', { visitor, cursor, limit: 8 });
      list.insertAdjacentHTML('beforeend', page.cards.map(streamCard).join(''));
      cursor = page.nextCursor;
      status.textContent =
        cursor === null
          ? list.children.length === 0
            ? 'Nothing in your stream yet.'
            : 'That is everything for now.'
          : '';
      if (cursor === null) observer.disconnect();
    } catch (error) {
      status.textContent = `The stream is not available right now (${/** @type {Error} */ (error).message}).`;
      cursor = null;
      observer.disconnect();
    } finally {
      loading = false;
    }
    // A short first page may not fill the screen: keep loading while the end is in view.
    if (cursor) {
      const box = sentinel.getBoundingClientRect();
      if (box.top < window.innerHeight + 200) load();
    }
  }

  list.addEventListener('click', (event) => {
    const link = /** @type {HTMLElement} */ (event.target).closest('a[data-recommendation-id]');
    if (!link) return;
    track('Product Clicked', {
      product_id: link.getAttribute('data-product-id'),
      recommendation_id: link.getAttribute('data-recommendation-id'),
      list_id: 'stream',
    });
  });
  observer.observe(sentinel);
  load();
}

async function showOrders(customer) {
  const list = document.querySelector('[data-account-orders]');
  if (!list) return;
  try {
    const response = await fetch(`/api/orders?${new URLSearchParams({ customer: customer.customerId })}`);
    const { orders } = await response.json();
    list.innerHTML =
      orders.length === 0
        ? '<li>No orders yet in this shop session.</li>'
        : orders
            .map(
              (o) =>
                `<li><a href="/order/${escapeHtml(o.orderId)}">${escapeHtml(o.orderId)}</a> · ${new Date(o.createdAt).toLocaleDateString('en-GB')} · ${o.items} items · ${formatPrice(o.total)}</li>`,
            )
            .join('');
  } catch {
    list.innerHTML = '<li>Your orders could not be loaded.</li>';
  }
}

export function accountPage() {
  const signedOut = /** @type {HTMLElement | null} */ (document.querySelector('[data-account-signed-out]'));
  const signedIn = /** @type {HTMLElement | null} */ (document.querySelector('[data-account-signed-in]'));
  if (!signedOut || !signedIn) return;
  const show = (customer) => {
    signedOut.hidden = Boolean(customer);
    signedIn.hidden = !customer;
    if (customer) {
      const greeting = signedIn.querySelector('[data-account-greeting]');
      if (greeting) greeting.textContent = customer.name;
      showOrders(customer);
    }
  };
  const form = /** @type {HTMLFormElement | null} */ (signedOut.querySelector('[data-sign-in-form]'));
  if (form)
    wireSignInForm(form, async () => {
      // The stream is now the customer's: send the identify call first, then start over.
      await flush();
      location.reload();
    });
  signedIn.querySelector('[data-sign-out]')?.addEventListener('click', () => {
    setSignedInCustomer(null);
    location.reload();
  });
  show(signedInCustomer());
  startStream();
  personalise({ type: 'account' });
}
