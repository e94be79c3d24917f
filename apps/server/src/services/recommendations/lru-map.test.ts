// The serving caches' bound: never more than the capacity, and entries read recently survive
// while those untouched for a whole generation are forgotten.
import { describe, expect, it } from 'vitest';
import { LruMap } from './lru-map';

describe('LruMap', () => {
  it('never holds more than its capacity', () => {
    const lru = new LruMap<number, number>(10);
    for (let i = 0; i < 1000; i++) {
      lru.set(i, i);
      expect(lru.size).toBeLessThanOrEqual(10);
    }
    // The most recent entries are all there.
    for (let i = 995; i < 1000; i++) expect(lru.peek(i)).toBe(i);
  });

  it('keeps what is read and forgets what is not', () => {
    const lru = new LruMap<string, number>(4);
    lru.set('a', 1);
    lru.set('b', 2);
    // 'a' and 'b' age into the old generation as 'c' and 'd' arrive; reading 'a' brings it back.
    lru.set('c', 3);
    lru.set('d', 4);
    expect(lru.get('a')).toBe(1);
    lru.set('e', 5);
    lru.set('f', 6);
    expect(lru.peek('a')).toBe(1);
    expect(lru.peek('b')).toBeUndefined();
    expect(lru.size).toBeLessThanOrEqual(4);
  });

  it('replaces, deletes and clears across both generations', () => {
    const lru = new LruMap<string, string>(4);
    lru.set('x', 'old');
    lru.set('y', '1');
    lru.set('z', '2');
    lru.set('x', 'new');
    expect(lru.get('x')).toBe('new');
    expect(lru.size).toBe(3);
    expect(lru.delete('y')).toBe(true);
    expect(lru.delete('y')).toBe(false);
    expect(lru.peek('y')).toBeUndefined();
    lru.clear();
    expect(lru.size).toBe(0);
  });
});
