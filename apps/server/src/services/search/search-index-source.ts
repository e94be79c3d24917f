// What a project's search index is built from: the recommendation engine's catalogue (the same
// titles, categories, brands, prices and stock every channel shows; products only learned from
// events are left out, their title is their id) and, from the store, each product's description
// and attribute values, which the engine does not hold. The fingerprint says whether a catalogue
// the engine replaced (after a feed import, or on its periodic rebuild) changed anything search
// shows, so an unchanged catalogue is not indexed again.
import { createHash } from 'node:crypto';
import type { SearchableProduct } from '@centric/recommend';
import type { Store } from '@centric/storage';
import type { ProductCatalogue, ProductInfo } from '../recommendations/product-catalogue';

export type IndexedProduct = ProductInfo & SearchableProduct;

const PAGE = 10_000;
/** Attribute values longer than this are codes or blobs, not words a shopper types. */
const MAX_ATTRIBUTE_LENGTH = 200;

/** The listed products of the engine's catalogue with their searchable text. */
export function indexedProducts(
  catalogue: ProductCatalogue,
  texts: ReadonlyMap<string, string>,
): IndexedProduct[] {
  const out: IndexedProduct[] = [];
  for (const category of catalogue.categories())
    for (const p of catalogue.inCategory(category))
      if (p.listed) out.push({ ...p, text: texts.get(p.id) ?? null });
  return out;
}

/** Description and attribute values per product id (only products that have some). */
export async function loadProductTexts(store: Store, projectId: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.state.listProducts({ projectId, limit: PAGE, offset });
    for (const p of page) {
      const parts = [p.description ?? '', ...attributeWords(p.attributes)].filter((s) => s !== '');
      if (parts.length > 0) texts.set(p.productId, parts.join(' '));
    }
    if (page.length < PAGE) break;
  }
  return texts;
}

/** A digest of what search shows of each product: equal digests need no new index. */
export function catalogueFingerprint(catalogue: ProductCatalogue): string {
  const hash = createHash('sha1');
  for (const category of catalogue.categories()) {
    for (const p of catalogue.inCategory(category)) {
      if (!p.listed) continue;
      hash.update(
        `${p.id}\u0000${p.title}\u0000${p.category}\u0000${p.brand ?? ''}\u0000${p.price ?? ''}\u0000${p.inStock}\u0000${p.imageLink ?? ''}\u0000${p.link ?? ''}\u0001`,
      );
    }
  }
  return hash.digest('hex');
}

function attributeWords(attributes: string | null): string[] {
  if (attributes === null) return [];
  try {
    const parsed = JSON.parse(attributes) as unknown;
    if (parsed === null || typeof parsed !== 'object') return [];
    return Object.values(parsed as Record<string, unknown>)
      .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      .map(String)
      .filter((v) => v.length <= MAX_ATTRIBUTE_LENGTH && !/^https?:\/\//i.test(v));
  } catch {
    // Attributes are JSON the importer wrote; a bad value only loses this product's extra words.
    return [];
  }
}
