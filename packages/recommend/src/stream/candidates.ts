// The candidate cards of each kind, from the stream's inputs, each with its relevance score and
// the time of what it tells: replenishment reminders for due products, price drops (the current
// price below the price the visitor saw), back-in-stock notices (restocked after the visitor's
// first interest), new arrivals in favourite categories and brands, the engine's recommendations
// (of products the visitor has not looked at lately) and the loyalty standing. Suppression and
// deduplication happen afterwards (interleave.ts).
import type { StreamCard, StreamCardKind, StreamProduct } from '@centric/contracts';
import {
  backInStockReason,
  becauseYou,
  formatMoney,
  loyaltyReason,
  loyaltyTitle,
  newArrivalReason,
  priceDropReason,
  recommendationReason,
  replenishmentReason,
} from './reasons';
import type {
  CatalogueEntry,
  ProductChange,
  ProductInteraction,
  StreamInputs,
  StreamInteractionKind,
} from './stream-inputs';
import { favouriteTaste } from './taste';

export interface StreamCandidate {
  card: StreamCard;
  /** The unit of deduplication: the product id, or 'loyalty'. */
  key: string;
  /** Relevance before freshness, about 0..1. */
  relevance: number;
  /** When what the card tells happened (ms); null when timeless. */
  at: number | null;
}

/**
 * How much each kind matters by itself: a due refill or a restocked wish beats a price drop,
 * which beats a new arrival, which beats an ordinary recommendation.
 */
export const KIND_WEIGHT: Readonly<Record<StreamCardKind, number>> = {
  replenishment: 1,
  back_in_stock: 0.9,
  price_drop: 0.85,
  loyalty: 0.6,
  new_arrival: 0.55,
  recommendation: 0.5,
};

/** Prices closer than half a cent are the same price (float noise from feeds). */
const PRICE_EPSILON = 0.005;
/** A price drop of this share or more counts fully; smaller drops count less. */
const FULL_DROP = 0.3;

/** What the visitor did with one product. */
interface Interest {
  first: number;
  /** The latest interaction that carried a price. */
  lastPriced: ProductInteraction | null;
  latest: ProductInteraction;
  wishlisted: boolean;
}

function interests(interactions: readonly ProductInteraction[]): Map<string, Interest> {
  const out = new Map<string, Interest>();
  const sorted = [...interactions].sort((a, b) => a.at - b.at);
  for (const i of sorted) {
    let interest = out.get(i.productId);
    if (!interest) {
      interest = { first: i.at, lastPriced: null, latest: i, wishlisted: false };
      out.set(i.productId, interest);
    }
    if (i.kind === 'wishlist') interest.wishlisted = true;
    if (i.kind === 'unwishlist') {
      interest.wishlisted = false;
      continue;
    }
    interest.latest = i;
    if (i.price !== null) interest.lastPriced = i;
  }
  return out;
}

/** The kind the reason speaks of: a wish is the strongest thing a visitor told us. */
function voiceOf(interest: Interest, kind: StreamInteractionKind): StreamInteractionKind {
  return interest.wishlisted ? 'wishlist' : kind;
}

export function productOf(entry: CatalogueEntry, previousPrice?: number): StreamProduct {
  return {
    productId: entry.productId,
    title: entry.title,
    category: entry.category,
    brand: entry.brand,
    price: entry.price,
    ...(previousPrice === undefined ? {} : { previousPrice }),
    currency: entry.currency,
    imageLink: entry.imageLink,
    link: entry.link,
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function candidate(
  kind: StreamCardKind,
  {
    entry,
    title,
    reason,
    relevance,
    at,
    previousPrice,
  }: {
    entry: CatalogueEntry;
    title: string;
    reason: string;
    relevance: number;
    at: number | null;
    previousPrice?: number;
  },
): StreamCandidate {
  return {
    card: {
      id: `${kind}:${entry.productId}`,
      kind,
      title,
      reason,
      at: iso(at),
      product: productOf(entry, previousPrice),
    },
    key: entry.productId,
    relevance: KIND_WEIGHT[kind] * relevance,
    at,
  };
}

export function replenishmentCandidates(
  inputs: StreamInputs,
  { limit }: { limit: number },
): StreamCandidate[] {
  const out: StreamCandidate[] = [];
  for (const r of inputs.replenishment) {
    if (!inputs.replenishmentDue.has(r.itemId)) continue;
    const entry = inputs.catalogue.get(r.itemId);
    if (!entry?.inStock) continue;
    out.push(
      candidate('replenishment', {
        entry,
        title: `Time to restock ${entry.title}?`,
        reason: replenishmentReason({ ...r, now: inputs.now }),
        relevance: 0.85 + 0.15 * replenishmentPressure(r.cycle),
        at: r.dueAt,
      }),
    );
  }
  // A wholesale buyer has dozens of rhythms: the most pressing few remind, the rest would drown the stream.
  return out.sort((a, b) => b.relevance - a.relevance || a.card.id.localeCompare(b.card.id)).slice(0, limit);
}

/**
 * How pressing a due refill is by its cycle ((now - last purchase) / rhythm): rising to 1 at one
 * and a half rhythms, then fading - a customer three rhythms late has likely stopped, or buys
 * elsewhere, and a reminder says less.
 */
export function replenishmentPressure(cycle: number): number {
  return cycle <= 1.5 ? Math.max(0, cycle) / 1.5 : 1.5 / cycle;
}

export function priceDropCandidates(inputs: StreamInputs): StreamCandidate[] {
  const out: StreamCandidate[] = [];
  const changes = changesByProduct(inputs.changes);
  for (const [productId, interest] of interests(inputs.interactions)) {
    const seen = interest.lastPriced;
    const entry = inputs.catalogue.get(productId);
    if (!seen || seen.price === null || !entry || entry.price === null || !entry.inStock) continue;
    // Amounts in two currencies do not compare.
    if (seen.currency && entry.currency && seen.currency !== entry.currency) continue;
    // Only lower than what this visitor saw: a price that went up and back down is no drop to them.
    if (!(entry.price < seen.price - PRICE_EPSILON)) continue;
    const drop = 1 - entry.price / seen.price;
    // When the shop lowered it: the latest recorded drop after the visitor saw it.
    const change = latestChange(changes.get(productId), (c) => {
      return c.at > seen.at && c.price !== null && c.previousPrice !== null && c.price < c.previousPrice;
    });
    const voice = voiceOf(interest, seen.kind);
    out.push(
      candidate('price_drop', {
        entry,
        title: `${entry.title} is now ${formatMoney(entry.price, entry.currency)}`,
        reason: priceDropReason({
          kind: voice,
          title: entry.title,
          seen: seen.price,
          price: entry.price,
          currency: entry.currency,
        }),
        relevance: (0.75 + 0.25 * Math.min(drop / FULL_DROP, 1)) * (voice === 'wishlist' ? 1.1 : 1),
        at: change?.at ?? null,
        previousPrice: seen.price,
      }),
    );
  }
  return out;
}

export function backInStockCandidates(inputs: StreamInputs): StreamCandidate[] {
  const out: StreamCandidate[] = [];
  const changes = changesByProduct(inputs.changes);
  for (const [productId, interest] of interests(inputs.interactions)) {
    const entry = inputs.catalogue.get(productId);
    if (!entry?.inStock) continue;
    // A restock after the visitor first showed interest: it was sold out when they looked, or
    // sold out since; a restock before they ever looked is nothing new to them.
    const restock = latestChange(
      changes.get(productId),
      (c) => c.at > interest.first && !c.wasInStock && c.inStock,
    );
    if (!restock) continue;
    const voice = voiceOf(interest, interest.latest.kind);
    out.push(
      candidate('back_in_stock', {
        entry,
        title: `${entry.title} is back in stock`,
        reason: backInStockReason({ kind: voice, title: entry.title }),
        relevance: voice === 'wishlist' ? 1.1 : 1,
        at: restock.at,
      }),
    );
  }
  return out;
}

export function newArrivalCandidates(inputs: StreamInputs, { limit }: { limit: number }): StreamCandidate[] {
  const taste = favouriteTaste(inputs.interactions, inputs.catalogue, { now: inputs.now });
  if (taste.categories.length === 0 && taste.brands.length === 0) return [];
  const seen = new Set(inputs.interactions.map((i) => i.productId));
  const out: StreamCandidate[] = [];
  for (const { productId, createdAt } of inputs.newArrivals) {
    const entry = inputs.catalogue.get(productId);
    // Already looked at: not news to this visitor.
    if (!entry?.inStock || seen.has(productId)) continue;
    const categoryRank = entry.category === null ? -1 : taste.categories.indexOf(entry.category);
    const brandRank = entry.brand === null ? -1 : taste.brands.indexOf(entry.brand);
    if (categoryRank < 0 && brandRank < 0) continue;
    const match =
      categoryRank >= 0
        ? { category: entry.category!, rank: categoryRank }
        : { brand: entry.brand!, rank: brandRank };
    out.push(
      candidate('new_arrival', {
        entry,
        title: `New: ${entry.title}`,
        reason: newArrivalReason(match),
        // The favourite first; a category says more about taste than a brand.
        relevance: (1 - 0.1 * match.rank) * ('category' in match ? 1 : 0.9),
        at: createdAt,
      }),
    );
  }
  return out.sort((a, b) => b.relevance - a.relevance || (b.at ?? 0) - (a.at ?? 0)).slice(0, limit);
}

export function recommendationCandidates(
  inputs: StreamInputs,
  { recentlySeenMs }: { recentlySeenMs: number },
): StreamCandidate[] {
  const out: StreamCandidate[] = [];
  const interest = interests(inputs.interactions);
  const n = inputs.recommendations.length;
  inputs.recommendations.forEach((rec, rank) => {
    const entry = inputs.catalogue.get(rec.productId);
    // What the visitor looked at lately is no discovery: it only comes back with news (a price
    // drop, a restock) under its own kind. Older views may: the visitor has moved on since.
    const seen = interest.get(rec.productId);
    if (!entry || (seen && seen.latest.at >= inputs.now - recentlySeenMs)) return;
    const anchor = rec.anchor ? inputs.catalogue.get(rec.anchor) : undefined;
    const anchorInterest = rec.anchor ? interest.get(rec.anchor) : undefined;
    const reason = !anchor
      ? recommendationReason(rec.reason, entry.category)
      : anchorInterest
        ? becauseYou(voiceOf(anchorInterest, anchorInterest.latest.kind), anchor.title)
        : inputs.bought.has(anchor.productId)
          ? becauseYou('purchase', anchor.title)
          : recommendationReason(rec.reason, entry.category);
    out.push(
      candidate('recommendation', {
        entry,
        title: entry.title,
        reason,
        // By rank, from 1 down to 0.5: the engine's order is kept, its raw scores are not comparable.
        relevance: 1 - rank / (2 * Math.max(n, 1)),
        at: null,
      }),
    );
  });
  return out;
}

export function loyaltyCandidate(inputs: StreamInputs): StreamCandidate[] {
  const status = inputs.loyalty;
  if (!status) return [];
  return [
    {
      card: {
        id: `loyalty:${status.tier}`,
        kind: 'loyalty',
        title: loyaltyTitle(status),
        reason: loyaltyReason(status),
        at: null,
        loyalty: status,
      },
      key: 'loyalty',
      relevance: KIND_WEIGHT.loyalty,
      at: null,
    },
  ];
}

function changesByProduct(changes: readonly ProductChange[]): Map<string, ProductChange[]> {
  const out = new Map<string, ProductChange[]>();
  for (const c of changes) {
    const list = out.get(c.productId);
    if (list) list.push(c);
    else out.set(c.productId, [c]);
  }
  return out;
}

function latestChange(
  changes: readonly ProductChange[] | undefined,
  accept: (c: ProductChange) => boolean,
): ProductChange | null {
  let best: ProductChange | null = null;
  for (const c of changes ?? []) if (accept(c) && (!best || c.at > best.at)) best = c;
  return best;
}
