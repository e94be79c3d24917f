// The basket, kept in this browser (localStorage "shop.cart": product ids, titles, prices and
// quantities - nothing that identifies the visitor). Every change is announced as a
// "cart:change" event so that the header count and open pages follow.
import { config } from './config.js';

const KEY = 'shop.cart';

/** @typedef {{ productId: string, title: string, price: number, category: string, quantity: number }} CartLine */

/** @returns {CartLine[]} */
export function cartLines() {
  try {
    const lines = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(lines)
      ? lines.filter((l) => l && typeof l.productId === 'string' && l.quantity > 0)
      : [];
  } catch {
    return [];
  }
}

/** @param {CartLine[]} lines */
function save(lines) {
  if (lines.length === 0) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(lines));
  window.dispatchEvent(new CustomEvent('cart:change', { detail: lines }));
}

/**
 * @param {{ productId: string, title: string, price: number, category: string }} product
 * @param {number} quantity
 */
export function addToCart(product, quantity) {
  const lines = cartLines();
  const line = lines.find((l) => l.productId === product.productId);
  if (line) line.quantity = Math.min(99, line.quantity + quantity);
  else
    lines.push({
      productId: product.productId,
      title: product.title,
      price: product.price,
      category: product.category,
      quantity: Math.min(99, quantity),
    });
  save(lines);
}

/**
 * @param {string} productId
 * @param {number} quantity 0 removes the line
 */
export function setQuantity(productId, quantity) {
  const lines = cartLines();
  const line = lines.find((l) => l.productId === productId);
  if (!line) return;
  line.quantity = Math.max(0, Math.min(99, Math.floor(quantity) || 0));
  save(lines.filter((l) => l.quantity > 0));
}

export function clearCart() {
  save([]);
}

export function cartCount() {
  return cartLines().reduce((n, l) => n + l.quantity, 0);
}

export function cartSubtotal(lines = cartLines()) {
  return Math.round(lines.reduce((sum, l) => sum + l.price * l.quantity, 0) * 100) / 100;
}

/** Segment e-commerce properties of a product (what the SDK's helpers and Centric expect). */
export function productProperties(
  /** @type {{ productId: string, title: string, price: number, category: string, quantity?: number }} */ p,
) {
  return {
    product_id: p.productId,
    sku: p.productId,
    name: p.title,
    price: p.price,
    category: p.category,
    currency: config.currency,
    ...(p.quantity ? { quantity: p.quantity } : {}),
    url: new URL(`/p/${encodeURIComponent(p.productId)}`, location.origin).href,
    image_url: new URL(`/img/${encodeURIComponent(p.productId)}.svg`, location.origin).href,
  };
}
