// A small gift-shop catalogue for the search tests, as the CSV a shop would import: real words
// in titles (heart, candle, mug ...) so that typos and corrections can be checked by hand, two
// categories that both have "heart" products (candles and textiles), one product out of stock,
// and a description-only match. Plus the browsing of a visitor who looked at textiles.

export interface SearchShopProduct {
  id: string;
  title: string;
  description: string;
  category: string;
  brand: string;
  price: number;
  availability: 'in stock' | 'out of stock';
}

export const SEARCH_SHOP: readonly SearchShopProduct[] = [
  p('c1', 'Heart scented candle', 'Home > Candles', 'Lumo', 12),
  p('c2', 'Vanilla pillar candle', 'Home > Candles', 'Lumo', 9),
  p('c3', 'Candle holder with heart cut-outs', 'Home > Candles', 'Ferro', 15),
  p('c4', 'Rose candle', 'Home > Candles', 'Lumo', 8, 'out of stock'),
  p('t1', 'Heart cushion cover', 'Home > Textiles', 'Linnea', 18),
  p('t2', 'Linen cushion', 'Home > Textiles', 'Linnea', 22),
  p('t3', 'Heart throw blanket', 'Home > Textiles', 'Linnea', 35),
  p('k1', 'Polka dot mug', 'Kitchen > Mugs', 'Clay & Co', 7),
  p('k2', 'Enamel mug', 'Kitchen > Mugs', 'Clay & Co', 6),
  {
    ...p('k3', 'Tea towel', 'Kitchen > Textiles', 'Linnea', 5),
    description: 'Cotton towel printed with little red hearts',
  },
  p('g1', 'Garden lantern', 'Garden', 'Ferro', 25),
  p('g2', 'Bird feeder', 'Garden', 'Ferro', 14),
];

function p(
  id: string,
  title: string,
  category: string,
  brand: string,
  price: number,
  availability: SearchShopProduct['availability'] = 'in stock',
): SearchShopProduct {
  return { id, title, description: '', category, brand, price, availability };
}

/** The catalogue as a products CSV (the importer's `csv` format). */
export function searchShopCsv(): string {
  const quote = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;
  const rows = SEARCH_SHOP.map((x) =>
    [
      x.id,
      x.title,
      x.description,
      x.category,
      x.brand,
      x.price,
      x.availability,
      `https://shop.example/p/${x.id}`,
    ]
      .map(quote)
      .join(','),
  );
  return `${['id', 'title', 'description', 'category', 'brand', 'price', 'availability', 'link'].join(',')}\n${rows.join('\n')}\n`;
}

/** A visitor's product views, as batch messages (newest last). */
export function viewsOf(
  anonymousId: string,
  productIds: readonly string[],
  now: number,
): Record<string, unknown>[] {
  return productIds.map((productId, i) => {
    const product = SEARCH_SHOP.find((x) => x.id === productId);
    return {
      type: 'track',
      event: 'Product Viewed',
      anonymousId,
      messageId: `view-${anonymousId}-${i}`,
      timestamp: new Date(now - (productIds.length - i) * 60_000).toISOString(),
      properties: { product_id: productId, category: product?.category },
    };
  });
}
