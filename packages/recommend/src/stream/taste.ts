// A visitor's favourite categories and brands, from the products they interacted with: each
// interaction weighs by its kind (a wishlist says more than a cart add, which says more than a
// view) and fades with age (half-life 30 days), so that last month's hobby gives way to this
// week's. New arrivals are drawn from these.
import type { CatalogueEntry, ProductInteraction, StreamInteractionKind } from './stream-inputs';

export interface Taste {
  /** Best first. */
  categories: string[];
  brands: string[];
}

export interface TasteOptions {
  now: number;
  /** Favourites kept per side. Default 3. */
  limit?: number;
  /** Weight a favourite needs: one fresh view is 1. Default 1. */
  minWeight?: number;
  halfLifeMs?: number;
}

const DAY = 86_400_000;
const KIND_WEIGHT: Readonly<Record<StreamInteractionKind, number>> = {
  view: 1,
  cart: 2,
  wishlist: 3,
  unwishlist: 0,
};

/**
 * @example
 * favouriteTaste(interactions, catalogue, { now }) // { categories: ['Home > Candles'], brands: ['Acme'] }
 */
export function favouriteTaste(
  interactions: readonly ProductInteraction[],
  catalogue: ReadonlyMap<string, CatalogueEntry>,
  { now, limit = 3, minWeight = 1, halfLifeMs = 30 * DAY }: TasteOptions,
): Taste {
  const categories = new Map<string, number>();
  const brands = new Map<string, number>();
  for (const i of interactions) {
    const entry = catalogue.get(i.productId);
    if (!entry) continue;
    // Rounded so that an interaction a few milliseconds old still counts as one whole view.
    const fade = Math.round(0.5 ** (Math.max(0, now - i.at) / halfLifeMs) * 1e6) / 1e6;
    const weight = KIND_WEIGHT[i.kind] * fade;
    if (entry.category) categories.set(entry.category, (categories.get(entry.category) ?? 0) + weight);
    if (entry.brand) brands.set(entry.brand, (brands.get(entry.brand) ?? 0) + weight);
  }
  const best = (weights: Map<string, number>) =>
    [...weights]
      .filter(([, w]) => w >= minWeight)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([name]) => name);
  return { categories: best(categories), brands: best(brands) };
}
