// Replenishment: products a customer buys again and again (cat litter, coffee) become due by the customer's
// own rhythm, the median interval between their purchases (median, not mean, so one skipped cycle does not
// shift the rhythm); due once now >= last purchase + interval x factor.
import type { ItemId } from './types';

export interface Purchase {
  itemId: ItemId;
  /** Milliseconds since the epoch. */
  time: number;
}

export interface ReplenishmentOptions {
  now: number;
  /** Due at this share of the interval, so the reminder comes before the pack runs out. Default 0.9. */
  factor?: number;
  /** Purchases (on distinct days) needed to have a rhythm. Default 2. */
  minPurchases?: number;
  /** Purchases closer than this count as one (the same order, a split delivery). Default one day. */
  sameOrderMs?: number;
}

export interface ReplenishmentItem {
  itemId: ItemId;
  purchases: number;
  lastPurchase: number;
  /** Median gap between purchases. */
  intervalMs: number;
  dueAt: number;
  due: boolean;
  /** (now - last) / interval: 1 means exactly one rhythm has passed; ranks the due items. */
  cycle: number;
}

/**
 * @example
 * const items = replenishment(customerPurchases, { now: Date.now() });
 * const due = new Set(items.filter((i) => i.due).map((i) => i.itemId));
 */
export function replenishment(
  purchases: readonly Purchase[],
  options: ReplenishmentOptions,
): ReplenishmentItem[] {
  const factor = options.factor ?? 0.9;
  const minPurchases = options.minPurchases ?? 2;
  const sameOrderMs = options.sameOrderMs ?? 24 * 3_600_000;
  const times = new Map<ItemId, number[]>();
  for (const p of purchases) {
    const list = times.get(p.itemId);
    if (list) list.push(p.time);
    else times.set(p.itemId, [p.time]);
  }
  const out: ReplenishmentItem[] = [];
  for (const [itemId, all] of times) {
    all.sort((a, b) => a - b);
    const distinct: number[] = [];
    for (const t of all) if (distinct.length === 0 || t - distinct.at(-1)! >= sameOrderMs) distinct.push(t);
    if (distinct.length < minPurchases) continue;
    const gaps = distinct.slice(1).map((t, i) => t - distinct[i]!);
    const intervalMs = median(gaps);
    const lastPurchase = distinct.at(-1)!;
    const dueAt = lastPurchase + intervalMs * factor;
    out.push({
      itemId,
      purchases: distinct.length,
      lastPurchase,
      intervalMs,
      dueAt,
      due: options.now >= dueAt,
      cycle: (options.now - lastPurchase) / intervalMs,
    });
  }
  return out.sort((a, b) => b.cycle - a.cycle);
}

/** Median of a non-empty list (mean of the two middle values for an even length). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
