// The RecommendationStore contract: saved slot configurations (algorithm, limit, business rules)
// per project, the compact reads the in-memory recommendation models are built from (recent
// session clicks, order lines), and the attribution of served lists to clicks and orders.
// Implemented per backend; see duckdb/duckdb-recommendation-store.ts.
import type { RecommendationAlgorithm, SlotRulesWire } from '@centric/contracts';
import type { TimeRange } from './store';

export interface SavedSlot {
  slotId: string;
  name: string;
  algorithm: RecommendationAlgorithm;
  limit: number;
  rules: SlotRulesWire;
  updatedAt: number;
}

/** One product interaction of a session, oldest first. */
export interface SessionClick {
  sessionId: string;
  /** 'u:<userId>' when the event has a user id, else 'a:<anonymousId>'. */
  identity: string;
  productId: string;
  kind: 'view' | 'cart';
  category: string | null;
  at: number;
}

/** A completed (not cancelled) order as a basket: who bought which products when. */
export interface OrderBasket {
  orderId: string;
  /** The identity of the order's customer ('u:...' or 'a:...'); null when the order has none. */
  identity: string | null;
  /** Product ids in line order (distinct). */
  productIds: string[];
  /** The line's category per product, as the order sent it (null when absent). */
  categories: (string | null)[];
  at: number;
}

export interface ProfileLink {
  identity: string;
  profileId: string;
}

/** Figures of one slot and algorithm over a period. */
export interface AttributionFigures {
  slot: string;
  algorithm: string;
  impressions: number;
  clicks: number;
  orders: number;
  revenue: number;
}

export interface RecommendationStore {
  /** Oldest first. */
  listSlots(projectId: string): Promise<SavedSlot[]>;
  /** Creates or replaces a slot. */
  saveSlot(projectId: string, slot: Omit<SavedSlot, 'updatedAt'> & { at?: number }): Promise<SavedSlot>;
  /** False when the project has no such slot. */
  removeSlot(projectId: string, slotId: string): Promise<boolean>;
  /** Changes whenever a product of the project is added or updated: the catalogue is re-read only then. */
  catalogueVersion(projectId: string): Promise<string>;
  /**
   * Identity links (identity key -> profile id) of the project, up to `limit`; with `identities`,
   * only the links of the profiles those identities belong to. The serving path keeps them in
   * memory: a store lookup per visitor would cost more than the recommendation itself.
   */
  identityLinks(
    projectId: string,
    query: { identities?: readonly string[]; limit: number },
  ): Promise<ProfileLink[]>;
  /**
   * Product views and cart adds of the most recent sessions active since a time, oldest first:
   * what session kNN, co-views, popularity and visitors' histories are built from.
   */
  sessionClicks(projectId: string, query: { sinceMs: number; maxSessions: number }): Promise<SessionClick[]>;
  /** The most recent orders since a time (up to `limit` orders), oldest first. */
  orderBaskets(projectId: string, query: { sinceMs: number; limit: number }): Promise<OrderBasket[]>;
  /**
   * Per slot and algorithm: lists served in the range, clicks carrying their recommendation id,
   * and orders of the same profile containing a recommended product within `windowMs` after the
   * list was served (each order line counted once per slot and algorithm).
   */
  attribution(
    projectId: string,
    query: { range: TimeRange; windowMs: number },
  ): Promise<AttributionFigures[]>;
}
