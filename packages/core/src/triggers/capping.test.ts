// Frequency capping: impressions within the window count, older ones do not; a dismissal hides
// the trigger for the window; clicks never cap.
import { describe, expect, it } from 'vitest';
import { cappingAllows, defaultCapping } from './capping';

const DAY = 86_400_000;
const now = Date.parse('2026-03-20T12:00:00Z');

describe('cappingAllows', () => {
  it('allows up to maxImpressions within the window', () => {
    const cap = { maxImpressions: 2, windowDays: 1 };
    expect(cappingAllows(cap, [], now)).toBe(true);
    expect(cappingAllows(cap, [{ at: now - 1000, kind: 'shown' }], now)).toBe(true);
    const twice = [
      { at: now - 1000, kind: 'shown' as const },
      { at: now - 2000, kind: 'shown' as const },
    ];
    expect(cappingAllows(cap, twice, now)).toBe(false);
    // The older impression left the window: one within it.
    expect(cappingAllows(cap, [twice[0]!, { at: now - DAY - 1, kind: 'shown' }], now)).toBe(true);
  });

  it('hides a dismissed trigger for the window, whatever the limit', () => {
    const cap = { maxImpressions: null, windowDays: 7 };
    expect(cappingAllows(cap, [{ at: now - 6 * DAY, kind: 'dismissed' }], now)).toBe(false);
    expect(cappingAllows(cap, [{ at: now - 8 * DAY, kind: 'dismissed' }], now)).toBe(true);
  });

  it('does not count clicks, and no limit means no limit', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ at: now - i, kind: 'shown' as const }));
    expect(cappingAllows({ maxImpressions: null, windowDays: 1 }, many, now)).toBe(true);
    const clicks = Array.from({ length: 5 }, (_, i) => ({ at: now - i, kind: 'clicked' as const }));
    expect(cappingAllows({ maxImpressions: 1, windowDays: 1 }, clicks, now)).toBe(true);
  });

  it('caps pop-ins once a day by default and nothing else', () => {
    expect(defaultCapping('dwell_popin')).toEqual({ maxImpressions: 1, windowDays: 1 });
    expect(defaultCapping('exit_intent')).toEqual({ maxImpressions: 1, windowDays: 1 });
    expect(defaultCapping('carousel')).toEqual({ maxImpressions: null, windowDays: 1 });
  });
});
