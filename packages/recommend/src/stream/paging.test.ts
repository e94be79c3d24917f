// Paging of the stream: every card exactly once across pages, no repeat when events arrive
// between two pages, and cursors that belong to one visitor.
import { describe, expect, it } from 'vitest';
import { buildStream } from './build-stream';
import { decodeCursor, encodeCursor, StreamCursorError } from './cursor';
import { pageStream } from './paging';
import type { StreamInputs } from './stream-inputs';
import { DAY, entry, inputs, NOW, viewed } from './test-support/stream-fixture';

function shop(): StreamInputs {
  const entries = Array.from({ length: 30 }, (_, i) => entry(`p${i}`, { price: 10 }));
  return inputs({
    entries,
    // Three price drops and 27 recommendations.
    interactions: [viewed('p0', 2, 12), viewed('p1', 3, 12), viewed('p2', 4, 12)],
    recommendations: entries
      .slice(3)
      .map((e, i) => ({ productId: e.productId, score: 1 - i / 100, reason: 'popular' })),
  });
}

function allPages(stream: ReturnType<typeof buildStream>, limit: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = pageStream(stream, { visitor: 'v1', cursor, limit });
    pages.push(page.cards.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

describe('pageStream', () => {
  it('covers every card exactly once, in stream order', () => {
    const stream = buildStream(shop());
    expect(stream).toHaveLength(30);
    for (const limit of [1, 7, 10, 30, 50]) {
      const pages = allPages(stream, limit);
      expect(pages.flat()).toEqual(stream.map((c) => c.id));
      expect(pages).toHaveLength(Math.ceil(30 / limit));
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    }
  });

  it('does not repeat page 1 on page 2 when new events arrive in between', () => {
    const before = shop();
    const first = pageStream(buildStream(before), { visitor: 'v1', limit: 10 });
    const shownFirst = first.cards.map((c) => c.product!.productId);
    // Meanwhile: a product of page 1 drops in price (it would now be a price-drop card), a product
    // of page 1 is viewed again, and a new product is viewed at a higher price than it costs now.
    const recommendedOnFirst = shownFirst.find((id) => Number(id.slice(1)) >= 3)!;
    const catalogue = new Map(before.catalogue);
    catalogue.set('fresh', entry('fresh', { price: 5 }));
    const after: StreamInputs = {
      ...before,
      catalogue,
      interactions: [
        ...before.interactions,
        viewed(recommendedOnFirst, 0, 30),
        viewed('p0', 0, 12),
        { productId: 'fresh', kind: 'view', at: NOW - DAY / 2, price: 9 },
      ],
    };
    const second = pageStream(buildStream(after), { visitor: 'v1', cursor: first.nextCursor!, limit: 10 });
    const shownSecond = second.cards.map((c) => c.product!.productId);
    expect(shownSecond.filter((id) => shownFirst.includes(id))).toEqual([]);
    // The new price drop made it to the top of page 2.
    expect(second.cards[0]!.id).toBe('price_drop:fresh');
    expect(second.cards).toHaveLength(10);
  });

  it('rejects a cursor of another visitor and one that is not a cursor', () => {
    const cursor = encodeCursor({ visitor: 'v1', shown: [1, 2, 3] });
    expect([...decodeCursor(cursor, 'v1')]).toEqual([1, 2, 3]);
    expect(() => decodeCursor(cursor, 'v2')).toThrow(StreamCursorError);
    expect(() => decodeCursor('not a cursor!', 'v1')).toThrow(/not a stream cursor/);
    expect(() => decodeCursor('AAAA', 'v1')).toThrow(/not a stream cursor/);
    expect(() => pageStream([], { visitor: 'v2', cursor, limit: 5 })).toThrow(/another visitor/);
  });

  it('answers an empty last page with no cursor', () => {
    expect(pageStream([], { visitor: 'v1', limit: 5 })).toEqual({ cards: [], nextCursor: null });
  });
});
