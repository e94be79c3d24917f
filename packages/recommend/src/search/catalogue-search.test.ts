// Hand-checked cases of catalogue search: typo tolerance ("hert" -> heart, "candel" -> candle),
// "did you mean", the AND-then-OR fallback, category filters, paging, the in-stock preference,
// that a visitor's affinities reorder comparable matches but never lift a weak match over a
// strong one, and autosuggest's mix of past queries, categories and products.
import { describe, expect, it } from 'vitest';
import { CatalogueSearch, type SearchableProduct } from './catalogue-search';
import { VisitorAffinity } from './visitor-affinity';

const NOW = Date.UTC(2026, 0, 15);
const DAY = 86_400_000;

const PRODUCTS: SearchableProduct[] = [
  {
    id: 'p1',
    title: 'White hanging heart T-light holder',
    category: 'Home > Candles',
    brand: 'Acme',
    inStock: true,
  },
  { id: 'p2', title: 'Heart mug', category: 'Kitchen > Mugs', brand: 'Borealis', inStock: true },
  { id: 'p3', title: 'Heart cushion', category: 'Home > Textiles', brand: 'Acme', inStock: true },
  { id: 'p4', title: 'Scented candle vanilla', category: 'Home > Candles', brand: 'Cobalt', inStock: true },
  { id: 'p5', title: 'Candles set of 3', category: 'Home > Candles', brand: 'Cobalt', inStock: false },
  {
    id: 'p6',
    title: 'Tea towel',
    category: 'Kitchen > Textiles',
    brand: 'Dune',
    inStock: true,
    text: 'Cotton towel with a red heart print',
  },
  { id: 'p7', title: 'Garden gnome', category: 'Garden', inStock: true },
];

const build = (products: SearchableProduct[] = PRODUCTS) => CatalogueSearch.build(products);
const ids = (outcome: { hits: { product: { id: string } }[] }) => outcome.hits.map((h) => h.product.id);
const lookup = (id: string) => PRODUCTS.find((p) => p.id === id);
const viewed = (...itemIds: string[]) =>
  VisitorAffinity.fromHistory(
    itemIds.map((itemId) => ({ itemId, kind: 'view' as const, time: NOW - DAY })),
    { now: NOW, lookup },
  );

describe('CatalogueSearch.search', () => {
  it('finds "heart" products for the typo "hert" and says what was meant', async () => {
    const search = await build();
    const outcome = search.search('hert');
    expect(outcome.corrected).toBe('heart');
    // Title matches first (short titles score higher), the description-only match last.
    expect(ids(outcome)).toEqual(['p2', 'p3', 'p1', 'p6']);
    expect(outcome.total).toBe(4);
  });

  it('finds candles for the swapped letters of "candel", and plurals for the singular', async () => {
    const search = await build();
    const typo = search.search('candel');
    expect(typo.corrected).toBe('candle');
    expect(ids(typo).slice(0, 2)).toEqual(['p4', 'p5']);
    // "candles" is stemmed to "candle": the same products, no correction.
    const plural = search.search('Candles ');
    expect(plural.corrected).toBeNull();
    expect(plural.query).toBe('candles');
    expect(ids(plural)).toEqual(ids(typo));
  });

  it('matches every word first, any word when nothing has them all', async () => {
    const search = await build();
    expect(ids(search.search('red heart'))).toEqual(['p6']);
    const some = search.search('heart zebra');
    expect(some.total).toBe(4);
    // Nothing near "zebra" in the catalogue: no correction to offer.
    expect(some.corrected).toBeNull();
    expect(search.search('zebra')).toEqual({ query: 'zebra', corrected: null, total: 0, hits: [] });
    // Only stop words: nothing to search for.
    expect(search.search('of the').total).toBe(0);
  });

  it('corrects to the word most products use, not to the rarest neighbour', async () => {
    // "hert" is one edit from heart, herb and heat; "candel" one from the "candl" of a truncated
    // title and two from candle. BM25 would rank the rare words first; the correction does not.
    const many = (n: number, title: string, category: string) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${title}-${i}`,
        title: `${title} ${i}`,
        category,
        inStock: true,
      }));
    const search = await build([
      ...many(3, 'Heart garland', 'Home'),
      { id: 'herb', title: 'Herb pot', category: 'Garden', inStock: true },
      { id: 'heat', title: 'Heat pad', category: 'Home', inStock: true },
      ...many(12, 'Candle', 'Home'),
      { id: 'candl', title: 'Incense candl set', category: 'Home', inStock: true },
      { id: 'candelabra', title: 'Black candelabra', category: 'Home', inStock: true },
    ]);
    const hert = search.search('hert');
    expect(hert.corrected).toBe('heart');
    expect(ids(hert).sort()).toEqual(['Heart garland-0', 'Heart garland-1', 'Heart garland-2']);
    // Twelve candles two edits away are less likely than the candelabra "candel" starts: both are
    // found, the word as typed first, and no correction is claimed.
    const candel = search.search('candel');
    expect(candel.corrected).toBeNull();
    expect(ids(candel)[0]).toBe('candelabra');
    expect(candel.total).toBe(13);
    expect(ids(candel)).not.toContain('candl');
    // "cand" is a word being typed: no alternative, no correction.
    expect(search.search('cand').total).toBe(14);
  });

  it('completes a word being typed and does not correct it', async () => {
    const search = await build();
    const outcome = search.search('cand');
    expect(outcome.corrected).toBeNull();
    expect(ids(outcome)).toContain('p4');
  });

  it('filters by a category and its sub-categories, and pages', async () => {
    const search = await build();
    expect(ids(search.search('heart', { category: 'Home' })).sort()).toEqual(['p1', 'p3']);
    expect(ids(search.search('heart', { category: 'Home > Textiles' }))).toEqual(['p3']);
    expect(ids(search.search('heart', { category: 'Hom' }))).toEqual([]);
    const all = ids(search.search('heart'));
    const page = search.search('heart', { limit: 2, offset: 1 });
    expect(ids(page)).toEqual(all.slice(1, 3));
    expect(page.total).toBe(4);
  });

  it('prefers a product in stock over an equal match out of stock', async () => {
    const twins: SearchableProduct[] = [
      { id: 'a', title: 'Lantern', category: 'Home', inStock: false },
      { id: 'b', title: 'Lantern', category: 'Home', inStock: true },
    ];
    const search = await build(twins);
    const outcome = search.search('lantern');
    expect(ids(outcome)).toEqual(['b', 'a']);
    expect(outcome.hits[1]!.score).toBeCloseTo(0.75, 6);
  });

  it('re-ranks comparable matches by the visitor’s affinities', async () => {
    const search = await build();
    // "Heart mug" and "Heart cushion" match equally well; without a visitor the id decides.
    expect(ids(search.search('heart')).slice(0, 2)).toEqual(['p2', 'p3']);
    // A visitor who looked at home textiles gets the cushion first.
    const personal = search.search('heart', { affinity: viewed('p3') });
    expect(ids(personal).slice(0, 2)).toEqual(['p3', 'p2']);
    expect(personal.hits[0]!.affinity).toBe(1);
    // ... and one who looked at kitchen mugs the mug.
    expect(ids(search.search('heart', { affinity: viewed('p2') })).slice(0, 2)).toEqual(['p2', 'p3']);
  });

  it('never lifts a weak text match over a strong one', async () => {
    const search = await build();
    // The tea towel only mentions a heart in its description (a quarter of the best text score):
    // even a visitor who viewed it and its whole category sees the title matches first.
    const affinity = viewed('p6', 'p6', 'p6');
    const outcome = search.search('heart', { affinity });
    expect(outcome.hits.find((h) => h.product.id === 'p6')!.affinity).toBe(1);
    expect(ids(outcome).at(-1)).toBe('p6');
    for (const hit of outcome.hits) expect(hit.score).toBeLessThanOrEqual(hit.text * 1.25 + 1e-9);
  });
});

describe('CatalogueSearch.suggest', () => {
  it('suggests past queries, categories and titles for a typo being typed', async () => {
    const search = await build();
    search.setPopularTerms([
      { term: 'heart', searches: 10 },
      { term: 'Heart  Mug', searches: 3 },
      // Never offered: the catalogue has no zebra.
      { term: 'zebra heart', searches: 50 },
    ]);
    const suggestions = search.suggest('hert');
    expect(suggestions.map((s) => [s.kind, s.text])).toEqual([
      ['term', 'heart'],
      ['term', 'heart mug'],
      // "Heart mug" as a product is the same text as the query above: shown once.
      ['product', 'Heart cushion'],
      ['product', 'White hanging heart T-light holder'],
    ]);
    expect(suggestions[2]).toMatchObject({ productId: 'p3' });
  });

  it('suggests categories with their paths, re-ranked by affinity', async () => {
    const search = await build();
    const plain = search.suggest('kitch');
    expect(plain.map((s) => s.category)).toEqual(['Kitchen > Mugs', 'Kitchen > Textiles']);
    const personal = search.suggest('kitch', { affinity: viewed('p6') });
    expect(personal.map((s) => s.category)).toEqual(['Kitchen > Textiles', 'Kitchen > Mugs']);
  });

  it('keeps to the limit, letting products fill what the other kinds leave', async () => {
    const search = await build();
    const two = search.suggest('heart', { limit: 2 });
    expect(two.map((s) => s.kind)).toEqual(['product', 'product']);
    expect(search.suggest('  ')).toEqual([]);
    expect(search.suggest('cand').map((s) => s.kind)).toEqual(['category', 'product', 'product']);
  });
});
