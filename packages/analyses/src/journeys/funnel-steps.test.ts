// The text form of funnel steps and the journey-phase mapping.
import { describe, expect, it } from 'vitest';
import { formatSteps, lastRequiredStep, parseStep, parseSteps, previousRequiredStep } from './funnel-steps';
import { DEFAULT_PHASE_MAPPING, formatPhaseMapping, parsePhaseMapping, phaseSteps } from './journey-phases';

describe('funnel steps', () => {
  it('parses events, page types, categories, any, alternatives and optional marks', () => {
    const steps = parseSteps('Product Viewed, page:cart|Cart Viewed?, category:Garden,*,Order Completed');
    expect(steps).toEqual([
      { label: 'Product Viewed', match: [{ kind: 'event', value: 'Product Viewed' }], optional: false },
      {
        label: 'page:cart|Cart Viewed',
        match: [
          { kind: 'page_type', value: 'cart' },
          { kind: 'event', value: 'Cart Viewed' },
        ],
        optional: true,
      },
      { label: 'category:Garden', match: [{ kind: 'category', value: 'Garden' }], optional: false },
      { label: '*', match: [{ kind: 'any' }], optional: false },
      { label: 'Order Completed', match: [{ kind: 'event', value: 'Order Completed' }], optional: false },
    ]);
    expect(formatSteps(steps)).toBe(
      'Product Viewed,page:cart|Cart Viewed?,category:Garden,*,Order Completed',
    );
    expect(parseStep('Product Added', { label: 'Cart', optional: true })).toMatchObject({
      label: 'Cart',
      optional: true,
    });
  });

  it('refuses what cannot be a funnel', () => {
    expect(() => parseSteps('')).toThrow(/at least one step/);
    expect(() => parseSteps('Product Viewed?,Order Completed')).toThrow(/first step/);
    expect(() => parseSteps('page:nowhere')).toThrow(/unknown page type/);
    expect(() => parseSteps(Array(13).fill('x').join(','))).toThrow(/at most 12/);
  });

  it('measures optional steps against the last required step before them', () => {
    const steps = parseSteps('A,B?,C,D?');
    expect([0, 1, 2, 3].map((i) => previousRequiredStep(steps, i))).toEqual([null, 0, 0, 2]);
    expect(lastRequiredStep(steps)).toBe(2);
  });
});

describe('journey phases', () => {
  it('has a default for every phase in order, experience optional', () => {
    const steps = phaseSteps(DEFAULT_PHASE_MAPPING);
    expect(steps.map((s) => s.label)).toEqual([
      'Awareness',
      'Discovery',
      'Consideration',
      'Intent',
      'Purchase',
      'Experience',
      'Loyalty',
    ]);
    expect(steps.filter((s) => s.optional).map((s) => s.label)).toEqual(['Experience']);
  });

  it('round-trips a mapping written as text and refuses incomplete ones', () => {
    const text = formatPhaseMapping(DEFAULT_PHASE_MAPPING);
    expect(parsePhaseMapping(text)).toEqual(DEFAULT_PHASE_MAPPING);
    expect(() => parsePhaseMapping(text.slice(1))).toThrow(/in this order/);
    expect(() =>
      parsePhaseMapping(text.map((d) => (d.phase === 'intent' ? { ...d, match: [] } : d))),
    ).toThrow(/intent matches no event/);
  });
});
