// Scripts of the buying pages: basket (quantities, removal, free-shipping progress from Centric's
// decision), checkout (guest or sign-in, delivery, simulated payment; the shop server prices and
// places the order) and the order confirmation (reports Order Completed once).
import { cartLines, cartSubtotal, clearCart, productProperties, setQuantity } from '../cart.js';
import { ecommerce, flush, personalise, signedInCustomer, track } from '../centric.js';
import { config, escapeHtml, formatPrice, imagePath, productPath } from '../config.js';
import { wireSignInForm } from './account.js';

const STANDARD = 'standard';

/** @param {number} subtotal @param {string} method */
function shippingFor(subtotal, method) {
  const methods = /** @type {Record<string, { price: number }>} */ (
    config.shippingMethods ?? { standard: { price: 3.95 } }
  );
  if (method === STANDARD && subtotal >= config.freeShippingThreshold) return 0;
  return methods[method]?.price ?? 3.95;
}

/**
 * Writes subtotal, discount, delivery and total into the page (the server prices the order the
 * same way when it is placed).
 * @param {import('../cart.js').CartLine[]} lines
 * @param {string} [method]
 * @param {{ code: string, percentOff: number } | null} [coupon]
 */
function fillTotals(lines, method = STANDARD, coupon = null) {
  const subtotal = cartSubtotal(lines);
  const discount = coupon ? Math.round(subtotal * coupon.percentOff) / 100 : 0;
  const shipping = shippingFor(subtotal, method);
  const set = (selector, text) => {
    for (const el of document.querySelectorAll(selector)) el.textContent = text;
  };
  set('[data-cart-subtotal]', formatPrice(subtotal));
  set('[data-cart-discount]', `−${formatPrice(discount)}`);
  set('[data-discount-code]', coupon ? `(${coupon.code})` : '');
  for (const row of document.querySelectorAll('[data-discount-row]')) row.toggleAttribute('hidden', !coupon);
  set('[data-cart-shipping]', shipping === 0 ? 'Free' : formatPrice(shipping));
  const total = Math.round((subtotal - discount + shipping) * 100) / 100;
  set('[data-cart-total]', formatPrice(total));
  return { subtotal, discount, shipping, total };
}

const cartPageInfo = (lines) => ({
  type: 'cart',
  cartValue: cartSubtotal(lines),
  currency: config.currency,
  ...(lines[0] ? { productId: lines[0].productId } : {}),
});

export function cartPage() {
  const view = document.querySelector('[data-cart-view]');
  const summary = /** @type {HTMLElement | null} */ (document.querySelector('[data-cart-summary]'));
  if (!view || !summary) return;

  function render() {
    const lines = cartLines();
    // Same products, new quantities: update in place so the field being edited keeps its focus.
    const rows = [...view.querySelectorAll('tr[data-line]')];
    if (
      lines.length > 0 &&
      rows.map((r) => r.getAttribute('data-line')).join('\n') === lines.map((l) => l.productId).join('\n')
    ) {
      lines.forEach((l, i) => {
        const total = rows[i].querySelector('[data-line-total]');
        if (total) total.textContent = formatPrice(l.price * l.quantity);
        const input = /** @type {HTMLInputElement | null} */ (rows[i].querySelector('input[data-qty]'));
        if (input && Number(input.value) !== l.quantity) input.value = String(l.quantity);
      });
      fillTotals(lines);
      return lines;
    }
    if (lines.length === 0) {
      view.innerHTML = `<p class="empty">Your basket is empty. <a href="/">Find something you like</a>.</p>`;
      summary.hidden = true;
      return lines;
    }
    view.innerHTML = `<table class="cart-table"><caption class="visually-hidden">Products in your basket</caption>
<thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col">Total</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
<tbody>${lines
      .map(
        (l) => `<tr data-line="${escapeHtml(l.productId)}">
  <td class="cart-table__product"><img src="${imagePath(l.productId)}" alt="" width="56" height="56"><a href="${productPath(l.productId)}">${escapeHtml(l.title)}</a></td>
  <td>${formatPrice(l.price)}</td>
  <td><label class="visually-hidden" for="qty-${escapeHtml(l.productId)}">Quantity of ${escapeHtml(l.title)}</label>
      <input id="qty-${escapeHtml(l.productId)}" class="qty" type="number" min="0" max="99" value="${l.quantity}" data-qty="${escapeHtml(l.productId)}"></td>
  <td data-line-total>${formatPrice(l.price * l.quantity)}</td>
  <td><button type="button" class="link-button" data-remove="${escapeHtml(l.productId)}">Remove</button></td>
</tr>`,
      )
      .join('')}</tbody></table>`;
    summary.hidden = false;
    fillTotals(lines);
    return lines;
  }

  view.addEventListener('change', (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const id = input.dataset.qty;
    if (!id) return;
    const before = cartLines().find((l) => l.productId === id);
    const quantity = Math.max(0, Math.min(99, Number.parseInt(input.value, 10) || 0));
    setQuantity(id, quantity);
    // cart_value lets Centric's widgets (the free-shipping bar) follow the basket at once.
    const properties = before && { ...productProperties(before), cart_value: cartSubtotal() };
    if (before && quantity < before.quantity)
      ecommerce('productRemoved', properties, before.quantity - quantity);
    else if (before && quantity > before.quantity)
      ecommerce('productAdded', properties, quantity - before.quantity);
  });
  view.addEventListener('click', (event) => {
    const id = /** @type {HTMLElement} */ (event.target).dataset?.remove;
    if (!id) return;
    const line = cartLines().find((l) => l.productId === id);
    setQuantity(id, 0);
    if (line)
      ecommerce('productRemoved', { ...productProperties(line), cart_value: cartSubtotal() }, line.quantity);
  });
  window.addEventListener('cart:change', () => {
    const lines = render();
    personalise(cartPageInfo(lines));
  });

  const lines = render();
  ecommerce('cartViewed', {
    cart_id: 'browser',
    value: cartSubtotal(lines),
    currency: config.currency,
    products: lines.map(productProperties),
  });
  personalise(cartPageInfo(lines));
}

/** Maps the shop API's field names onto the checkout form's field ids. */
const FIELD_IDS = {
  'payment.number': 'card.number',
  'payment.expiry': 'card.expiry',
  'payment.cvc': 'card.cvc',
};

function showErrors(form, message, problems) {
  for (const el of form.querySelectorAll('[data-error-for]')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const box = /** @type {HTMLElement} */ (form.querySelector('[data-error-summary]'));
  if (!message) {
    box.hidden = true;
    return;
  }
  const items = [];
  for (const problem of problems ?? []) {
    const id = FIELD_IDS[problem.field] ?? problem.field;
    const slot = form.querySelector(`[data-error-for="${CSS.escape(id)}"]`);
    const input = document.getElementById(id);
    if (slot) slot.textContent = problem.message;
    input?.setAttribute('aria-invalid', 'true');
    items.push(
      input
        ? `<li><a href="#${escapeHtml(id)}">${escapeHtml(problem.message)}</a></li>`
        : `<li>${escapeHtml(problem.message)}</li>`,
    );
  }
  box.innerHTML = `<p><strong>${escapeHtml(message)}</strong></p>${items.length ? `<ul>${items.join('')}</ul>` : ''}`;
  box.hidden = false;
  box.focus();
}

/** Opens the simulated PayPal window; resolves true when the visitor approves. */
function approveWithPayPal(amount) {
  const dialog = /** @type {HTMLDialogElement} */ (document.querySelector('[data-paypal-dialog]'));
  const label = dialog.querySelector('[data-paypal-amount]');
  if (label) label.textContent = formatPrice(amount);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'approve'), { once: true });
    dialog.showModal();
  });
}

export function checkoutPage() {
  const root = document.querySelector('[data-checkout]');
  const form = /** @type {HTMLFormElement | null} */ (document.querySelector('[data-checkout-form]'));
  if (!root || !form) return;
  const lines = cartLines();
  if (lines.length === 0) {
    root.innerHTML = `<p class="empty">Your basket is empty. <a href="/">Continue shopping</a>.</p>`;
    return;
  }
  const checkoutId = `chk-${Date.now().toString(36)}`;
  const listEl = document.querySelector('[data-checkout-lines]');
  if (listEl)
    listEl.innerHTML = lines
      .map(
        (l) => `<li><img src="${imagePath(l.productId)}" alt="" width="48" height="48">
  <span>${escapeHtml(l.title)} <span class="muted">× ${l.quantity}</span></span>
  <span class="summary__amount">${formatPrice(l.price * l.quantity)}</span></li>`,
      )
      .join('');
  const value = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name))?.value ?? '';
  const shippingMethod = () => /** @type {RadioNodeList} */ (form.elements.namedItem('shipping')).value;
  const paymentMethod = () => /** @type {RadioNodeList} */ (form.elements.namedItem('payment')).value;
  /** @type {{ code: string, percentOff: number } | null} */
  let coupon = null;
  const refreshTotals = () => fillTotals(lines, shippingMethod(), coupon);
  refreshTotals();
  const couponForm = /** @type {HTMLFormElement | null} */ (document.querySelector('[data-coupon-form]'));
  couponForm?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = /** @type {HTMLInputElement} */ (couponForm.elements.namedItem('coupon'));
    const message = couponForm.querySelector('[data-error-for="coupon"]');
    const code = input.value.trim();
    if (!code) return;
    const response = await fetch(`/api/coupons/${encodeURIComponent(code)}`);
    if (response.ok) {
      coupon = await response.json();
      if (message) message.textContent = `${coupon.code}: ${coupon.percentOff}% off applied.`;
      const { discount } = refreshTotals();
      track('Coupon Applied', {
        checkout_id: checkoutId,
        coupon_id: coupon.code,
        coupon_name: coupon.code,
        discount,
      });
    } else {
      coupon = null;
      if (message) message.textContent = 'This code is not valid.';
      refreshTotals();
      track('Coupon Denied', { checkout_id: checkoutId, coupon_id: code, reason: 'invalid code' });
    }
  });
  const freeNow = cartSubtotal(lines) >= config.freeShippingThreshold;
  const standardPrice = document.querySelector('[data-shipping-price="standard"]');
  if (freeNow && standardPrice) standardPrice.textContent = 'Free';

  // Who is ordering: a guest, or a customer who signs in (identify).
  const signedInAs = /** @type {HTMLElement} */ (document.querySelector('[data-signed-in-as]'));
  const choice = /** @type {HTMLElement} */ (document.querySelector('[data-identity-choice]'));
  const signInForm = /** @type {HTMLFormElement} */ (document.querySelector('[data-sign-in-form]'));
  const showCustomer = (customer) => {
    if (!customer) return;
    signedInAs.hidden = false;
    signedInAs.textContent = `Signed in as ${customer.name} (${customer.email}).`;
    choice.hidden = true;
    const email = /** @type {HTMLInputElement} */ (form.elements.namedItem('email'));
    const name = /** @type {HTMLInputElement} */ (form.elements.namedItem('address.name'));
    if (!email.value) email.value = customer.email;
    if (!name.value) name.value = customer.name;
  };
  showCustomer(signedInCustomer());
  for (const radio of document.querySelectorAll('input[name="identity"]'))
    radio.addEventListener('change', (event) => {
      signInForm.hidden = /** @type {HTMLInputElement} */ (event.target).value !== 'sign-in';
    });
  wireSignInForm(signInForm, showCustomer);

  const payments = () => {
    const method = paymentMethod();
    /** @type {HTMLElement} */ (document.querySelector('[data-card-fields]')).hidden = method !== 'card';
    /** @type {HTMLElement} */ (document.querySelector('[data-paypal-note]')).hidden = method !== 'paypal';
    /** @type {HTMLElement} */ (document.querySelector('[data-invoice-note]')).hidden = method !== 'invoice';
  };
  form.addEventListener('change', (event) => {
    const name = /** @type {HTMLInputElement} */ (event.target).name;
    if (name === 'payment') payments();
    if (name === 'shipping') refreshTotals();
  });
  payments();

  const totals = fillTotals(lines);
  ecommerce('checkoutStarted', {
    checkout_id: checkoutId,
    value: totals.subtotal,
    revenue: totals.subtotal,
    currency: config.currency,
    products: lines.map(productProperties),
  });
  personalise({ type: 'checkout', cartValue: totals.subtotal, currency: config.currency });

  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const method = paymentMethod();
    const { total } = refreshTotals();
    let payment = { method };
    if (method === 'card')
      payment = {
        method,
        number: value('card.number'),
        expiry: value('card.expiry'),
        cvc: value('card.cvc'),
      };
    if (method === 'paypal') {
      if (!(await approveWithPayPal(total))) return;
      payment = { method, approved: true };
    }
    busy = true;
    track('Payment Info Entered', { checkout_id: checkoutId, payment_method: method });
    const customer = signedInCustomer();
    try {
      const response = await fetch('/api/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          items: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
          email: value('email'),
          address: {
            name: value('address.name'),
            line1: value('address.line1'),
            city: value('address.city'),
            postcode: value('address.postcode'),
            country: value('address.country'),
          },
          shipping: shippingMethod(),
          payment,
          coupon: coupon?.code ?? null,
          customerId: customer?.customerId ?? null,
        }),
      });
      const body = await response.json();
      if (!response.ok) {
        showErrors(form, body.error.message, body.error.details);
        return;
      }
      clearCart();
      location.href = body.url;
    } catch {
      showErrors(form, 'The shop could not be reached. Please try again.', []);
    } finally {
      busy = false;
    }
  });
}

export async function confirmationPage() {
  const order = /** @type {any} */ (config.order);
  if (config.reportOrder && order) {
    ecommerce('orderCompleted', {
      order_id: order.orderId,
      checkout_id: order.orderId,
      total: order.total,
      revenue: order.subtotal,
      shipping: order.shipping,
      ...(order.coupon ? { coupon: order.coupon, discount: order.discount } : {}),
      currency: order.currency,
      payment_method: order.paymentMethod,
      products: order.lines.map((l) => productProperties(l)),
    });
    await flush();
  }
  personalise({ type: 'confirmation' });
}
