// Shared shapes of the recommendation package: identifiers, scored items, product metadata.

/** A product identifier as the shop knows it (SKU, product id). */
export type ItemId = string;

/** One recommended item with its score; higher is better, scores are comparable within one list only. */
export interface ScoredItem {
  itemId: ItemId;
  score: number;
}

/** Product metadata the business rules and the alternatives need. */
export interface ProductMeta {
  id: ItemId;
  category: string;
  brand?: string;
  price?: number;
  inStock: boolean;
}

/** One click (or other interaction) in a session: the unit of the session-based models. */
export interface SessionEvent {
  sessionId: string;
  itemId: ItemId;
  /** Seconds or milliseconds; only the order and differences matter, consistently within one model. */
  time: number;
}
