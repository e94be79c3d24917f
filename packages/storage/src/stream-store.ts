// The StreamStore contract: the reads the shopping stream needs beyond the recommendation models -
// a visitor's product interactions with the prices they saw, catalogue rows with their created
// dates, the catalogue's recent arrivals, and the recorded price and stock changes of products.
// Implemented per backend; see duckdb/duckdb-stream-store.ts.
import type { CatalogueProduct } from './store';

/** Product events the stream reads, as stored (canonical names). */
export const STREAM_INTERACTION_EVENTS = [
  'Product Viewed',
  'Product Clicked',
  'Product Added',
  'Product Added to Wishlist',
  'Product Removed from Wishlist',
] as const;
export type StreamInteractionEvent = (typeof STREAM_INTERACTION_EVENTS)[number];

export interface ProductInteractionRow {
  productId: string;
  event: StreamInteractionEvent;
  at: number;
  /** properties.price (or the single product's, or value per unit) as the shop sent it; null when absent. */
  price: number | null;
  currency: string | null;
}

export interface DatedProduct extends CatalogueProduct {
  /** When the product was first stored. */
  createdAt: number;
}

/** One recorded change of a product's effective price or availability. */
export interface ProductChangeRow {
  productId: string;
  at: number;
  oldPrice: number | null;
  newPrice: number | null;
  oldAvailability: string | null;
  newAvailability: string | null;
}

export interface StreamStore {
  /**
   * Product views, cart adds and wishlist events of the given identity keys ('a:…', 'u:…') since a
   * time, newest first, at most `limit`.
   */
  productInteractions(
    projectId: string,
    query: { identities: readonly string[]; sinceMs: number; limit: number },
  ): Promise<ProductInteractionRow[]>;
  /** Catalogue rows of the given products (unknown ids are left out). */
  products(projectId: string, productIds: readonly string[]): Promise<DatedProduct[]>;
  /**
   * Products created since `sinceMs` and at least `afterFirstMs` after the catalogue's first
   * product (so that the first import does not make the whole catalogue "new"), newest first;
   * with `categories` / `brands`, only those in one of the categories or of one of the brands.
   */
  newProducts(
    projectId: string,
    query: {
      sinceMs: number;
      afterFirstMs: number;
      categories?: readonly string[];
      brands?: readonly string[];
      limit: number;
    },
  ): Promise<DatedProduct[]>;
  /** Price and availability changes of the given products since a time, oldest first. */
  productChanges(
    projectId: string,
    query: { productIds: readonly string[]; sinceMs: number },
  ): Promise<ProductChangeRow[]>;
}
