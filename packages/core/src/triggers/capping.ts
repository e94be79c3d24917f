// Frequency capping of on-site triggers per visitor, from what the widgets reported: at most
// `maxImpressions` impressions within the window, and nothing within the window after the
// visitor dismissed it. Clicks do not cap: a carousel that is clicked should stay.
import type { TriggerCapping, TriggerKind } from '@centric/contracts';

const DAY_MS = 86_400_000;

/** One widget report about one trigger for one visitor. */
export interface TriggerInteraction {
  at: number;
  kind: 'shown' | 'clicked' | 'dismissed';
}

/** Pop-ins interrupt the visit: once a day unless configured; the rest has no limit. */
export function defaultCapping(kind: TriggerKind): TriggerCapping {
  return kind === 'dwell_popin' || kind === 'exit_intent'
    ? { maxImpressions: 1, windowDays: 1 }
    : { maxImpressions: null, windowDays: 1 };
}

/**
 * @example cappingAllows({ maxImpressions: 2, windowDays: 1 }, [{ at: now - 1000, kind: 'shown' }], now) // true
 */
export function cappingAllows(
  capping: TriggerCapping,
  interactions: readonly TriggerInteraction[],
  now: number,
): boolean {
  const since = now - capping.windowDays * DAY_MS;
  let shown = 0;
  for (const i of interactions) {
    if (i.at < since) continue;
    if (i.kind === 'dismissed') return false;
    if (i.kind === 'shown') shown++;
  }
  return capping.maxImpressions === null || shown < capping.maxImpressions;
}
