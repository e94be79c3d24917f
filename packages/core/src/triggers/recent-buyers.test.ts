// Social-proof counts: distinct buyers within 24 hours; old purchases fall out of the window.
import { describe, expect, it } from 'vitest';
import { RecentBuyers } from './recent-buyers';

const HOUR = 3_600_000;
const now = Date.parse('2026-03-20T12:00:00Z');

describe('RecentBuyers', () => {
  it('counts distinct buyers of a product within the last 24 hours', () => {
    const buyers = new RecentBuyers();
    buyers.add('SKU-1', 'u:1', now - HOUR);
    buyers.add('SKU-1', 'u:1', now - 2 * HOUR);
    buyers.add('SKU-1', 'u:2', now - 23 * HOUR);
    buyers.add('SKU-1', 'u:3', now - 25 * HOUR);
    buyers.add('SKU-2', 'u:1', now - HOUR);
    expect(buyers.count('SKU-1', now)).toBe(2);
    expect(buyers.count('SKU-2', now)).toBe(1);
    expect(buyers.count('SKU-3', now)).toBe(0);
    // An hour later the purchase of 23 hours ago has left the window.
    expect(buyers.count('SKU-1', now + 2 * HOUR)).toBe(1);
  });

  it('keeps the latest purchase of a buyer and prunes products nobody bought lately', () => {
    const buyers = new RecentBuyers();
    buyers.add('SKU-1', 'u:1', now - 30 * HOUR);
    buyers.add('SKU-1', 'u:1', now - HOUR);
    buyers.add('SKU-9', 'u:9', now - 30 * HOUR);
    expect(buyers.count('SKU-1', now)).toBe(1);
    buyers.prune(now);
    expect(buyers.products).toBe(1);
  });
});
