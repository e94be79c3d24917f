// Partial sort: the best `limit` elements of a list without sorting all of it (a bounded binary heap).
// Recommenders score thousands of candidates per request but show 10-50, so O(n log k) beats O(n log n).

/**
 * Returns the `limit` best elements, best first. `compare(a, b) < 0` means a ranks before b;
 * the comparator must be a total order (break ties explicitly) for the result to be deterministic.
 *
 * @example
 * topK([3, 1, 2], 2, (a, b) => b - a); // [3, 2]
 */
export function topK<T>(items: Iterable<T>, limit: number, compare: (a: T, b: T) => number): T[] {
  if (limit <= 0) return [];
  // heap[0] is the worst of the kept elements, so a newcomer only has to beat the root.
  const heap: T[] = [];
  const worse = (i: number, j: number): boolean => compare(heap[i] as T, heap[j] as T) > 0;
  const swap = (i: number, j: number): void => {
    const t = heap[i] as T;
    heap[i] = heap[j] as T;
    heap[j] = t;
  };
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(l, w)) w = l;
      if (r < heap.length && worse(r, w)) w = r;
      if (w === i) return;
      swap(i, w);
      i = w;
    }
  };
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
