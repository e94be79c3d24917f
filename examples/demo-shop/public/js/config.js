// The page's configuration, rendered by the shop server into <script id="shop-config">: where
// Centric runs and its public write key, what the page shows, the shop's currency.
const element = document.getElementById('shop-config');

/** @type {{ centric: { host: string, writeKey: string }, page: Record<string, unknown> & { type: string, name: string }, currency: string, freeShippingThreshold: number, [key: string]: unknown }} */
export const config = JSON.parse(element ? element.textContent || '{}' : '{}');

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: config.currency || 'GBP' });

/** @param {number} amount */
export function formatPrice(amount) {
  return money.format(amount);
}

/** @param {string} text */
export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Same rule as the server's catalogue: "Home decor > Candles & lights" -> "home-decor-candles-lights". */
export function slugify(text) {
  return String(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const productPath = (/** @type {string} */ id) => `/p/${encodeURIComponent(id)}`;
export const imagePath = (/** @type {string} */ id) => `/img/${encodeURIComponent(id)}.svg`;
