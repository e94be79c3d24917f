// The trigger form: typed strings to the API body (only the kind's own settings), back again,
// number problems, and the plain-words summaries of the list.
import type { TriggerWire } from '@centric/contracts';
import { describe, expect, it } from 'vitest';
import { describeCapping, describeTargeting, formFromTrigger, toTriggerInput } from './trigger-form-model';

describe('toTriggerInput', () => {
  it('sends a dwell pop-in with its seconds, coupon and targeting, and nothing of other kinds', () => {
    const form = {
      ...formFromTrigger(null),
      name: ' Stay a while ',
      title: '10% off',
      couponCode: 'STAY10',
      threshold: '50',
      pageTypes: ['product' as const],
      urlPatterns: '/p/*, /products/*',
      categories: 'Home',
      segments: ['seg_1'],
    };
    expect(toTriggerInput(form)).toEqual({
      input: {
        name: 'Stay a while',
        kind: 'dwell_popin',
        active: true,
        priority: 0,
        targeting: {
          segments: ['seg_1'],
          pageTypes: ['product'],
          urlPatterns: ['/p/*', '/products/*'],
          categories: ['Home'],
        },
        capping: { maxImpressions: 1, windowDays: 1 },
        content: { title: '10% off', couponCode: 'STAY10' },
        settings: { dwellSeconds: 20 },
      },
    });
  });

  it('sends a free-shipping bar with threshold and currency, no limit when impressions are blank', () => {
    const form = {
      ...formFromTrigger(null),
      name: 'Bar',
      kind: 'free_shipping_bar' as const,
      threshold: '49.90',
      currency: 'gbp',
      couponCode: 'IGNORED',
      maxImpressions: '',
    };
    const result = toTriggerInput(form);
    expect(result).toMatchObject({
      input: {
        settings: { threshold: 49.9, currency: 'GBP' },
        content: {},
        capping: { maxImpressions: null, windowDays: 1 },
      },
    });
  });

  it('names what does not parse', () => {
    expect(toTriggerInput({ ...formFromTrigger(null), name: '' })).toEqual({
      problem: 'Give the trigger a name.',
    });
    expect(toTriggerInput({ ...formFromTrigger(null), name: 'x', dwellSeconds: '2.5' })).toEqual({
      problem: 'Seconds: a whole number of 1 or more.',
    });
    expect(toTriggerInput({ ...formFromTrigger(null), name: 'x', ctaLabel: 'Go' })).toEqual({
      problem: 'A button needs both its label and its link.',
    });
  });

  it('round-trips a saved trigger', () => {
    const saved: TriggerWire = {
      triggerId: 'trg_1',
      name: 'Also viewed',
      kind: 'carousel',
      active: false,
      priority: 3,
      targeting: { pageTypes: ['product'], excludeSegments: ['seg_staff'] },
      capping: { maxImpressions: null, windowDays: 2 },
      content: { title: 'You may like' },
      settings: { slot: 'product_page' },
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    };
    const { triggerId, createdAt, updatedAt, ...input } = saved;
    expect(toTriggerInput(formFromTrigger(saved))).toEqual({ input });
  });
});

describe('summaries', () => {
  it('describe targeting and capping in words', () => {
    expect(describeTargeting({ kind: 'dwell_popin', targeting: {} })).toBe('product pages');
    expect(describeTargeting({ kind: 'social_proof', targeting: {} })).toBe('every page, every visitor');
    expect(
      describeTargeting({ kind: 'exit_intent', targeting: { pageTypes: ['cart'], segments: ['a', 'b'] } }),
    ).toBe('cart pages · 2 segments');
    expect(describeCapping({ capping: { maxImpressions: 1, windowDays: 1 } })).toBe('≤ 1 per 1 day');
    expect(describeCapping({ capping: { maxImpressions: null, windowDays: 7 } })).toBe(
      'no limit (dismissal hides 7 days)',
    );
  });
});
