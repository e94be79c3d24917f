// The buying pages: basket, checkout (guest or signed in; invoice, card or PayPal), order
// confirmation and the customer account with the shopping stream. The basket lives in the
// browser, so basket and checkout are filled in by the page script; the confirmation is rendered
// from the order the shop stored.
import { html } from '../html';
import { FREE_SHIPPING_THRESHOLD, type Order, PAYMENT_METHODS, SHIPPING_METHODS } from '../orders';
import { formatPrice, imagePath, type LayoutOptions, productPath } from './layout';

const COUNTRIES = ['United Kingdom', 'Ireland', 'France', 'Germany', 'Netherlands', 'Belgium', 'Spain'];

export function cartPage(): LayoutOptions {
  return {
    title: 'Basket',
    page: { type: 'cart', name: 'Cart' },
    body: html`<h1>Your basket</h1>
<div class="cart-layout">
  <div class="cart-lines" data-cart-view data-testid="cart-lines"><p>Loading your basket…</p></div>
  <aside class="summary" aria-labelledby="summary-heading" data-cart-summary hidden>
    <h2 id="summary-heading">Summary</h2>
    <dl>
      <div><dt>Subtotal</dt><dd data-cart-subtotal></dd></div>
      <div><dt>Standard delivery</dt><dd data-cart-shipping></dd></div>
      <div class="summary__total"><dt>Total</dt><dd data-cart-total></dd></div>
    </dl>
    <a class="button button--wide" href="/checkout" data-testid="go-to-checkout">Go to checkout</a>
  </aside>
</div>
<section class="rec-section" aria-label="Frequently bought together">
  <h2>Frequently bought together</h2>
  <div class="rec-slot" data-centric-slot="cart" data-centric-currency="GBP" data-testid="slot-cart"></div>
</section>`,
  };
}

const field = (
  id: string,
  label: string,
  attrs: { type?: string; autocomplete?: string; inputmode?: string; placeholder?: string } = {},
) => html`<div class="field">
  <label for="${id}">${label}</label>
  <input id="${id}" name="${id}" type="${attrs.type ?? 'text'}"${attrs.autocomplete ? html` autocomplete="${attrs.autocomplete}"` : ''}${
    attrs.inputmode ? html` inputmode="${attrs.inputmode}"` : ''
  }${attrs.placeholder ? html` placeholder="${attrs.placeholder}"` : ''} aria-describedby="${id}-error">
  <p class="field__error" id="${id}-error" data-error-for="${id}"></p>
</div>`;

export function checkoutPage(): LayoutOptions {
  return {
    title: 'Checkout',
    page: { type: 'checkout', name: 'Checkout' },
    data: { shippingMethods: SHIPPING_METHODS, paymentMethods: PAYMENT_METHODS },
    body: html`<h1>Checkout</h1>
<div class="checkout-layout" data-checkout>
<div>
  <section class="panel" aria-labelledby="who-heading" data-checkout-identity>
    <h2 id="who-heading">1. Who is ordering?</h2>
    <p data-signed-in-as hidden></p>
    <div data-identity-choice>
      <fieldset class="choices">
        <legend class="visually-hidden">Guest or customer account</legend>
        <label><input type="radio" name="identity" value="guest" checked data-testid="checkout-guest"> Check out as a guest</label>
        <label><input type="radio" name="identity" value="sign-in" data-testid="checkout-sign-in"> Sign in to your account</label>
      </fieldset>
      <form class="inline-sign-in" data-sign-in-form hidden novalidate>
        ${field('signin-email', 'E-mail address', { type: 'email', autocomplete: 'email' })}
        ${field('signin-name', 'Your name', { autocomplete: 'name' })}
        <button type="submit" class="button button--secondary" data-testid="sign-in-submit">Sign in</button>
        <p class="hint">Demo shop: no password needed.</p>
      </form>
    </div>
  </section>
  <form class="panel checkout-form" data-checkout-form novalidate aria-labelledby="address-heading">
    <div class="error-summary" role="alert" data-error-summary hidden tabindex="-1"></div>
    <h2 id="address-heading">2. Delivery</h2>
    ${field('email', 'E-mail address (for your receipt)', { type: 'email', autocomplete: 'email' })}
    ${field('address.name', 'Full name', { autocomplete: 'name' })}
    ${field('address.line1', 'Street address', { autocomplete: 'address-line1' })}
    <div class="field-row">
      ${field('address.city', 'Town or city', { autocomplete: 'address-level2' })}
      ${field('address.postcode', 'Postcode', { autocomplete: 'postal-code' })}
    </div>
    <div class="field">
      <label for="address.country">Country</label>
      <select id="address.country" name="address.country" autocomplete="country-name">
${COUNTRIES.map((c) => html`<option>${c}</option>`)}
      </select>
    </div>
    <fieldset class="choices">
      <legend>Delivery option</legend>
${Object.entries(SHIPPING_METHODS).map(
  ([id, m], i) =>
    html`<label><input type="radio" name="shipping" value="${id}"${i === 0 ? html` checked` : ''}> ${m.label}
      <span class="choices__price" data-shipping-price="${id}">${formatPrice(m.price)}</span></label>`,
)}
    </fieldset>
    <h2>3. Payment</h2>
    <fieldset class="choices" data-payment-methods>
      <legend class="visually-hidden">Payment method</legend>
${Object.entries(PAYMENT_METHODS).map(
  ([id, label], i) =>
    html`<label><input type="radio" name="payment" value="${id}"${i === 0 ? html` checked` : ''} data-testid="pay-${id}"> ${label}</label>`,
)}
    </fieldset>
    <div class="card-fields" data-card-fields hidden>
      ${field('card.number', 'Card number', { inputmode: 'numeric', autocomplete: 'cc-number', placeholder: '4242 4242 4242 4242' })}
      <div class="field-row">
        ${field('card.expiry', 'Expiry (MM/YY)', { inputmode: 'numeric', autocomplete: 'cc-exp', placeholder: '12/30' })}
        ${field('card.cvc', 'Security code', { inputmode: 'numeric', autocomplete: 'cc-csc', placeholder: '123' })}
      </div>
      <p class="hint">Demo: any Luhn-valid number is accepted; numbers ending in 0002 are declined.</p>
    </div>
    <p class="hint" data-paypal-note hidden>You will approve the payment in a (simulated) PayPal window.</p>
    <p class="hint" data-invoice-note>We send the invoice with your parcel; pay within 14 days.</p>
    <button type="submit" class="button button--wide" data-testid="place-order">Place order</button>
  </form>
</div>
<aside class="summary" aria-labelledby="order-summary-heading">
  <h2 id="order-summary-heading">Your order</h2>
  <ul class="summary__lines" data-checkout-lines></ul>
  <dl>
    <div><dt>Subtotal</dt><dd data-cart-subtotal></dd></div>
    <div data-discount-row hidden><dt>Discount <span data-discount-code></span></dt><dd data-cart-discount></dd></div>
    <div><dt>Delivery</dt><dd data-cart-shipping></dd></div>
    <div class="summary__total"><dt>Total</dt><dd data-cart-total></dd></div>
  </dl>
  <form class="coupon" data-coupon-form novalidate>
    <label for="coupon">Discount code</label>
    <div class="coupon__row">
      <input id="coupon" name="coupon" type="text" autocomplete="off" aria-describedby="coupon-error" data-testid="coupon-input">
      <button type="submit" class="button button--secondary" data-testid="coupon-apply">Apply</button>
    </div>
    <p class="field__error" id="coupon-error" data-error-for="coupon" role="status"></p>
  </form>
  <p class="hint">Free standard delivery over ${formatPrice(FREE_SHIPPING_THRESHOLD)}.</p>
</aside>
</div>
<dialog class="paypal" data-paypal-dialog aria-labelledby="paypal-title">
  <form method="dialog">
    <p class="paypal__brand" aria-hidden="true">PayPal</p>
    <h2 id="paypal-title">Approve your payment</h2>
    <p>Pay <strong data-paypal-amount></strong> to Thistle &amp; Twine (simulated; no money moves).</p>
    <div class="paypal__actions">
      <button value="approve" class="button" data-testid="paypal-approve">Approve payment</button>
      <button value="cancel" class="button button--secondary">Cancel</button>
    </div>
  </form>
</dialog>`,
  };
}

export function confirmationPage(order: Order, { report }: { report: boolean }): LayoutOptions {
  const wire = {
    orderId: order.id,
    total: order.total,
    subtotal: order.subtotal,
    coupon: order.coupon,
    discount: order.discount,
    shipping: order.shippingCost,
    currency: order.currency,
    paymentMethod: order.payment.method,
    customerId: order.customerId,
    lines: order.lines,
  };
  return {
    title: `Order ${order.id}`,
    page: { type: 'confirmation', name: 'Order Confirmation' },
    // The purchase is reported once, by the first rendering of this page.
    data: { order: wire, reportOrder: report },
    body: html`<section class="confirmation" data-testid="confirmation" data-order-id="${order.id}">
  <h1>Thank you for your order</h1>
  <p>Your order number is <strong data-testid="order-id">${order.id}</strong>. We have sent a receipt to ${order.email}.</p>
  <div class="confirmation__grid">
    <div class="panel summary">
      <h2>What you ordered</h2>
      <ul class="summary__lines">
${order.lines.map(
  (l) => html`<li><img src="${imagePath(l.productId)}" alt="" width="48" height="48">
        <span><a href="${productPath(l.productId)}">${l.title}</a> <span class="muted">× ${l.quantity}</span></span>
        <span class="summary__amount">${formatPrice(l.price * l.quantity, order.currency)}</span></li>`,
)}
      </ul>
      <dl>
        <div><dt>Subtotal</dt><dd>${formatPrice(order.subtotal, order.currency)}</dd></div>
        ${order.coupon ? html`<div><dt>Discount (${order.coupon})</dt><dd>−${formatPrice(order.discount, order.currency)}</dd></div>` : ''}
        <div><dt>Delivery</dt><dd>${order.shippingCost === 0 ? 'Free' : formatPrice(order.shippingCost, order.currency)}</dd></div>
        <div class="summary__total"><dt>Total</dt><dd>${formatPrice(order.total, order.currency)}</dd></div>
      </dl>
    </div>
    <div class="panel">
      <h2>Delivery</h2>
      <address>${order.address.name}<br>${order.address.line1}<br>${order.address.city}<br>${order.address.postcode}<br>${order.address.country}</address>
      <p>${SHIPPING_METHODS[order.shipping].label}</p>
      <h2>Payment</h2>
      <p>${order.payment.label} (${order.payment.reference})</p>
    </div>
  </div>
  <p><a class="button" href="/">Continue shopping</a> <a class="button button--secondary" href="/account">Your account</a></p>
</section>`,
  };
}

export function accountPage(): LayoutOptions {
  return {
    title: 'Your account',
    page: { type: 'account', name: 'Account' },
    body: html`<h1>Your account</h1>
<section class="panel" data-account-signed-out aria-labelledby="signin-heading">
  <h2 id="signin-heading">Sign in</h2>
  <form class="sign-in" data-sign-in-form novalidate>
    ${field('signin-email', 'E-mail address', { type: 'email', autocomplete: 'email' })}
    ${field('signin-name', 'Your name', { autocomplete: 'name' })}
    <button type="submit" class="button" data-testid="sign-in-submit">Sign in</button>
    <p class="hint">Demo shop: no password needed; the same address always opens the same account.</p>
  </form>
</section>
<section class="panel" data-account-signed-in hidden aria-labelledby="hello-heading">
  <h2 id="hello-heading">Hello, <span data-account-greeting></span></h2>
  <p><button type="button" class="button button--secondary" data-sign-out data-testid="sign-out">Sign out</button></p>
  <h3>Your orders</h3>
  <ul class="orders" data-account-orders><li>Loading…</li></ul>
</section>
<section class="stream" aria-labelledby="stream-heading">
  <h2 id="stream-heading">Your shopping stream</h2>
  <p class="hint">New arrivals, price drops, things you may need again and ideas picked for you.</p>
  <ul class="stream__cards" data-stream data-testid="stream" aria-live="polite"></ul>
  <p class="stream__status" data-stream-status role="status"></p>
  <div data-stream-sentinel aria-hidden="true"></div>
</section>`,
  };
}
