import { SYSTEM_EVENTS } from '@centric/contracts';
import { describe, expect, it } from 'vitest';
import { deliveryOf } from './consent';
import { CONSENT_EVENT } from './tracker';

describe('consent rules', () => {
  it('sends with ids only when granted; otherwise cookieless, held or dropped', () => {
    expect(deliveryOf('granted', false)).toBe('full');
    expect(deliveryOf('granted', true)).toBe('full');
    expect(deliveryOf('pending', false)).toBe('hold');
    expect(deliveryOf('denied', false)).toBe('drop');
    expect(deliveryOf('pending', true)).toBe('cookieless');
    expect(deliveryOf('denied', true)).toBe('cookieless');
  });
});

describe('consent records', () => {
  it('are system events on the server: they count as no visit, session or activity', () => {
    expect(SYSTEM_EVENTS).toContain(CONSENT_EVENT);
  });
});
