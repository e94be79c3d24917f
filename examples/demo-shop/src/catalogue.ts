// The shop's own catalogue, read at start from a CSV (by default the demo catalogue,
// demo/data/products.csv.gz: id,title,category,price,currency,availability) - the shop owns its
// products like a real shop does and sends them to Centric as a product feed. Titles are shown
// in title case (the source has them in capitals); products without a price are not sold.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseCsvRecords } from './csv';

export interface Product {
  id: string;
  title: string;
  /** Full category path, e.g. "Home decor > Candles & lights". */
  category: string;
  categorySlug: string;
  price: number;
  currency: string;
  inStock: boolean;
}

export interface Category {
  slug: string;
  /** The last part of the path: "Candles & lights". */
  name: string;
  path: string;
  parent: string | null;
  children: string[];
  /** Products in this category and its sub-categories. */
  productCount: number;
  /** Placeholder colour of its products' images, from the top-level category. */
  colour: string;
}

export type ProductSort = 'featured' | 'price-asc' | 'price-desc' | 'name';
export const PRODUCT_SORTS: readonly ProductSort[] = ['featured', 'price-asc', 'price-desc', 'name'];

const SMALL_WORDS = new Set(['a', 'an', 'and', 'of', 'in', 'on', 'the', 'with', 'for', 'to', 'or']);
// Muted colours that keep white initials readable (contrast >= 4.5:1).
const PALETTE = [
  '#8a4b2d',
  '#2f6b4f',
  '#3d5a8a',
  '#7a3b69',
  '#7a5f14',
  '#5b4b8a',
  '#a13d3d',
  '#2d6f7a',
  '#4a6b2f',
  '#8a3b55',
];

/** "SMALL FOLDING SCISSOR(POINTED EDGE)" -> "Small Folding Scissor(Pointed Edge)". */
export function displayTitle(raw: string): string {
  const lower = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  return lower
    .split(' ')
    .map((word, i) =>
      i > 0 && SMALL_WORDS.has(word)
        ? word
        : word.replace(/(^|[(/&-])([a-z])/g, (_, p, c) => p + c.toUpperCase()),
    )
    .join(' ');
}

/** URL-safe slug of a category path: "Home decor > Candles & lights" -> "home-decor-candles-lights". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export class Catalogue {
  private readonly byId = new Map<string, Product>();
  private readonly categoriesBySlug = new Map<string, Category>();

  private constructor(readonly products: readonly Product[]) {
    for (const product of products) this.byId.set(product.id, product);
    const tops: string[] = [];
    for (const product of products) {
      const parts = product.category.split('>').map((p) => p.trim());
      for (let depth = 1; depth <= parts.length; depth++) {
        const path = parts.slice(0, depth).join(' > ');
        const slug = slugify(path);
        let category = this.categoriesBySlug.get(slug);
        if (!category) {
          const parent = depth > 1 ? slugify(parts.slice(0, depth - 1).join(' > ')) : null;
          if (!parent) tops.push(slug);
          category = {
            slug,
            name: parts[depth - 1]!,
            path,
            parent,
            children: [],
            productCount: 0,
            colour: '',
          };
          this.categoriesBySlug.set(slug, category);
          if (parent) this.categoriesBySlug.get(parent)!.children.push(slug);
        }
        category.productCount++;
      }
    }
    tops.sort();
    for (const category of this.categoriesBySlug.values()) {
      const top = this.topOf(category);
      category.colour = PALETTE[tops.indexOf(top.slug) % PALETTE.length]!;
    }
  }

  /**
   * @example const catalogue = Catalogue.fromCsv(readFileSync('products.csv', 'utf8'));
   */
  static fromCsv(text: string): Catalogue {
    const products: Product[] = [];
    const seen = new Set<string>();
    for (const record of parseCsvRecords(text)) {
      const id = (record.id ?? '').trim();
      const price = Number(record.price);
      // Products without a price cannot be sold; duplicates keep the first row.
      if (!id || seen.has(id) || !Number.isFinite(price) || price <= 0) continue;
      seen.add(id);
      const category = (record.category ?? '').trim() || 'Other';
      products.push({
        id,
        title: displayTitle(record.title ?? id),
        category,
        categorySlug: slugify(category),
        price,
        currency: (record.currency ?? '').trim() || 'GBP',
        inStock: !/out/i.test(record.availability ?? ''),
      });
    }
    return new Catalogue(products);
  }

  /** Reads a catalogue file; `.gz` files are gunzipped. */
  static load(file: string): Catalogue {
    const bytes = readFileSync(file);
    return Catalogue.fromCsv((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
  }

  get(id: string): Product | undefined {
    return this.byId.get(id);
  }

  category(slug: string): Category | undefined {
    return this.categoriesBySlug.get(slug);
  }

  /** Top-level categories, largest first. */
  topCategories(): Category[] {
    return [...this.categoriesBySlug.values()]
      .filter((c) => c.parent === null)
      .sort((a, b) => b.productCount - a.productCount || a.name.localeCompare(b.name));
  }

  topOf(category: Category): Category {
    let current = category;
    while (current.parent) current = this.categoriesBySlug.get(current.parent)!;
    return current;
  }

  /** Root-first path of a category, for breadcrumbs. */
  trail(category: Category): Category[] {
    const out = [category];
    while (out[0]!.parent) out.unshift(this.categoriesBySlug.get(out[0]!.parent!)!);
    return out;
  }

  /** Products of a category and its sub-categories, sorted. */
  productsIn(slug: string, sort: ProductSort = 'featured'): Product[] {
    const category = this.categoriesBySlug.get(slug);
    if (!category) return [];
    const prefix = `${category.path} >`;
    const list = this.products.filter((p) => p.category === category.path || p.category.startsWith(prefix));
    return sortProducts(list, sort);
  }

  /** A few products of each top-level category, for the home page; the same every time. */
  featured(perCategory = 1, limit = 8): Product[] {
    const out: Product[] = [];
    for (const top of this.topCategories()) {
      out.push(
        ...this.productsIn(top.slug)
          .filter((p) => p.inStock)
          .slice(0, perCategory),
      );
    }
    return out.slice(0, limit);
  }

  colourOf(product: Product): string {
    return this.categoriesBySlug.get(product.categorySlug)?.colour ?? PALETTE[0]!;
  }
}

export function sortProducts(list: Product[], sort: ProductSort): Product[] {
  switch (sort) {
    case 'price-asc':
      return [...list].sort((a, b) => a.price - b.price || a.title.localeCompare(b.title));
    case 'price-desc':
      return [...list].sort((a, b) => b.price - a.price || a.title.localeCompare(b.title));
    case 'name':
      return [...list].sort((a, b) => a.title.localeCompare(b.title));
    default:
      return list;
  }
}
