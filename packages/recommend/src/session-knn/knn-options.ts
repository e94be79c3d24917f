// Request options common to the session-based kNN recommenders.
import type { ItemId } from '../types';

export interface KnnRecommendOptions {
  /** Neighbours to use; overrides the model's default. */
  k?: number;
  /** Length of the returned list. Default 20. */
  limit?: number;
  /** Items never to return (e.g. what is in the cart); the current session's items are kept otherwise. */
  exclude?: Iterable<ItemId>;
  /** The visitor's own session id when it is indexed too, so that it is not its own neighbour. */
  sessionId?: string;
}

export function toExcludeSet(exclude: Iterable<ItemId> | undefined): ReadonlySet<ItemId> | undefined {
  if (exclude === undefined) return undefined;
  return exclude instanceof Set ? (exclude as ReadonlySet<ItemId>) : new Set(exclude);
}
