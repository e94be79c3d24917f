// The product catalogue as the recommendation rules see it: category, brand, price and stock of
// every product, and what a served item shows (title, image, link). Products the shop never
// imported but visitors click are learned from the events (category only, title = id), so a shop
// without a catalogue feed still gets recommendations.
import type { ProductMeta } from '@centric/recommend';
import type { CatalogueProduct } from '@centric/storage';

export interface ProductInfo extends ProductMeta {
  title: string;
  imageLink: string | null;
  link: string | null;
  /** False for products only seen in events. */
  listed: boolean;
}

const UNCATEGORISED = 'Other';
/** Feed values that mean the product cannot be bought now (Google Merchant and common variants). */
const OUT_OF_STOCK = /out[\s_-]?of[\s_-]?stock|sold[\s_-]?out|discontinued|unavailable/i;
/** Category paths are written "Parent > Child"; a filter on the parent takes its children. */
const PATH_SEPARATOR = ' > ';

export function isInStock(availability: string | null): boolean {
  return availability === null || !OUT_OF_STOCK.test(availability);
}

export class ProductCatalogue {
  private readonly products = new Map<string, ProductInfo>();
  private readonly byCategory = new Map<string, ProductInfo[]>();

  static fromProducts(rows: readonly CatalogueProduct[]): ProductCatalogue {
    const catalogue = new ProductCatalogue();
    for (const p of rows) {
      const price =
        p.salePrice !== null && (p.price === null || p.salePrice < p.price) ? p.salePrice : p.price;
      catalogue.put({
        id: p.productId,
        title: p.title,
        category: p.categoryPath?.trim() || UNCATEGORISED,
        ...(p.brand ? { brand: p.brand } : {}),
        ...(price === null ? {} : { price }),
        inStock: isInStock(p.availability),
        imageLink: p.imageLink,
        link: p.link,
        listed: true,
      });
    }
    return catalogue;
  }

  get size(): number {
    return this.products.size;
  }

  get(productId: string): ProductInfo | undefined {
    return this.products.get(productId);
  }

  /** Records a product seen in an event when the catalogue does not list it. */
  learn(productId: string, category: string | null): void {
    if (this.products.has(productId)) return;
    this.put({
      id: productId,
      title: productId,
      category: category?.trim() || UNCATEGORISED,
      inStock: true,
      imageLink: null,
      link: null,
      listed: false,
    });
  }

  /** Keeps the products an older catalogue learned from events and this one does not list. */
  adoptLearned(older: ProductCatalogue): void {
    for (const p of older.products.values()) if (!p.listed && !this.products.has(p.id)) this.put(p);
  }

  /** Products of one category (exact path). */
  inCategory(category: string): readonly ProductInfo[] {
    return this.byCategory.get(category) ?? [];
  }

  categories(): string[] {
    return [...this.byCategory.keys()];
  }

  /** The given categories with every sub-category of each ("Home" -> "Home > Candles" ...). */
  expandCategories(categories: readonly string[]): string[] {
    const out = new Set<string>();
    for (const wanted of categories) {
      out.add(wanted);
      const prefix = `${wanted}${PATH_SEPARATOR}`;
      for (const c of this.byCategory.keys()) if (c.startsWith(prefix)) out.add(c);
    }
    return [...out];
  }

  private put(info: ProductInfo): void {
    this.products.set(info.id, info);
    const list = this.byCategory.get(info.category);
    if (list) list.push(info);
    else this.byCategory.set(info.category, [info]);
  }
}
