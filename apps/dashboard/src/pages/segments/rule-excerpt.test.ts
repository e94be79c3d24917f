// Checks that the caret under a rule error lands on the reported line and column.
import { describe, expect, it } from 'vitest';
import { ruleExcerpt } from './rule-excerpt';

describe('ruleExcerpt', () => {
  it('puts the caret under the column of the right line', () => {
    expect(ruleExcerpt('orders >= 2\nand lst_order > 3 days ago', 2, 5)).toEqual({
      line: 'and lst_order > 3 days ago',
      caret: '    ^',
    });
  });

  it('points just past the end for a rule that stops too early', () => {
    expect(ruleExcerpt('orders >=', 1, 10)).toEqual({ line: 'orders >=', caret: '         ^' });
  });

  it('keeps tabs so the caret lines up, and gives up outside the rule', () => {
    expect(ruleExcerpt('\tx', 1, 2)?.caret).toBe('\t^');
    expect(ruleExcerpt('orders', 3, 1)).toBeNull();
    expect(ruleExcerpt('orders', 1, 40)).toBeNull();
  });
});
