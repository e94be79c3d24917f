// The shop's product feed, in the CSV shape Centric imports (`POST /v1/import/products?format=csv`:
// id, title, category, price, currency, availability, image_link, link). Sending it keeps Centric's
// catalogue in step with the shop: titles as the shop shows them, and links and images pointing
// at the shop, so recommendation carousels link to the shop's product pages.
import type { Catalogue } from './catalogue';
import { formatCsv } from './csv';

export function productFeedCsv(catalogue: Catalogue, shopUrl: string): string {
  const base = shopUrl.replace(/\/$/, '');
  return formatCsv(
    ['id', 'title', 'category', 'price', 'currency', 'availability', 'image_link', 'link'],
    catalogue.products.map((p) => [
      p.id,
      p.title,
      p.category,
      p.price.toFixed(2),
      p.currency,
      p.inStock ? 'in stock' : 'out of stock',
      `${base}/img/${encodeURIComponent(p.id)}.svg`,
      `${base}/p/${encodeURIComponent(p.id)}`,
    ]),
  );
}
