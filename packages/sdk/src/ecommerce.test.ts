import { describe, expect, it } from 'vitest';
import { basketProperties, productProperties } from './ecommerce';
import { pageKey } from './page-views';

describe('e-commerce properties', () => {
  it('takes Segment fields and Centric API objects alike', () => {
    expect(productProperties({ product_id: 'A', name: 'Mug', price: 9.5 })).toMatchObject({
      product_id: 'A',
      name: 'Mug',
      price: 9.5,
    });
    const fromSearch = productProperties({
      productId: 'B',
      title: 'Heart lantern',
      imageLink: 'https://img/b.jpg',
      link: 'https://shop/b',
      category: 'Home',
    });
    expect(JSON.parse(JSON.stringify(fromSearch))).toEqual({
      product_id: 'B',
      name: 'Heart lantern',
      image_url: 'https://img/b.jpg',
      url: 'https://shop/b',
      category: 'Home',
    });
  });

  it('gives an order its products in spec form', () => {
    expect(
      JSON.parse(
        JSON.stringify(
          basketProperties({
            orderId: 'o-1',
            revenue: 30,
            currency: 'EUR',
            products: [{ id: 'A', quantity: 2 }],
          }),
        ),
      ),
    ).toEqual({
      order_id: 'o-1',
      revenue: 30,
      currency: 'EUR',
      products: [{ product_id: 'A', quantity: 2 }],
    });
  });
});

describe('page key', () => {
  it('counts hash routes but not anchors', () => {
    expect(pageKey(new URL('https://shop.test/p?id=1#reviews'))).toBe('/p?id=1');
    expect(pageKey(new URL('https://shop.test/#/cart'))).toBe('/#/cart');
    expect(pageKey(new URL('https://shop.test/#!/cart'))).toBe('/#!/cart');
  });
});
