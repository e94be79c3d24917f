// One page of a visitor's stream: the cards of the (freshly computed) stream not shown before,
// in stream order, and the cursor for the next page (null once nothing is left).
import type { StreamCard } from '@centric/contracts';
import { decodeCursor, encodeCursor, hash32 } from './cursor';

/** What paging treats as "the same card": a product is shown once whatever its kind. */
export function cardKey(card: StreamCard): string {
  return card.product?.productId ?? card.kind;
}

export interface StreamPage {
  cards: StreamCard[];
  nextCursor: string | null;
}

/**
 * @example
 * const first = pageStream(stream, { visitor: 'anon-1', limit: 20 });
 * const second = pageStream(streamLater, { visitor: 'anon-1', cursor: first.nextCursor!, limit: 20 });
 */
export function pageStream(
  stream: readonly StreamCard[],
  { visitor, cursor, limit }: { visitor: string; cursor?: string | undefined; limit: number },
): StreamPage {
  const shown = cursor ? decodeCursor(cursor, visitor) : new Set<number>();
  const fresh = stream.filter((card) => !shown.has(hash32(cardKey(card))));
  const cards = fresh.slice(0, limit);
  if (fresh.length <= limit) return { cards, nextCursor: null };
  for (const card of cards) shown.add(hash32(cardKey(card)));
  return { cards, nextCursor: encodeCursor({ visitor, shown }) };
}
