// Trigger configurations: what each kind needs, what it does not take, and the defaults.
import { describe, expect, it } from 'vitest';
import { triggerProblems, withDefaults } from './trigger-rules';

const fields = (input: Parameters<typeof withDefaults>[0]) =>
  triggerProblems(withDefaults(input)).map((p) => p.field);

describe('triggerProblems', () => {
  it('names the fields each kind needs', () => {
    expect(fields({ name: 'x', kind: 'dwell_popin' })).toEqual(['settings.dwellSeconds', 'content.title']);
    expect(fields({ name: 'x', kind: 'carousel' })).toEqual(['settings.slot']);
    expect(fields({ name: 'x', kind: 'free_shipping_bar', settings: { threshold: 50 } })).toEqual([
      'settings.currency',
    ]);
    expect(fields({ name: 'x', kind: 'exit_intent', content: { body: 'Wait!' } })).toEqual([]);
    expect(fields({ name: 'x', kind: 'social_proof' })).toEqual([]);
  });

  it('points at settings and coupons a kind does not take, and at contradictory segments', () => {
    expect(fields({ name: 'x', kind: 'social_proof', settings: { dwellSeconds: 5 } })).toEqual([
      'settings.dwellSeconds',
    ]);
    expect(
      fields({ name: 'x', kind: 'carousel', settings: { slot: 'home' }, content: { couponCode: 'X' } }),
    ).toEqual(['content.couponCode']);
    expect(
      fields({
        name: 'x',
        kind: 'social_proof',
        targeting: { segments: ['seg_1'], excludeSegments: ['seg_1'] },
      }),
    ).toEqual(['targeting.excludeSegments']);
  });

  it('fills in the defaults', () => {
    expect(withDefaults({ name: 'Proof', kind: 'social_proof' })).toEqual({
      name: 'Proof',
      kind: 'social_proof',
      active: true,
      priority: 0,
      targeting: {},
      capping: { maxImpressions: null, windowDays: 1 },
      content: {},
      settings: {},
    });
  });
});
