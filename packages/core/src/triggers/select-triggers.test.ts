// Trigger selection: targeting by segment, page type, path and category; capping; priority and
// one message per placement; the messages of each kind (dwell seconds and coupon, social-proof
// minimum, free-shipping remainder and currency).
import type { TriggerInput } from '@centric/contracts';
import { describe, expect, it } from 'vitest';
import type { TriggerInteraction } from './capping';
import { decisionPage } from './page-match';
import { type SelectionContext, selectTriggers, type TriggerRule } from './select-triggers';
import { withDefaults } from './trigger-rules';

const now = Date.parse('2026-03-20T12:00:00Z');
let n = 0;
const rule = (input: TriggerInput, triggerId = `trg_${++n}`): TriggerRule => ({
  ...withDefaults(input),
  triggerId,
});

const dwell = rule(
  {
    name: 'Stay',
    kind: 'dwell_popin',
    settings: { dwellSeconds: 20 },
    content: { title: '10% off', body: 'Today only', couponCode: 'STAY10' },
  },
  'trg_dwell',
);

function context(overrides: Partial<SelectionContext> & { url?: string } = {}): SelectionContext {
  const { url, ...rest } = overrides;
  return {
    page: decisionPage({
      url: url ?? '/p/candle',
      type: 'product',
      productId: 'candle',
      category: 'Home > Candles',
    }),
    segments: new Set(),
    interactions: () => [],
    buyersLast24h: () => 0,
    now,
    ...rest,
  };
}

describe('selectTriggers', () => {
  it('offers a dwell pop-in on a product page with its seconds, cancel event and coupon', () => {
    expect(selectTriggers([dwell], context())).toEqual([
      {
        triggerId: 'trg_dwell',
        kind: 'dwell_popin',
        show: { on: 'dwell', afterSeconds: 20, cancelOn: ['Product Added'] },
        content: { title: '10% off', body: 'Today only', couponCode: 'STAY10' },
      },
    ]);
  });

  it('keeps a dwell pop-in to product pages unless the trigger names page types', () => {
    const home = context({ page: decisionPage({ url: '/', type: 'home' }) });
    expect(selectTriggers([dwell], home)).toEqual([]);
    const anywhere = rule({ ...dwell, targeting: { pageTypes: ['home'] } });
    expect(selectTriggers([anywhere], home)).toHaveLength(1);
  });

  it('skips inactive triggers', () => {
    expect(selectTriggers([{ ...dwell, active: false }], context())).toEqual([]);
  });

  it('targets by segment membership and exclusion', () => {
    const vip = rule({
      ...dwell,
      targeting: { segments: ['seg_vip', 'seg_new'], excludeSegments: ['seg_staff'] },
    });
    expect(selectTriggers([vip], context())).toEqual([]);
    expect(selectTriggers([vip], context({ segments: new Set(['seg_new']) }))).toHaveLength(1);
    expect(selectTriggers([vip], context({ segments: new Set(['seg_new', 'seg_staff']) }))).toEqual([]);
  });

  it('targets by page type, URL pattern and category', () => {
    const candles = rule({ ...dwell, targeting: { urlPatterns: ['/p/*'], categories: ['Home'] } });
    expect(selectTriggers([candles], context())).toHaveLength(1);
    expect(selectTriggers([candles], context({ url: '/de/p/candle' }))).toEqual([]);
    const toys = context({
      page: decisionPage({ url: '/p/kite', type: 'product', productId: 'kite', category: 'Toys' }),
    });
    expect(selectTriggers([candles], toys)).toEqual([]);
    const cartOnly = rule({
      name: 'Cart bar',
      kind: 'free_shipping_bar',
      settings: { threshold: 50, currency: 'EUR' },
      targeting: { pageTypes: ['cart', 'checkout'] },
    });
    expect(selectTriggers([cartOnly], context())).toEqual([]);
    expect(
      selectTriggers([cartOnly], context({ page: decisionPage({ url: '/cart', type: 'cart' }) })),
    ).toHaveLength(1);
  });

  it('caps per visitor: a dismissed or often-shown trigger gives way to the next one', () => {
    const second = rule(
      { ...dwell, name: 'Second', priority: -1, content: { title: 'Still here?' } },
      'trg_second',
    );
    const history = new Map<string, TriggerInteraction[]>([
      ['trg_dwell', [{ at: now - 60_000, kind: 'dismissed' }]],
    ]);
    const ctx = context({ interactions: (id) => history.get(id) ?? [] });
    expect(selectTriggers([dwell, second], ctx).map((m) => m.triggerId)).toEqual(['trg_second']);
    history.set('trg_second', [{ at: now - 60_000, kind: 'shown' }]);
    // Pop-ins show once a day by default.
    expect(selectTriggers([dwell, second], ctx)).toEqual([]);
  });

  it('picks the highest priority per placement and one carousel per slot', () => {
    const low = rule({ ...dwell, priority: 1 }, 'trg_a');
    const high = rule({ ...dwell, priority: 5 }, 'trg_b');
    const carousel = (slot: string, id: string) =>
      rule({ name: id, kind: 'carousel', settings: { slot }, content: { title: 'You may like' } }, id);
    const picked = selectTriggers(
      [
        low,
        high,
        carousel('product_page', 'trg_c1'),
        carousel('product_page', 'trg_c2'),
        carousel('cart', 'trg_c3'),
      ],
      context(),
    );
    expect(picked.map((m) => m.triggerId)).toEqual(['trg_b', 'trg_c1', 'trg_c3']);
    expect(picked[1]).toEqual({
      triggerId: 'trg_c1',
      kind: 'carousel',
      show: { on: 'load' },
      content: { title: 'You may like', slot: 'product_page' },
    });
  });

  it('shows social proof only from its minimum count of buyers, with the count', () => {
    const proof = rule({ name: 'Proof', kind: 'social_proof', settings: { minCount: 2 } }, 'trg_p');
    expect(selectTriggers([proof], context({ buyersLast24h: () => 1 }))).toEqual([]);
    expect(selectTriggers([proof], context({ buyersLast24h: (id) => (id === 'candle' ? 4 : 0) }))).toEqual([
      { triggerId: 'trg_p', kind: 'social_proof', show: { on: 'load' }, content: { count: 4 } },
    ]);
    // Without a product on the page there is nothing to count.
    expect(
      selectTriggers([proof], context({ page: decisionPage({ url: '/' }), buyersLast24h: () => 9 })),
    ).toEqual([]);
    // The default minimum is 3.
    const plain = rule({ name: 'Proof', kind: 'social_proof' });
    expect(selectTriggers([plain], context({ buyersLast24h: () => 2 }))).toEqual([]);
  });

  it('tells the free-shipping remainder, never below zero, in the trigger’s currency only', () => {
    const bar = rule(
      {
        name: 'Bar',
        kind: 'free_shipping_bar',
        settings: { threshold: 60, currency: 'EUR' },
        content: { body: '{remaining} to go' },
      },
      'trg_bar',
    );
    const cart = (cartValue: number | undefined, currency?: string) =>
      context({
        page: decisionPage({
          url: '/cart',
          type: 'cart',
          ...(cartValue === undefined ? {} : { cartValue }),
          ...(currency ? { currency } : {}),
        }),
      });
    expect(selectTriggers([bar], cart(47.55, 'EUR'))[0]?.content).toEqual({
      body: '{remaining} to go',
      remaining: 12.45,
      threshold: 60,
      currency: 'EUR',
    });
    expect(selectTriggers([bar], cart(undefined))[0]?.content.remaining).toBe(60);
    expect(selectTriggers([bar], cart(80))[0]?.content.remaining).toBe(0);
    expect(selectTriggers([bar], cart(20, 'GBP'))).toEqual([]);
  });
});
