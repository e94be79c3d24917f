// A Map bounded by entry count that forgets the least recently used entries first: the serving
// caches (visitors, item neighbours, lists) must stay within memory however many visitors come by.
// Two generations approximate LRU: new and recently read entries live in the young one; when it
// is full, it becomes the old one and the previous old one is dropped whole. A read of an old
// entry moves it back to the young generation. A strict LRU (delete and re-insert on every read)
// churns the Map's hash table on each hit, and at hundreds of requests a second that garbage
// reached the old space and set off long major collections; here a hit on a young entry writes
// nothing at all.

export class LruMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generation: number;

  constructor(readonly capacity: number) {
    this.generation = Math.max(1, Math.floor(capacity / 2));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  /** The value, marked as just used. */
  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged === undefined) return undefined;
    this.old.delete(key);
    this.insertYoung(key, aged);
    return aged;
  }

  /** The value without touching its recency. */
  peek(key: K): V | undefined {
    return this.young.get(key) ?? this.old.get(key);
  }

  set(key: K, value: V): void {
    if (this.young.has(key)) {
      this.young.set(key, value);
      return;
    }
    this.old.delete(key);
    this.insertYoung(key, value);
  }

  delete(key: K): boolean {
    const young = this.young.delete(key);
    return this.old.delete(key) || young;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  private insertYoung(key: K, value: V): void {
    if (this.young.size >= this.generation) {
      // The old generation was not read during a whole generation: forgotten together.
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
