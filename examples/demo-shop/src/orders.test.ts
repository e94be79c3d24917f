// Checkout rules: server-side prices, free delivery threshold, coupons, simulated payments and
// their refusals, and that a confirmation reports an order once.
import { describe, expect, it } from 'vitest';
import { Catalogue } from './catalogue';
import {
  CheckoutError,
  FREE_SHIPPING_THRESHOLD,
  luhnValid,
  OrderBook,
  type OrderRequest,
  placeOrder,
  shippingCost,
} from './orders';

const catalogue = Catalogue.fromCsv(
  [
    'id,title,category,price,currency,availability',
    'MUG,BIG MUG,Kitchen,4.50,GBP,in stock',
    'LAMP,TABLE LAMP,Home,30.00,GBP,in stock',
    'GONE,OLD VASE,Home,9.00,GBP,out of stock',
  ].join('\n'),
);
const now = new Date('2026-06-01T12:00:00Z');
const address = {
  name: 'Ada Lovelace',
  line1: '12 St James Sq',
  city: 'London',
  postcode: 'SW1Y 4JH',
  country: 'United Kingdom',
};
const request = (over: Partial<OrderRequest> = {}): OrderRequest => ({
  items: [{ productId: 'MUG', quantity: 2 }],
  email: 'ada@example.com',
  address,
  shipping: 'standard',
  payment: { method: 'invoice' },
  ...over,
});
const problemsOf = (r: OrderRequest) => {
  try {
    placeOrder(catalogue, r, { now });
  } catch (error) {
    if (error instanceof CheckoutError)
      return { code: error.code, fields: error.problems.map((p) => p.field) };
    throw error;
  }
  return null;
};

describe('placeOrder', () => {
  it('prices from the catalogue and charges delivery under the free-delivery threshold', () => {
    const order = placeOrder(catalogue, request(), { now, id: 'ORD-1' });
    expect(order).toMatchObject({
      id: 'ORD-1',
      subtotal: 9,
      shippingCost: 3.95,
      total: 12.95,
      currency: 'GBP',
      customerId: null,
      lines: [{ productId: 'MUG', title: 'Big Mug', price: 4.5, quantity: 2 }],
      payment: { method: 'invoice', reference: 'invoice INV-1' },
    });
    expect(shippingCost(FREE_SHIPPING_THRESHOLD, 'standard')).toBe(0);
    expect(shippingCost(FREE_SHIPPING_THRESHOLD, 'express')).toBe(6.95);
  });

  it('takes a coupon off the subtotal; free delivery counts the basket before the discount', () => {
    const order = placeOrder(
      catalogue,
      request({ items: [{ productId: 'LAMP', quantity: 1 }], coupon: ' thistle10 ', customerId: 'cust-1' }),
      { now },
    );
    expect(order).toMatchObject({
      subtotal: 30,
      coupon: 'THISTLE10',
      discount: 3,
      shippingCost: 0,
      total: 27,
    });
    expect(order.customerId).toBe('cust-1');
    expect(problemsOf(request({ coupon: 'NOPE' }))).toEqual({
      code: 'validation_failed',
      fields: ['coupon'],
    });
  });

  it('accepts a Luhn-valid card, keeps only its last four digits, and declines numbers ending 0002', () => {
    const card = { method: 'card' as const, number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' };
    const order = placeOrder(catalogue, request({ payment: card }), { now });
    expect(order.payment.reference).toBe('card •••• 4242');
    expect(JSON.stringify(order)).not.toContain('4242424242424242');
    expect(luhnValid('4000000000000002')).toBe(true);
    expect(problemsOf(request({ payment: { ...card, number: '4000 0000 0000 0002' } }))).toEqual({
      code: 'payment_declined',
      fields: ['payment.number'],
    });
    expect(
      problemsOf(
        request({ payment: { ...card, number: '4242 4242 4242 4241', expiry: '05/26', cvc: '12' } }),
      ),
    ).toEqual({
      code: 'validation_failed',
      fields: ['payment.number', 'payment.expiry', 'payment.cvc'],
    });
  });

  it('needs the PayPal approval', () => {
    expect(problemsOf(request({ payment: { method: 'paypal', approved: false } }))?.code).toBe(
      'payment_declined',
    );
    expect(
      placeOrder(catalogue, request({ payment: { method: 'paypal', approved: true } }), { now }).payment
        .reference,
    ).toMatch(/^PayPal [0-9A-F]{8}$/);
  });

  it('lists every problem of a bad order at once', () => {
    expect(
      problemsOf({
        items: [
          { productId: 'NOPE', quantity: 1 },
          { productId: 'GONE', quantity: 1 },
          { productId: 'MUG', quantity: 0 },
        ],
        email: 'not an address',
        address: { ...address, postcode: ' ' },
        shipping: 'teleport' as 'standard',
        payment: { method: 'cash' } as unknown as OrderRequest['payment'],
      }),
    ).toEqual({
      code: 'validation_failed',
      fields: [
        'items.0',
        'items.1',
        'items.2.quantity',
        'email',
        'address.postcode',
        'shipping',
        'payment.method',
      ],
    });
  });
});

describe('OrderBook', () => {
  it('reports a confirmation once and lists a customer’s orders, newest first', () => {
    const book = new OrderBook(2);
    const a = placeOrder(catalogue, request({ customerId: 'c1' }), { now, id: 'ORD-A' });
    const b = placeOrder(catalogue, request({ customerId: 'c1' }), { now, id: 'ORD-B' });
    const c = placeOrder(catalogue, request({ customerId: 'c2' }), { now, id: 'ORD-C' });
    book.add(a);
    book.add(b);
    expect(book.firstConfirmation('ORD-A')).toBe(true);
    expect(book.firstConfirmation('ORD-A')).toBe(false);
    expect(book.forCustomer('c1').map((o) => o.id)).toEqual(['ORD-B', 'ORD-A']);
    book.add(c); // over capacity: the oldest goes
    expect(book.get('ORD-A')).toBeUndefined();
    expect(book.forCustomer('c2').map((o) => o.id)).toEqual(['ORD-C']);
  });
});
