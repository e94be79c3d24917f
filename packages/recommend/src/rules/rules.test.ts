import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../types';
import { AssociationRules } from './association-rules';
import { RuleTable } from './rule-table';
import { SequentialRules } from './sequential-rules';

const session = (sessionId: string, items: string[]): SessionEvent[] =>
  items.map((itemId, time) => ({ sessionId, itemId, time }));

describe('AssociationRules', () => {
  it('counts every pair of events of a session in both directions, repeats included', () => {
    const ar = new AssociationRules();
    ar.addAll(session('s', ['a', 'b', 'a']));
    // (a, b): a->b, b->a; third event a with a: a->a twice; with b: a->b, b->a.
    // rules[a] = {b: 2, a: 2}, rules[b] = {a: 2}; the tie goes to the less popular b (1 event vs 2).
    expect(ar.recommend(['a'])).toEqual([
      { itemId: 'b', score: 2 },
      { itemId: 'a', score: 2 },
    ]);
    expect(ar.recommend(['x', 'b'])).toEqual([{ itemId: 'a', score: 2 }]);
    expect(ar.recommend([])).toEqual([]);
  });

  it('learns incrementally across sessions and honours limit and exclude', () => {
    const ar = new AssociationRules();
    ar.addAll(session('s1', ['a', 'b']));
    ar.addAll(session('s2', ['a', 'c']));
    ar.addAll(session('s3', ['c', 'a']));
    expect(ar.recommend(['a'], { limit: 1 })).toEqual([{ itemId: 'c', score: 2 }]);
    expect(ar.recommend(['a'], { exclude: ['c'] })).toEqual([{ itemId: 'b', score: 1 }]);
  });
});

describe('SequentialRules', () => {
  it('weights earlier -> later by 1/i^2 within `steps`', () => {
    const sr = new SequentialRules({ steps: 2, weighting: 'quadratic' });
    sr.addAll(session('s', ['a', 'b', 'c', 'd']));
    // b: a->b 1; c: b->c 1, a->c 1/4; d: c->d 1, b->d 1/4 (a is 3 steps back, beyond steps = 2).
    expect(sr.recommend(['a'])).toEqual([
      { itemId: 'b', score: 1 },
      { itemId: 'c', score: 0.25 },
    ]);
    expect(sr.recommend(['b']).map((r) => r.itemId)).toEqual(['c', 'd']);
    expect(sr.recommend(['d'])).toEqual([]);
  });
});

describe('RuleTable pruning', () => {
  it('keeps the strongest rules per antecedent, ties in insertion order like Counter.most_common', () => {
    const table = new RuleTable({ pruning: 2 });
    table.add('a', 'x', 1);
    table.add('a', 'y', 3);
    table.add('a', 'z', 1);
    expect(table.consequents('a').map((r) => r.itemId)).toEqual(['y', 'x']);
    table.add('a', 'z', 5);
    expect(table.consequents('a').map((r) => r.itemId)).toEqual(['z', 'y']);
    expect(new RuleTable({ pruning: 0.5 }).consequents('none')).toEqual([]);
  });
});
