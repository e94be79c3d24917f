// What the shopping stream is built from, as plain data gathered by the server: the visitor's
// product interactions with the prices they saw, the catalogue entries of the products involved
// (current price, stock, created date), the products' price and stock changes, the bought-item
// suppression list with the due replenishments, the recommendation engine's list and the loyalty
// standing. Everything is passed in, so the stream is a pure function of it.
import type { LoyaltyStatus } from '@centric/contracts';
import type { ReplenishmentItem } from '../replenishment';

/** view and cart from product views and cart adds; wishlist / unwishlist from the wishlist events. */
export type StreamInteractionKind = 'view' | 'cart' | 'wishlist' | 'unwishlist';

export interface ProductInteraction {
  productId: string;
  kind: StreamInteractionKind;
  /** Milliseconds since the epoch. */
  at: number;
  /** The price shown to the visitor with the event (properties.price); null when the shop sent none. */
  price: number | null;
  /** The currency of that price, when the event said. */
  currency?: string | null;
}

export interface CatalogueEntry {
  productId: string;
  title: string;
  category: string | null;
  brand: string | null;
  /** The price a buyer pays now (the sale price when lower); null when unknown. */
  price: number | null;
  currency: string | null;
  inStock: boolean;
  imageLink: string | null;
  link: string | null;
}

/** One recorded change of a product's price or stock (catalogue upserts record them). */
export interface ProductChange {
  productId: string;
  at: number;
  previousPrice: number | null;
  price: number | null;
  wasInStock: boolean;
  inStock: boolean;
}

/** One item of the recommendation engine's list for the visitor, best first. */
export interface StreamRecommendation {
  productId: string;
  score: number;
  /** The engine's reason: personal, session, trending, popular, viewed_together … */
  reason: string;
  /** The visitor's product (viewed, wishlisted or bought) that led to it ("Because you viewed X"). */
  anchor?: string | null;
}

export interface StreamInputs {
  now: number;
  /** The visitor's product interactions (any order). */
  interactions: readonly ProductInteraction[];
  /** Entries of every product the other inputs name. */
  catalogue: ReadonlyMap<string, CatalogueEntry>;
  /** Price and stock changes of the products interacted with (any order). */
  changes: readonly ProductChange[];
  /** Products the catalogue received recently (beyond its first import): new-arrival candidates. */
  newArrivals: readonly { productId: string; createdAt: number }[];
  /** The bought-item suppression list shared by every channel. */
  bought: ReadonlySet<string>;
  /** Bought products whose replenishment is due: the only bought products a channel may show. */
  replenishmentDue: ReadonlySet<string>;
  /** The visitor's replenishment rhythms (packages/recommend replenishment()). */
  replenishment: readonly ReplenishmentItem[];
  recommendations: readonly StreamRecommendation[];
  /** Null for visitors who never ordered. */
  loyalty: LoyaltyStatus | null;
}
