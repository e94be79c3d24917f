// Small builders for the stream's unit tests: catalogue entries, interactions and empty inputs,
// so that each test states only what matters to it.
import type { CatalogueEntry, ProductInteraction, StreamInputs } from '../stream-inputs';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2025, 5, 1, 12);

export function entry(productId: string, over: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return {
    productId,
    title: `Title ${productId}`,
    category: 'Home > Candles',
    brand: 'Acme',
    price: 10,
    currency: 'EUR',
    inStock: true,
    imageLink: null,
    link: `https://shop.example/p/${productId}`,
    ...over,
  };
}

export function viewed(productId: string, daysAgo: number, price: number | null = null): ProductInteraction {
  return { productId, kind: 'view', at: NOW - daysAgo * DAY, price };
}

export function inputs(over: Partial<StreamInputs> & { entries?: CatalogueEntry[] } = {}): StreamInputs {
  const { entries = [], ...rest } = over;
  return {
    now: NOW,
    interactions: [],
    catalogue: new Map(entries.map((e) => [e.productId, e])),
    changes: [],
    newArrivals: [],
    bought: new Set(),
    replenishmentDue: new Set(),
    replenishment: [],
    recommendations: [],
    loyalty: null,
    ...rest,
  };
}
