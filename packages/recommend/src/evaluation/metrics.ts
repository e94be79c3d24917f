// Accuracy metrics of next-item evaluation (Ludewig and Jannach 2018, section 4.2; session-rec
// evaluation/metrics/accuracy.py): HR@k, the share of predictions whose true next item is in the top k,
// and MRR@k, the mean of 1/rank with 0 beyond k.
import type { ItemId } from '../types';

/**
 * 1-based rank of `target` in a ranked list, or 0 when absent.
 *
 * @example
 * rankOf(['a', 'b', 'c'], 'b'); // 2
 */
export function rankOf(ranked: readonly ItemId[], target: ItemId): number {
  const i = ranked.indexOf(target);
  return i < 0 ? 0 : i + 1;
}

/**
 * HR@k over ranks (0 = not found).
 *
 * @example
 * hitRate([1, 3, 0, 25], 20); // 0.5
 */
export function hitRate(ranks: ArrayLike<number>, k: number): number {
  if (ranks.length === 0) return 0;
  let hits = 0;
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i]!;
    if (r > 0 && r <= k) hits++;
  }
  return hits / ranks.length;
}

/**
 * MRR@k over ranks (0 = not found).
 *
 * @example
 * meanReciprocalRank([1, 4, 0, 25], 20); // (1 + 0.25) / 4 = 0.3125
 */
export function meanReciprocalRank(ranks: ArrayLike<number>, k: number): number {
  if (ranks.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i]!;
    if (r > 0 && r <= k) sum += 1 / r;
  }
  return sum / ranks.length;
}

export interface CutoffMetrics {
  k: number;
  hitRate: number;
  mrr: number;
}

/** HR@k and MRR@k for every cutoff. */
export function metricsAt(ranks: ArrayLike<number>, cutoffs: readonly number[]): CutoffMetrics[] {
  return cutoffs.map((k) => ({ k, hitRate: hitRate(ranks, k), mrr: meanReciprocalRank(ranks, k) }));
}
