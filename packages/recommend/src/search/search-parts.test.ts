// The parts behind catalogue search, by hand-checked cases: query normalisation, Harman's
// S-stemmer, the typo budget, the edit distance, the visitor's affinities (recency, kinds,
// category paths) and the merge of suggestions.
import { describe, expect, it } from 'vitest';
import { normaliseQuery, stemWord, termsOf, typoBudget } from './search-text';
import { mergeSuggestions, type Suggestion } from './suggestions';
import { VisitorAffinity } from './visitor-affinity';
import { editDistance } from './vocabulary';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 15);

describe('search text', () => {
  it('normalises queries as the no-results report groups them', () => {
    expect(normaliseQuery('  Red \t Heart\n ')).toBe('red heart');
    expect(normaliseQuery('MUG')).toBe('mug');
  });

  it('stems plurals by Harman’s rules', () => {
    expect(
      ['candles', 'berries', 'boxes', 'glasses', 'cactus', 'glass', 'shoes', 'gas', 'mug'].map(stemWord),
    ).toEqual(['candle', 'berry', 'boxe', 'glasse', 'cactus', 'glass', 'shoe', 'gas', 'mug']);
  });

  it('folds case and accents and drops stop words', () => {
    expect(termsOf('Set of 4 Crème Brûlée Dishes')).toEqual(['set', '4', 'creme', 'brulee', 'dishe']);
  });

  it('allows no typo in short words, one up to five letters, two beyond', () => {
    expect(['mug', 'hert', 'heart', 'candel'].map(typoBudget)).toEqual([0, 1, 1, 2]);
    expect(editDistance('candel', 'candle')).toBe(2);
    expect(editDistance('hert', 'heart')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('VisitorAffinity', () => {
  const catalogue = new Map([
    ['c1', { id: 'c1', category: 'Home > Candles', brand: 'Acme' }],
    ['c2', { id: 'c2', category: 'Home > Candles', brand: 'Acme' }],
    ['t1', { id: 't1', category: 'Home > Textiles', brand: 'Borealis' }],
    ['g1', { id: 'g1', category: 'Garden', brand: 'Cobalt' }],
  ]);
  const lookup = (id: string) => catalogue.get(id);

  it('weighs purchases over views and recent over old (half-life 14 days)', () => {
    const affinity = VisitorAffinity.fromHistory(
      [
        { itemId: 'c1', kind: 'view', time: NOW },
        // 5 x 0.5^(28/14) = 1.25: slightly more than one fresh view.
        { itemId: 'g1', kind: 'purchase', time: NOW - 28 * DAY },
      ],
      { now: NOW, lookup },
    );
    expect(affinity.categoryAffinity('Garden')).toBe(1);
    expect(affinity.categoryAffinity('Home > Candles')).toBeCloseTo(1 / 1.25, 9);
    // Half the path in common with what was viewed.
    expect(affinity.categoryAffinity('Home > Textiles')).toBeCloseTo(0.5 / 1.25, 9);
    expect(affinity.categoryAffinity('Toys')).toBe(0);
  });

  it('adds category (half), brand and product (a quarter each)', () => {
    const affinity = VisitorAffinity.fromHistory([{ itemId: 'c1', kind: 'view', time: NOW }], {
      now: NOW,
      lookup,
    });
    expect(affinity.of(catalogue.get('c1')!)).toBeCloseTo(1, 9);
    expect(affinity.of(catalogue.get('c2')!)).toBeCloseTo(0.75, 9);
    expect(affinity.of(catalogue.get('t1')!)).toBeCloseTo(0.25, 9);
    expect(affinity.of(catalogue.get('g1')!)).toBe(0);
    expect(VisitorAffinity.fromHistory([], { now: NOW, lookup }).isEmpty).toBe(true);
  });
});

describe('mergeSuggestions', () => {
  const many = (kind: Suggestion['kind'], n: number): Suggestion[] =>
    Array.from({ length: n }, (_, i) => ({ text: `${kind} ${i}`, kind, score: 1 }));

  it('gives terms three places and categories two, products the rest', () => {
    const merged = mergeSuggestions(
      { terms: many('term', 5), categories: many('category', 5), products: many('product', 5) },
      8,
    );
    expect(merged.map((s) => s.text)).toEqual([
      'term 0',
      'term 1',
      'term 2',
      'category 0',
      'category 1',
      'product 0',
      'product 1',
      'product 2',
    ]);
  });

  it('lets the other kinds fill places products leave empty', () => {
    const merged = mergeSuggestions(
      { terms: many('term', 5), categories: many('category', 5), products: many('product', 1) },
      8,
    );
    expect(merged.map((s) => s.kind)).toEqual([
      'term',
      'term',
      'term',
      'term',
      'term',
      'category',
      'category',
      'product',
    ]);
  });
});
