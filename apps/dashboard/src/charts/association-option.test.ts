import { describe, expect, it } from 'vitest';
import type { Association } from '../api/mining';
import {
  associationBars,
  buildAssociationOption,
  EXPECTED_COLOUR,
  formatSurprise,
  LESS_COLOUR,
  MORE_COLOUR,
} from './association-option';

const association = (a: string, b: string, observed: number, expected: number): Association => ({
  antecedent: [a],
  consequent: [b],
  support: 0.1,
  confidence: 0.5,
  lift: observed / expected,
  observed,
  expected,
  surpriseFactor: observed / expected,
  direction: observed > expected ? 'more' : observed < expected ? 'less' : 'as-expected',
  pValue: 0.01,
  adjustedPValue: 0.02,
});

describe('association chart option', () => {
  const bars = associationBars([association('p1', 'p2', 30, 5), association('p1', 'p3', 2, 8)], {
    p1: 'Brass lamp',
    p2: 'Bulb',
  });

  it('names pairs with catalogue labels and keeps observed, expected and surprise', () => {
    expect(bars.map((b) => b.label)).toEqual(['Brass lamp → Bulb', 'Brass lamp → p3']);
    expect(bars[0]).toMatchObject({ observed: 30, expected: 5, surpriseFactor: 6, direction: 'more' });
  });

  it('draws observed bars coloured by direction beside grey expected bars, strongest on top', () => {
    const option = buildAssociationOption(bars);
    const series = option.series as { data: unknown[]; itemStyle?: { color: string } }[];
    // The category axis runs bottom-up: the first association is the last category.
    expect((option.yAxis as { data: string[] }).data).toEqual(['Brass lamp → p3', 'Brass lamp → Bulb']);
    expect(series[0]!.data).toEqual([
      { value: 2, itemStyle: { color: LESS_COLOUR } },
      { value: 30, itemStyle: { color: MORE_COLOUR } },
    ]);
    expect(series[1]!.data).toEqual([8, 5]);
    expect(series[1]!.itemStyle?.color).toBe(EXPECTED_COLOUR);
  });

  it('formats the surprise factor', () => {
    expect(formatSurprise(6)).toBe('×6.0');
    expect(formatSurprise(0.25)).toBe('×0.25');
    expect(formatSurprise(14.2)).toBe('×14');
  });
});
