// From candidate cards to the ordered stream: the bought-item suppression (a bought product only
// ever shows as a due replenishment), one card per product keeping the strongest reason, then a
// mix of kinds - freshest and most relevant first, but never more than `maxRun` cards of one kind
// in a row while another kind has cards left, and a soft penalty for a kind seen just before,
// so that the stream does not read as twenty recommendations in a row.
import type { StreamCard, StreamCardKind } from '@centric/contracts';
import type { StreamCandidate } from './candidates';
import { formatMoney } from './reasons';

/** The strongest reason first: what a product's one card is about when several kinds name it. */
export const KIND_PRECEDENCE: readonly StreamCardKind[] = [
  'replenishment',
  'back_in_stock',
  'price_drop',
  'new_arrival',
  'recommendation',
  'loyalty',
];

export interface InterleaveOptions {
  now: number;
  /** Age at which a card's freshness has fallen half-way (from 1 to 0.5). Default 7 days. */
  halfLifeMs?: number;
  /** Cards of one kind in a row at most, while another kind has cards left. Default 2. */
  maxRun?: number;
  /** Score factor per card of the same kind among the last `window` placed. Default 0.8. */
  repeatPenalty?: number;
  window?: number;
  /** Length of the whole stream. Default 200. */
  maxCards?: number;
}

const DAY = 86_400_000;
/** Freshness of timeless cards (recommendations): between a fresh and an old event. */
const TIMELESS = 0.75;

/** 1 for something that just happened, falling towards 0.5 with age. */
export function freshness(
  at: number | null,
  { now, halfLifeMs }: { now: number; halfLifeMs: number },
): number {
  if (at === null) return TIMELESS;
  return 0.5 + 0.5 * 0.5 ** (Math.max(0, now - at) / halfLifeMs);
}

/** Drops every card of a bought product, except the replenishment card of a due one. */
export function suppressBought(
  candidates: readonly StreamCandidate[],
  { bought, replenishmentDue }: { bought: ReadonlySet<string>; replenishmentDue: ReadonlySet<string> },
): StreamCandidate[] {
  return candidates.filter((c) => {
    if (c.card.kind === 'loyalty' || !bought.has(c.key)) return true;
    return c.card.kind === 'replenishment' && replenishmentDue.has(c.key);
  });
}

/**
 * One card per product: the kind first in KIND_PRECEDENCE wins (then the more relevant). A
 * restocked product that is also cheaper than the visitor saw says both on its one card.
 */
export function dedupeByProduct(candidates: readonly StreamCandidate[]): StreamCandidate[] {
  const rank = (c: StreamCandidate) => KIND_PRECEDENCE.indexOf(c.card.kind);
  const byKey = new Map<string, StreamCandidate[]>();
  for (const c of candidates) {
    const list = byKey.get(c.key);
    if (list) list.push(c);
    else byKey.set(c.key, [c]);
  }
  const out: StreamCandidate[] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => rank(a) - rank(b) || b.relevance - a.relevance);
    const winner = list[0]!;
    const drop = list.find((c) => c.card.kind === 'price_drop');
    out.push(winner.card.kind === 'back_in_stock' && drop ? withPriceDrop(winner, drop) : winner);
  }
  return out;
}

function withPriceDrop(restock: StreamCandidate, drop: StreamCandidate): StreamCandidate {
  const was = drop.card.product?.previousPrice;
  const product = restock.card.product;
  if (was === undefined || !product || product.price === null) return restock;
  return {
    ...restock,
    card: {
      ...restock.card,
      reason: `${restock.card.reason}, and cheaper: was ${formatMoney(was, product.currency)}, now ${formatMoney(product.price, product.currency)}`,
      product: { ...product, previousPrice: was },
    },
  };
}

interface Scored {
  candidate: StreamCandidate;
  score: number;
}

function byScore(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    (b.candidate.at ?? 0) - (a.candidate.at ?? 0) ||
    a.candidate.card.id.localeCompare(b.candidate.card.id)
  );
}

/**
 * The ordered stream. Deterministic: the same candidates give the same order (ties broken by
 * time, then card id), which paging relies on.
 */
export function interleave(
  candidates: readonly StreamCandidate[],
  {
    now,
    halfLifeMs = 7 * DAY,
    maxRun = 2,
    repeatPenalty = 0.8,
    window = 4,
    maxCards = 200,
  }: InterleaveOptions,
): StreamCard[] {
  const queues = new Map<StreamCardKind, Scored[]>();
  for (const c of candidates) {
    // A due refill is due now, and the loyalty standing is always current: they do not age.
    const timeless = c.card.kind === 'replenishment' || c.card.kind === 'loyalty';
    const score = c.relevance * (timeless ? 1 : freshness(c.at, { now, halfLifeMs }));
    const queue = queues.get(c.card.kind);
    if (queue) queue.push({ candidate: c, score });
    else queues.set(c.card.kind, [{ candidate: c, score }]);
  }
  for (const queue of queues.values()) queue.sort(byScore);

  const placed: StreamCardKind[] = [];
  const out: StreamCard[] = [];
  while (out.length < maxCards) {
    const heads = [...queues.entries()].filter(([, q]) => q.length > 0);
    if (heads.length === 0) break;
    const last = placed.slice(-maxRun);
    const runOf = (kind: StreamCardKind) => last.length === maxRun && last.every((k) => k === kind);
    const allowed = heads.length > 1 ? heads.filter(([kind]) => !runOf(kind)) : heads;
    const recent = placed.slice(-window);
    let best: { kind: StreamCardKind; head: Scored; effective: number } | null = null;
    for (const [kind, queue] of allowed.length > 0 ? allowed : heads) {
      const head = queue[0]!;
      const effective = head.score * repeatPenalty ** recent.filter((k) => k === kind).length;
      const better =
        !best ||
        effective > best.effective ||
        (effective === best.effective &&
          byScore({ ...head, score: effective }, { ...best.head, score: effective }) < 0);
      if (better) best = { kind, head, effective };
    }
    queues.get(best!.kind)!.shift();
    placed.push(best!.kind);
    out.push(best!.head.candidate.card);
  }
  return out;
}
