// The shopping stream of one visitor: every kind's candidate cards, the bought-item suppression,
// one card per product with its strongest reason, and the mix of kinds in order. Pure and
// deterministic, so that a page is the same stream recomputed minus what was shown (paging.ts).
import type { StreamCard } from '@centric/contracts';
import {
  backInStockCandidates,
  loyaltyCandidate,
  newArrivalCandidates,
  priceDropCandidates,
  recommendationCandidates,
  replenishmentCandidates,
} from './candidates';
import { dedupeByProduct, type InterleaveOptions, interleave, suppressBought } from './interleave';
import type { StreamInputs } from './stream-inputs';

export interface StreamOptions extends Omit<InterleaveOptions, 'now'> {
  /** New arrivals shown at most. Default 20. */
  newArrivals?: number;
  /** Replenishment reminders shown at most (the most overdue first). Default 6. */
  replenishments?: number;
  /** Products looked at within this long are not recommended again. Default 7 days. */
  recentlySeenMs?: number;
}

/**
 * @example
 * const cards = buildStream({ now, interactions, catalogue, changes, newArrivals: [], bought,
 *   replenishmentDue, replenishment, recommendations, loyalty: null });
 */
export function buildStream(
  inputs: StreamInputs,
  { newArrivals = 20, replenishments = 6, recentlySeenMs = 7 * 86_400_000, ...options }: StreamOptions = {},
): StreamCard[] {
  const candidates = [
    ...replenishmentCandidates(inputs, { limit: replenishments }),
    ...backInStockCandidates(inputs),
    ...priceDropCandidates(inputs),
    ...newArrivalCandidates(inputs, { limit: newArrivals }),
    ...recommendationCandidates(inputs, { recentlySeenMs }),
    ...loyaltyCandidate(inputs),
  ];
  const allowed = suppressBought(candidates, inputs);
  return interleave(dedupeByProduct(allowed), { ...options, now: inputs.now });
}
