// The widgets' pure helpers: event names agree with the contracts, templates, money, links.
import { TRIGGER_EVENTS } from '@centric/contracts';
import { describe, expect, it } from 'vitest';
import {
  fill,
  money,
  safeHref,
  TRIGGER_CLICKED_EVENT,
  TRIGGER_DISMISSED_EVENT,
  TRIGGER_SHOWN_EVENT,
} from './widget-context';

describe('widget helpers', () => {
  it('report the trigger events the server caps from', () => {
    expect([TRIGGER_SHOWN_EVENT, TRIGGER_CLICKED_EVENT, TRIGGER_DISMISSED_EVENT]).toEqual([
      ...TRIGGER_EVENTS,
    ]);
  });

  it('fill placeholders and leave unknown ones as written', () => {
    expect(fill('{count} people bought this {when}', { count: '4' })).toBe('4 people bought this {when}');
  });

  it('format money in the page language, falling back for an unknown currency', () => {
    expect(money(12.5, 'EUR', 'en')).toBe('€12.50');
    expect(money(12.5, 'EUR', 'de-DE')).toBe('12,50\u00a0€');
    expect(money(3, 'XX', 'en')).toBe('3.00 XX');
  });

  it('never turn a script URL into a link', () => {
    expect(safeHref('/checkout')).toBe('/checkout');
    expect(safeHref('https://shop.example/sale')).toBe('https://shop.example/sale');
    expect(safeHref('checkout?step=1')).toBe('checkout?step=1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });
});
