// Checkout rules of the demo shop: prices come from the shop's catalogue (never from the
// browser), shipping is free above a threshold, and payment is simulated - invoice, card (a
// Luhn-valid number; numbers ending in 0002 are declined, like payment providers' test cards)
// or PayPal (approved in a simulated PayPal window). No card number is kept, only its last four.
// Discount codes are the ones Centric's pop-ins hand out (the launcher seeds them).
import { randomBytes } from 'node:crypto';
import type { Catalogue } from './catalogue';

export const FREE_SHIPPING_THRESHOLD = 25;
export const SHIPPING_METHODS = {
  standard: { label: 'Standard delivery (3–5 working days)', price: 3.95 },
  express: { label: 'Express delivery (next working day)', price: 6.95 },
} as const;
export type ShippingMethod = keyof typeof SHIPPING_METHODS;

/** Discount codes and their share off the subtotal. */
export const COUPONS: Readonly<Record<string, number>> = { THISTLE10: 0.1, WELCOME5: 0.05 };

/** The coupon for a code as the customer typed it, or null. */
export function findCoupon(code: string): { code: string; percentOff: number } | null {
  const normalised = code.trim().toUpperCase();
  const share = COUPONS[normalised];
  return share === undefined ? null : { code: normalised, percentOff: Math.round(share * 100) };
}

export const PAYMENT_METHODS = {
  invoice: 'Invoice (pay within 14 days)',
  card: 'Credit or debit card',
  paypal: 'PayPal',
} as const;
export type PaymentMethod = keyof typeof PAYMENT_METHODS;

export interface Address {
  name: string;
  line1: string;
  city: string;
  postcode: string;
  country: string;
}

export type PaymentInput =
  | { method: 'invoice' }
  | { method: 'card'; number: string; expiry: string; cvc: string }
  | { method: 'paypal'; approved: boolean };

export interface OrderRequest {
  items: { productId: string; quantity: number }[];
  email: string;
  address: Address;
  shipping: ShippingMethod;
  payment: PaymentInput;
  /** A discount code, e.g. from a pop-in. */
  coupon?: string | null;
  /** The signed-in customer; absent for a guest checkout. */
  customerId?: string | null;
}

export interface OrderLine {
  productId: string;
  title: string;
  category: string;
  price: number;
  quantity: number;
}

export interface Order {
  id: string;
  createdAt: string;
  customerId: string | null;
  email: string;
  address: Address;
  lines: OrderLine[];
  subtotal: number;
  /** The coupon's code and what it took off the subtotal. */
  coupon: string | null;
  discount: number;
  shippingCost: number;
  total: number;
  currency: string;
  shipping: ShippingMethod;
  payment: { method: PaymentMethod; reference: string; label: string };
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** A checkout the shop refuses, with every problem found (shown next to the form fields). */
export class CheckoutError extends Error {
  constructor(
    readonly code: 'validation_failed' | 'payment_declined',
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function shippingCost(subtotal: number, method: ShippingMethod): number {
  if (method === 'standard' && subtotal >= FREE_SHIPPING_THRESHOLD) return 0;
  return SHIPPING_METHODS[method].price;
}

/** Luhn checksum, as every card number carries. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function expiryValid(expiry: string, now: Date): boolean {
  const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(expiry.trim());
  if (!match) return false;
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  if (month < 1 || month > 12) return false;
  // A card is valid until the end of its expiry month.
  return new Date(Date.UTC(year, month, 1)) > now;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkAddress(address: Partial<Address> | undefined, problems: FieldProblem[]): void {
  const labels: Record<keyof Address, string> = {
    name: 'full name',
    line1: 'street address',
    city: 'town or city',
    postcode: 'postcode',
    country: 'country',
  };
  for (const key of Object.keys(labels) as (keyof Address)[]) {
    const value = address?.[key];
    if (typeof value !== 'string' || value.trim() === '' || value.length > 200)
      problems.push({ field: `address.${key}`, message: `Enter your ${labels[key]}` });
  }
}

/**
 * Prices, validates and "pays" an order. Throws CheckoutError with every problem found.
 * @example placeOrder(catalogue, request, { now: new Date() })
 */
export function placeOrder(
  catalogue: Catalogue,
  request: OrderRequest,
  { now = new Date(), id = `ORD-${randomBytes(5).toString('hex').toUpperCase()}` } = {},
): Order {
  const problems: FieldProblem[] = [];
  const lines: OrderLine[] = [];
  const items = Array.isArray(request.items) ? request.items : [];
  if (items.length === 0) problems.push({ field: 'items', message: 'Your basket is empty' });
  items.forEach((item, i) => {
    const product = typeof item?.productId === 'string' ? catalogue.get(item.productId) : undefined;
    const quantity = item?.quantity;
    if (!product) problems.push({ field: `items.${i}`, message: `Unknown product "${item?.productId}"` });
    else if (!product.inStock)
      problems.push({ field: `items.${i}`, message: `${product.title} is out of stock` });
    else if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99)
      problems.push({ field: `items.${i}.quantity`, message: 'A quantity is a whole number from 1 to 99' });
    else
      lines.push({
        productId: product.id,
        title: product.title,
        category: product.category,
        price: product.price,
        quantity,
      });
  });
  if (typeof request.email !== 'string' || !EMAIL.test(request.email.trim()))
    problems.push({ field: 'email', message: 'Enter an e-mail address like name@example.com' });
  checkAddress(request.address, problems);
  const shipping = request.shipping;
  if (!Object.hasOwn(SHIPPING_METHODS, shipping))
    problems.push({ field: 'shipping', message: 'Choose a delivery option' });

  const payment = request.payment;
  const method = payment?.method;
  if (!Object.hasOwn(PAYMENT_METHODS, method ?? ''))
    problems.push({ field: 'payment.method', message: 'Choose a payment method' });
  const couponCode = typeof request.coupon === 'string' ? request.coupon.trim() : '';
  const coupon = couponCode ? findCoupon(couponCode) : null;
  if (couponCode && !coupon)
    problems.push({ field: 'coupon', message: `The code ${couponCode} is not valid` });
  let reference = '';
  if (payment?.method === 'card') {
    const digits = String(payment.number ?? '').replace(/[\s-]/g, '');
    if (!luhnValid(digits)) problems.push({ field: 'payment.number', message: 'Check the card number' });
    if (!expiryValid(String(payment.expiry ?? ''), now))
      problems.push({ field: 'payment.expiry', message: 'Enter a valid expiry date (MM/YY)' });
    if (!/^\d{3,4}$/.test(String(payment.cvc ?? '')))
      problems.push({ field: 'payment.cvc', message: 'The security code has 3 or 4 digits' });
    reference = `card •••• ${digits.slice(-4)}`;
  }
  if (problems.length > 0)
    throw new CheckoutError('validation_failed', 'Please check the highlighted fields', problems);

  if (payment.method === 'card' && reference.endsWith('0002'))
    throw new CheckoutError(
      'payment_declined',
      'Your card was declined. Try another card or payment method.',
      [{ field: 'payment.number', message: 'Card declined' }],
    );
  if (payment.method === 'paypal') {
    if (payment.approved !== true)
      throw new CheckoutError('payment_declined', 'The PayPal payment was not approved.', [
        { field: 'payment.method', message: 'PayPal payment not approved' },
      ]);
    reference = `PayPal ${randomBytes(4).toString('hex').toUpperCase()}`;
  }
  if (payment.method === 'invoice') reference = `invoice ${id.replace('ORD-', 'INV-')}`;

  const subtotal = round2(lines.reduce((sum, line) => sum + line.price * line.quantity, 0));
  const discount = coupon ? round2((subtotal * coupon.percentOff) / 100) : 0;
  // Free delivery is earned by what the basket is worth before the discount.
  const cost = shippingCost(subtotal, shipping);
  const trim = (a: Address): Address => ({
    name: a.name.trim(),
    line1: a.line1.trim(),
    city: a.city.trim(),
    postcode: a.postcode.trim(),
    country: a.country.trim(),
  });
  return {
    id,
    createdAt: now.toISOString(),
    customerId: typeof request.customerId === 'string' && request.customerId ? request.customerId : null,
    email: request.email.trim(),
    address: trim(request.address),
    lines,
    subtotal,
    coupon: coupon?.code ?? null,
    discount,
    shippingCost: cost,
    total: round2(subtotal - discount + cost),
    currency: catalogue.get(lines[0]!.productId)!.currency,
    shipping,
    payment: { method: payment.method, reference, label: PAYMENT_METHODS[payment.method] },
  };
}

/** Orders placed since the shop started (memory only: a demo keeps no database). */
export class OrderBook {
  private readonly orders = new Map<string, Order>();
  private readonly confirmed = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  add(order: Order): void {
    if (this.orders.size >= this.capacity) {
      const oldest = this.orders.keys().next().value;
      if (oldest !== undefined) this.orders.delete(oldest);
    }
    this.orders.set(order.id, order);
  }

  get(id: string): Order | undefined {
    return this.orders.get(id);
  }

  /**
   * True the first time an order's confirmation page is shown: that page reports the purchase
   * once, and a reload does not count the order twice.
   */
  firstConfirmation(id: string): boolean {
    if (this.confirmed.has(id)) return false;
    this.confirmed.add(id);
    return true;
  }

  forCustomer(customerId: string): Order[] {
    return [...this.orders.values()].filter((o) => o.customerId === customerId).reverse();
  }
}
