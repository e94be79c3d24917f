// Gathers what one visitor's shopping stream is built from: their product events with the prices
// they saw (store), the bought-item suppression list, purchases and the recommendation list
// (the recommendation engine's live models, the same ones every channel uses), the catalogue rows
// of every product involved and the new arrivals in their favourite categories and brands, the
// products' recorded price and stock changes, and the loyalty standing.
import { type RecommendationResponse, type SlotInput, STREAM_SLOT } from '@centric/contracts';
import { type Purchase, replenishment, stream } from '@centric/recommend';
import type { Store } from '@centric/storage';
import type { RecommendationService } from '../recommendation-service';
import { loyaltyStanding } from './loyalty-standing';
import { entryOfRecommended, entryOfUnlisted, toChange, toEntry, toInteraction } from './stream-rows';

export interface GatherOptions {
  /** How far back a visitor's product events count. Default 90 days. */
  historyDays: number;
  /** How long a product counts as a new arrival. Default 30 days. */
  newArrivalDays: number;
  /** Products created within this long of the catalogue's first product came with its first import. */
  arrivalGapMs: number;
  /** Recommendations asked of the engine. */
  recommendations: number;
  ladder?: readonly stream.LoyaltyTier[] | undefined;
}

export interface GatheredInputs {
  inputs: stream.StreamInputs;
  /** The algorithm (or blend) of the recommendation list, for attribution. */
  algorithm: string;
}

const DAY = 86_400_000;
/** Recent products of the visitor whose related lists are searched for a recommendation's anchor. */
const ANCHORS = 10;
/** Recent purchases searched after them. */
const PURCHASE_ANCHORS = 5;
/** Related products of an anchor that count as led to by it. */
const RELATED = 30;
/** Engine reasons that come from the visitor's own products (the others are trending / popular). */
const ANCHORED_REASONS = new Set([
  'personal',
  'session',
  'viewed_together',
  'bought_together',
  'bundle',
  'alternative',
]);

/** The stream's recommendation slot when the shop saved none named "stream": the auto blend, in stock. */
export const DEFAULT_STREAM_SLOT: SlotInput = {
  name: 'Shopping stream',
  algorithm: 'auto',
  limit: 60,
  rules: { filters: { inStock: true }, maxPerCategory: 12 },
};

export async function gatherStreamInputs(
  { store, recommendations }: { store: Store; recommendations: RecommendationService },
  {
    projectId,
    visitor,
    identities,
    now,
    options,
  }: {
    projectId: string;
    visitor: string;
    identities: readonly string[];
    now: number;
    options: GatherOptions;
  },
): Promise<GatheredInputs> {
  const slots = await recommendations.listSlots(projectId);
  const saved = slots.find((s) => s.slotId === STREAM_SLOT);
  const draft: SlotInput = saved
    ? { name: saved.name, algorithm: saved.algorithm, limit: saved.limit, rules: saved.rules }
    : DEFAULT_STREAM_SLOT;
  const [rows, suppression, context, recommended] = await Promise.all([
    store.stream.productInteractions(projectId, {
      identities,
      sinceMs: now - options.historyDays * DAY,
      limit: 500,
    }),
    recommendations.suppression(projectId, visitor),
    recommendations.visitorContext(projectId, visitor),
    recommendations.recommend(
      projectId,
      { slot: STREAM_SLOT, visitor, limit: options.recommendations },
      { log: false, draft },
    ),
  ]);
  const interactions = rows.map(toInteraction);
  const rhythms = replenishment(context.purchases, { now });
  const interacted = [...new Set(interactions.map((i) => i.productId))];
  const anchors = await anchorsOf(recommendations, {
    projectId,
    interactions,
    purchases: context.purchases,
    recommended,
  });

  const catalogue = new Map<string, stream.CatalogueEntry>();
  const wanted = [
    ...interacted,
    ...rhythms.map((r) => r.itemId),
    ...recommended.items.map((i) => i.productId),
    ...anchors.values(),
  ];
  for (const p of await store.stream.products(projectId, wanted)) catalogue.set(p.productId, toEntry(p));
  for (const item of recommended.items)
    if (!catalogue.has(item.productId)) catalogue.set(item.productId, entryOfRecommended(item));
  for (const r of rhythms) if (!catalogue.has(r.itemId)) catalogue.set(r.itemId, entryOfUnlisted(r.itemId));

  const taste = stream.favouriteTaste(interactions, catalogue, { now });
  const [arrivals, changes, loyalty] = await Promise.all([
    taste.categories.length + taste.brands.length === 0
      ? Promise.resolve([])
      : store.stream.newProducts(projectId, {
          sinceMs: now - options.newArrivalDays * DAY,
          afterFirstMs: options.arrivalGapMs,
          categories: taste.categories,
          brands: taste.brands,
          limit: 50,
        }),
    store.stream.productChanges(projectId, {
      productIds: interacted,
      sinceMs: now - options.historyDays * DAY,
    }),
    loyaltyStanding(store, {
      projectId,
      identities,
      currency: mainCurrency(catalogue.values()),
      now,
      ladder: options.ladder,
    }),
  ]);
  for (const p of arrivals) if (!catalogue.has(p.productId)) catalogue.set(p.productId, toEntry(p));

  return {
    algorithm: recommended.algorithm,
    inputs: {
      now,
      interactions,
      catalogue,
      changes: changes.map(toChange),
      newArrivals: arrivals.map((p) => ({ productId: p.productId, createdAt: p.createdAt })),
      bought: new Set(suppression.bought),
      replenishmentDue: new Set(suppression.replenishmentDue),
      replenishment: rhythms,
      recommendations: recommended.items.map((item) => ({
        productId: item.productId,
        score: item.score,
        reason: item.reason,
        anchor: ANCHORED_REASONS.has(item.reason) ? (anchors.get(item.productId) ?? null) : null,
      })),
      loyalty,
    },
  };
}

/**
 * For each recommended product, the visitor's most recent product - looked at first, then bought -
 * whose related products include it: the "X" of "Because you viewed X". The engine's personal
 * list sums several such products; the most recent one is the one the visitor remembers.
 */
async function anchorsOf(
  recommendations: RecommendationService,
  {
    projectId,
    interactions,
    purchases,
    recommended,
  }: {
    projectId: string;
    interactions: readonly stream.ProductInteraction[];
    purchases: readonly Purchase[];
    recommended: RecommendationResponse;
  },
): Promise<Map<string, string>> {
  const recent: string[] = [];
  const take = (ids: readonly string[], max: number) => {
    for (const id of ids) {
      if (recent.length >= max) return;
      if (!recent.includes(id)) recent.push(id);
    }
  };
  const looked = interactions.filter((i) => i.kind !== 'unwishlist').sort((a, b) => b.at - a.at);
  take(
    looked.map((i) => i.productId),
    ANCHORS,
  );
  take(
    [...purchases].sort((a, b) => b.time - a.time).map((p) => p.itemId),
    recent.length + PURCHASE_ANCHORS,
  );
  const related = await Promise.all(
    recent.map(
      async (id) =>
        new Set(
          (await recommendations.relatedProducts(projectId, id)).slice(0, RELATED).map((r) => r.itemId),
        ),
    ),
  );
  const out = new Map<string, string>();
  for (const item of recommended.items) {
    const index = related.findIndex((set) => set.has(item.productId));
    if (index >= 0) out.set(item.productId, recent[index]!);
  }
  return out;
}

/** The currency most of the stream's products are priced in: the loyalty amounts' currency. */
function mainCurrency(entries: Iterable<stream.CatalogueEntry>): string | null {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.currency) counts.set(e.currency, (counts.get(e.currency) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}
