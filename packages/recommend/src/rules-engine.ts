// Business rules of one recommendation slot, applied after any algorithm: hard constraints first (excluded
// items, the bought-item suppression shared by every channel, filters), then boosts, ordering, diversity
// (at most N per category) and pinned positions. Replenishment items that are due are the only bought
// items allowed back: buying coffee again is the point, buying the same sofa again is not.
import type { ItemId, ProductMeta } from './types';

/** A scored product from any algorithm, with the metadata the rules look at. */
export interface Candidate extends ProductMeta {
  score: number;
}

export interface SlotFilters {
  /** Keep only products in stock. Default true. */
  inStock?: boolean;
  categories?: readonly string[];
  brands?: readonly string[];
  minPrice?: number;
  maxPrice?: number;
}

export interface Boost {
  /** A product matches when it matches any of the given lists. */
  ids?: readonly ItemId[];
  categories?: readonly string[];
  brands?: readonly string[];
  /** Score multiplier, e.g. 1.5 for a promoted brand. */
  factor: number;
}

export interface Pin {
  product: ProductMeta;
  /** 0-based position in the slot. */
  position: number;
}

export interface SlotRules {
  limit: number;
  filters?: SlotFilters;
  boosts?: readonly Boost[];
  /** Merchant-fixed items; they obey exclusions, suppression and filters but not boosts or diversity. */
  pinned?: readonly Pin[];
  excluded?: Iterable<ItemId>;
  /** Diversity: at most this many items per category, pins included. */
  maxPerCategory?: number;
}

export interface Suppression {
  /** Products the customer bought, shared by every channel (web, e-mail, ads). */
  bought: ReadonlySet<ItemId>;
  /** Bought products whose replenishment is due: the only exception to the suppression. */
  replenishmentDue?: ReadonlySet<ItemId>;
}

export interface SlotItem {
  itemId: ItemId;
  score: number;
  category: string;
  pinned: boolean;
}

/**
 * @example
 * applySlotRules(candidates, { limit: 8, maxPerCategory: 2, filters: { maxPrice: 100 } }, { bought });
 */
export function applySlotRules(
  candidates: readonly Candidate[],
  rules: SlotRules,
  suppression: Suppression,
): SlotItem[] {
  const excluded = new Set(rules.excluded ?? []);
  const allowed = (p: ProductMeta): boolean =>
    !excluded.has(p.id) &&
    !(suppression.bought.has(p.id) && !suppression.replenishmentDue?.has(p.id)) &&
    passesFilters(p, rules.filters ?? {});

  const pins: Pin[] = [];
  const pinnedIds = new Set<ItemId>();
  for (const pin of [...(rules.pinned ?? [])].sort((a, b) => a.position - b.position)) {
    if (allowed(pin.product) && !pinnedIds.has(pin.product.id)) {
      pins.push(pin);
      pinnedIds.add(pin.product.id);
    }
  }

  const ranked = candidates
    .filter((c) => allowed(c) && !pinnedIds.has(c.id))
    .map((c, order) => ({ c, order, score: boosted(c, rules.boosts ?? []) }))
    .sort((a, b) => b.score - a.score || a.order - b.order);

  const perCategory = new Map<string, number>();
  for (const pin of pins)
    perCategory.set(pin.product.category, (perCategory.get(pin.product.category) ?? 0) + 1);
  const cap = rules.maxPerCategory ?? Number.POSITIVE_INFINITY;
  const wanted = Math.max(0, rules.limit - pins.length);
  const out: SlotItem[] = [];
  const seen = new Set<ItemId>();
  for (const { c, score } of ranked) {
    if (out.length >= wanted) break;
    const n = perCategory.get(c.category) ?? 0;
    if (seen.has(c.id) || n >= cap) continue;
    seen.add(c.id);
    perCategory.set(c.category, n + 1);
    out.push({ itemId: c.id, score, category: c.category, pinned: false });
  }
  // A pin's score is its candidate score when the algorithm proposed it too, else 0: its place is fixed anyway.
  const candidateScore = new Map(candidates.map((c) => [c.id, c.score]));
  for (const pin of pins) {
    const at = Math.min(pin.position, out.length);
    const { id, category } = pin.product;
    out.splice(at, 0, { itemId: id, score: candidateScore.get(id) ?? 0, category, pinned: true });
  }
  return out.slice(0, rules.limit);
}

export function passesFilters(p: ProductMeta, f: SlotFilters): boolean {
  if ((f.inStock ?? true) && !p.inStock) return false;
  if (f.categories && !f.categories.includes(p.category)) return false;
  if (f.brands && (p.brand === undefined || !f.brands.includes(p.brand))) return false;
  if (f.minPrice !== undefined && (p.price === undefined || p.price < f.minPrice)) return false;
  if (f.maxPrice !== undefined && (p.price === undefined || p.price > f.maxPrice)) return false;
  return true;
}

function boosted(c: Candidate, boosts: readonly Boost[]): number {
  let score = c.score;
  for (const b of boosts) {
    const hit =
      b.ids?.includes(c.id) ||
      b.categories?.includes(c.category) ||
      (c.brand !== undefined && b.brands?.includes(c.brand));
    if (hit) score *= b.factor;
  }
  return score;
}
