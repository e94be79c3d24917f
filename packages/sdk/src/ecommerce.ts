// The Segment e-commerce spec properties the helpers send, built from the shop's product,
// cart and order objects. Centric's own API objects (productId, title, imageLink, link, as
// search and recommendation answers carry them) are accepted as they are.
import type { Product, Properties } from './types';

/** @example productProperties({ productId: 'A', title: 'Mug' }) // { product_id: 'A', name: 'Mug' } */
export function productProperties(product: Product): Properties {
  const { productId, id, title, imageLink, link, ...rest } = product;
  return {
    ...rest,
    product_id: product.product_id ?? productId ?? id,
    name: product.name ?? title,
    image_url: product.image_url ?? imageLink,
    url: product.url ?? link,
  };
}

/** A cart or an order: its products in spec form, `orderId` as `order_id`. */
export function basketProperties({
  products,
  orderId,
  ...rest
}: {
  products: Product[];
  orderId?: string;
  order_id?: string;
  [key: string]: unknown;
}): Properties {
  return { ...rest, order_id: rest.order_id ?? orderId, products: (products ?? []).map(productProperties) };
}
