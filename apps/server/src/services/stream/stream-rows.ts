// Store rows as the pure stream logic sees them: catalogue rows become entries with the price a
// buyer pays and the stock flag the recommendation engine uses, recorded changes get that flag
// on both sides, and product events become interactions of a kind.
import type { RecommendedItem } from '@centric/contracts';
import type { stream } from '@centric/recommend';
import type {
  DatedProduct,
  ProductChangeRow,
  ProductInteractionRow,
  StreamInteractionEvent,
} from '@centric/storage';
import { isInStock } from '../recommendations/product-catalogue';

const KIND: Readonly<Record<StreamInteractionEvent, stream.StreamInteractionKind>> = {
  'Product Viewed': 'view',
  'Product Clicked': 'view',
  'Product Added': 'cart',
  'Product Added to Wishlist': 'wishlist',
  'Product Removed from Wishlist': 'unwishlist',
};

export function toInteraction(row: ProductInteractionRow): stream.ProductInteraction {
  return {
    productId: row.productId,
    kind: KIND[row.event],
    at: row.at,
    price: row.price,
    currency: row.currency,
  };
}

export function toEntry(p: DatedProduct): stream.CatalogueEntry {
  // As ProductCatalogue.fromProducts reads a row: the sale price when it is the lower one.
  const price = p.salePrice !== null && (p.price === null || p.salePrice < p.price) ? p.salePrice : p.price;
  return {
    productId: p.productId,
    title: p.title,
    category: p.categoryPath?.trim() || null,
    brand: p.brand,
    price,
    currency: p.currency,
    inStock: isInStock(p.availability),
    imageLink: p.imageLink,
    link: p.link,
  };
}

/** A recommended product the catalogue does not list (learned from events): what the engine shows of it. */
export function entryOfRecommended(item: RecommendedItem): stream.CatalogueEntry {
  return {
    productId: item.productId,
    title: item.title,
    category: item.category,
    brand: null,
    price: item.price,
    currency: null,
    inStock: true,
    imageLink: item.imageLink,
    link: item.link,
  };
}

/** A bought product the catalogue does not list: only its id is known. */
export function entryOfUnlisted(productId: string): stream.CatalogueEntry {
  return {
    productId,
    title: productId,
    category: null,
    brand: null,
    price: null,
    currency: null,
    inStock: true,
    imageLink: null,
    link: null,
  };
}

export function toChange(row: ProductChangeRow): stream.ProductChange {
  return {
    productId: row.productId,
    at: row.at,
    previousPrice: row.oldPrice,
    price: row.newPrice,
    wasInStock: isInStock(row.oldAvailability),
    inStock: isInStock(row.newAvailability),
  };
}
