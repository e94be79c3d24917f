// Storage of FP-trees (Han, Pei and Yin 2000) in typed arrays: every node of the main tree and
// of the conditional trees under construction lives in one arena used as a stack, so a
// conditional tree is freed by resetting the arena's size once it has been mined, and no
// JavaScript object is allocated per node.

const NONE = -1;

/** The nodes of all live FP-trees, as parallel arrays indexed by node. */
export class FpNodeArena {
  item = new Int32Array(0);
  count = new Int32Array(0);
  parent = new Int32Array(0);
  /** The most recently created child (sorted input finds its next node there at once). */
  child = new Int32Array(0);
  /** The next older sibling. */
  sibling = new Int32Array(0);
  /** The next node carrying the same item in the same tree, in creation order. */
  next = new Int32Array(0);
  size = 0;

  constructor(capacity: number) {
    this.reserve(capacity);
  }

  /** Makes room for `extra` more nodes; callers re-read the arrays afterwards. */
  reserve(extra: number): void {
    const needed = this.size + extra;
    if (needed <= this.item.length) return;
    const capacity = Math.max(needed, this.item.length * 2, 1024);
    const grow = (old: Int32Array): Int32Array<ArrayBuffer> => {
      const bigger = new Int32Array(capacity);
      bigger.set(old.subarray(0, this.size));
      return bigger;
    };
    this.item = grow(this.item);
    this.count = grow(this.count);
    this.parent = grow(this.parent);
    this.child = grow(this.child);
    this.sibling = grow(this.sibling);
    this.next = grow(this.next);
  }

  /** Adds a root (item -1) and returns its index; room must have been reserved. */
  addRoot(): number {
    const node = this.size++;
    this.item[node] = NONE;
    this.count[node] = 0;
    this.parent[node] = NONE;
    this.child[node] = NONE;
    this.sibling[node] = NONE;
    this.next[node] = NONE;
    return node;
  }
}

/** Header table of one tree: its items (ascending ranks), their supports and node lists. */
export class FpHeader {
  readonly items: Int32Array;
  itemCount = 0;
  readonly support: Int32Array;
  readonly head: Int32Array;
  readonly tail: Int32Array;
  /** True once some node got a second child: the tree is not a single path. */
  branching = false;

  constructor(rankCount: number) {
    this.items = new Int32Array(rankCount);
    this.support = new Int32Array(rankCount);
    this.head = new Int32Array(rankCount);
    this.tail = new Int32Array(rankCount);
  }

  /** Starts an empty tree over `items` (ascending ranks) with the given supports. */
  reset(items: Int32Array, itemCount: number, supportOf: Int32Array): void {
    this.itemCount = itemCount;
    this.branching = false;
    for (let i = 0; i < itemCount; i++) {
      const rank = items[i]!;
      this.items[i] = rank;
      this.support[rank] = supportOf[rank]!;
      this.head[rank] = NONE;
      this.tail[rank] = NONE;
    }
  }
}

/**
 * Builds one tree by inserting paths of ranks read from `source`. Paths are read backwards,
 * source[end - 1] first (nearest the root) down to source[start]; ranks whose `keep` value is
 * below `minKeep` are skipped (infrequent in this tree). Sorted input makes every lookup hit
 * the most recent child at once, so building from sorted transactions is linear.
 */
export class FpTreeBuilder {
  root = NONE;
  source: Int32Array = new Int32Array(0);
  keep: Int32Array = new Int32Array(0);
  minKeep = 1;

  constructor(
    readonly arena: FpNodeArena,
    public header: FpHeader,
  ) {}

  /** Adds `weight` along the path source[start..end); room for end - start nodes is reserved. */
  insert(start: number, end: number, weight: number): void {
    const { item, count, parent, child, sibling, next } = this.arena;
    const { source, keep, minKeep, header } = this;
    let node = this.root;
    for (let i = end - 1; i >= start; i--) {
      const rank = source[i]!;
      if (keep[rank]! < minKeep) continue;
      let found = child[node]!;
      while (found !== NONE && item[found] !== rank) found = sibling[found]!;
      if (found === NONE) {
        found = this.arena.size++;
        item[found] = rank;
        count[found] = weight;
        parent[found] = node;
        child[found] = NONE;
        const older = child[node]!;
        if (older !== NONE) header.branching = true;
        sibling[found] = older;
        child[node] = found;
        next[found] = NONE;
        const last = header.tail[rank]!;
        if (last === NONE) header.head[rank] = found;
        else next[last] = found;
        header.tail[rank] = found;
      } else {
        count[found]! += weight;
      }
      node = found;
    }
  }
}
