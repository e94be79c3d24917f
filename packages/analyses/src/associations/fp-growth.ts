// FP-Growth (Han, Pei and Yin 2000, "Mining frequent patterns without candidate generation"):
// all frequent itemsets of every size, each with its exact support count. Implementation notes
// (typed arrays and rank order as in Borgelt 2005, "An implementation of the FP-growth
// algorithm"):
// - items are ranks by descending frequency, so typed arrays replace maps;
// - the conditional pattern bases of single items are read straight from the recoded
//   transactions (the prefix paths of the full FP-tree are exactly these transactions cut
//   below the item): on sparse data such as retail the full tree hardly compresses (433k nodes
//   for 664k items), and walking it costs cache misses that sequential reads avoid;
// - conditional trees keep the global rank order and drop items infrequent in them;
// - a conditional tree that is a single path yields all combinations of its nodes directly.

import { FpHeader, FpNodeArena, FpTreeBuilder } from './fp-tree';
import { type RankedTransactions, rankFrequentItems } from './item-ranking';
import { type MinSupport, minimumCount } from './support-threshold';

/** Parameters of frequent-itemset mining. */
export interface FrequentItemsetOptions {
  /** Minimum support: a share of the transactions in (0, 1] or `{ count }`. */
  minSupport: MinSupport;
  /** Largest itemset size to report (default: no limit). */
  maxLength?: number;
  /** Stop after this many itemsets and flag the result as truncated (default: no limit). */
  maxItemsets?: number;
}

/** One frequent itemset. */
export interface FrequentItemset<T> {
  /**
   * Its items, most frequent first; ties in support by ascending number for small whole-number
   * items (FIMI ids), by first appearance otherwise.
   */
  items: T[];
  /** Number of transactions containing all of them. */
  support: number;
  /** support / number of transactions. */
  supportRatio: number;
}

/** All frequent itemsets of a transaction database. */
export interface FrequentItemsets<T> {
  itemsets: FrequentItemset<T>[];
  transactionCount: number;
  /** The minimum support count applied: ceil(minSupport x transactions) for a share. */
  minCount: number;
  /** True when `maxItemsets` stopped the search early. */
  truncated: boolean;
}

const NONE = -1;

/**
 * Receives each frequent itemset as ranks prefix[0..length), strictly descending (a
 * conditional tree only holds ranks below those of its prefix), and its support count.
 */
type ItemsetVisitor = (prefix: Int32Array, length: number, support: number) => void;

/** The depth-first FP-Growth search over one ranked database. */
class FpGrowthSearch {
  private readonly arena: FpNodeArena;
  private readonly builder: FpTreeBuilder;
  private readonly headers: FpHeader[] = [];
  private readonly rankCount: number;
  private readonly condCount: Int32Array;
  private readonly touched: Int32Array;
  private readonly condItems: Int32Array;
  private readonly prefix: Int32Array;
  private buffer = new Int32Array(1 << 16);
  private pathStart = new Int32Array(1 << 12);
  private pathEnd = new Int32Array(1 << 12);
  private pathWeight = new Int32Array(1 << 12);
  private pathCount = 0;
  private touchedCount = 0;
  private emitted = 0;
  truncated = false;

  constructor(
    private readonly ranked: RankedTransactions<unknown>,
    private readonly limits: { minCount: number; maxLength: number; maxItemsets: number },
    private readonly visit: ItemsetVisitor,
  ) {
    this.rankCount = ranked.itemOfRank.length;
    this.condCount = new Int32Array(this.rankCount);
    this.touched = new Int32Array(this.rankCount);
    this.condItems = new Int32Array(this.rankCount);
    this.prefix = new Int32Array(this.rankCount + 1);
    this.arena = new FpNodeArena(1 << 16);
    this.builder = new FpTreeBuilder(this.arena, this.headerAt(0));
  }

  run(): void {
    if (this.rankCount === 0 || this.limits.maxLength < 1) return;
    const { ranks, offsets, countOfRank } = this.ranked;
    // Where each rank occurs: a counting sort of the positions in `ranks` by rank.
    const firstEntry = new Int32Array(this.rankCount + 1);
    for (let rank = 0; rank < this.rankCount; rank++) {
      firstEntry[rank + 1] = firstEntry[rank]! + countOfRank[rank]!;
    }
    const fill = firstEntry.slice(0, this.rankCount);
    const position = new Int32Array(ranks.length);
    const runEnd = new Int32Array(ranks.length);
    for (let t = 0; t + 1 < offsets.length; t++) {
      const end = offsets[t + 1]!;
      for (let k = offsets[t]!; k < end; k++) {
        const slot = fill[ranks[k]!]!++;
        position[slot] = k;
        runEnd[slot] = end;
      }
    }
    for (let rank = this.rankCount - 1; rank >= 0 && !this.truncated; rank--) {
      this.prefix[0] = rank;
      this.emit(1, countOfRank[rank]!);
      if (this.limits.maxLength < 2) continue;
      // Runs are sorted descending, so the ranks after `rank` in its run are its prefix path.
      const { condCount, touched } = this;
      let touchedCount = 0;
      let paths = 0;
      const last = firstEntry[rank + 1]!;
      this.reservePaths(last - firstEntry[rank]!);
      const { pathStart, pathEnd, pathWeight } = this;
      for (let entry = firstEntry[rank]!; entry < last; entry++) {
        const start = position[entry]! + 1;
        const end = runEnd[entry]!;
        if (start === end) continue;
        pathStart[paths] = start;
        pathEnd[paths] = end;
        pathWeight[paths] = 1;
        paths++;
        for (let k = start; k < end; k++) {
          const r = ranks[k]!;
          if (condCount[r] === 0) touched[touchedCount++] = r;
          condCount[r]!++;
        }
      }
      this.pathCount = paths;
      this.touchedCount = touchedCount;
      const root = this.buildConditionalTree(ranks, 0);
      if (root !== NONE) this.mineConditionalTree(root, 0, 1);
    }
  }

  private headerAt(depth: number): FpHeader {
    let header = this.headers[depth];
    if (!header) {
      header = new FpHeader(this.rankCount);
      this.headers[depth] = header;
    }
    return header;
  }

  private emit(length: number, support: number): void {
    if (this.emitted >= this.limits.maxItemsets) {
      this.truncated = true;
      return;
    }
    this.emitted++;
    this.visit(this.prefix, length, support);
  }

  /** Reports every frequent extension of prefix[0..length) found in the tree at `depth`. */
  private mine(depth: number, length: number): void {
    const header = this.headers[depth]!;
    for (let index = header.itemCount - 1; index >= 0 && !this.truncated; index--) {
      const rank = header.items[index]!;
      this.prefix[length] = rank;
      this.emit(length + 1, header.support[rank]!);
      if (length + 1 >= this.limits.maxLength) continue;
      const root = this.project(header, rank, depth + 1);
      if (root !== NONE) this.mineConditionalTree(root, depth + 1, length + 1);
    }
  }

  /** Mines the conditional tree at `depth` (rooted at `root`), then frees its nodes. */
  private mineConditionalTree(root: number, depth: number, length: number): void {
    if (this.headers[depth]!.branching) this.mine(depth, length);
    else this.enumerateSinglePath(root, length);
    this.arena.size = root;
  }

  private reservePaths(count: number): void {
    if (count + 1 <= this.pathStart.length) return;
    this.pathStart = grown(this.pathStart, count + 1);
    this.pathEnd = grown(this.pathEnd, count + 1);
    this.pathWeight = grown(this.pathWeight, count + 1);
  }

  /**
   * Builds the conditional tree of `rank` at `depth` from the prefix paths of its nodes in the
   * tree of `header`, and returns its root, or NONE when nothing is frequent together with it.
   */
  private project(header: FpHeader, rank: number, depth: number): number {
    const { item, count, parent, next } = this.arena;
    const { condCount, touched } = this;
    let length = 0;
    let paths = 0;
    let touchedCount = 0;
    for (let node = header.head[rank]!; node !== NONE; node = next[node]!) {
      if (length + rank > this.buffer.length) this.buffer = grown(this.buffer, length + rank);
      this.reservePaths(paths + 1);
      const buffer = this.buffer;
      const weight = count[node]!;
      const start = length;
      for (let p = parent[node]!; item[p]! >= 0; p = parent[p]!) {
        const r = item[p]!;
        if (condCount[r] === 0) touched[touchedCount++] = r;
        condCount[r]! += weight;
        buffer[length++] = r;
      }
      if (length === start) continue;
      this.pathStart[paths] = start;
      this.pathEnd[paths] = length;
      this.pathWeight[paths] = weight;
      paths++;
    }
    this.pathCount = paths;
    this.touchedCount = touchedCount;
    return this.buildConditionalTree(this.buffer, depth);
  }

  /**
   * Builds a tree at `depth` from the pathCount paths source[pathStart[k]..pathEnd[k])
   * (descending ranks) whose item counts are in condCount (the touchedCount items of touched),
   * keeping the frequent items; clears condCount and returns the root, or NONE when no item is
   * frequent.
   */
  private buildConditionalTree(source: Int32Array, depth: number): number {
    const { condCount, touched, condItems, pathCount: paths, touchedCount } = this;
    const minCount = this.limits.minCount;
    let condItemCount = 0;
    let nodeBound = 1;
    for (let i = 0; i < touchedCount; i++) {
      const r = touched[i]!;
      if (condCount[r]! >= minCount) condItems[condItemCount++] = r;
    }
    let root = NONE;
    if (condItemCount > 0) {
      for (let k = 0; k < paths; k++) nodeBound += this.pathEnd[k]! - this.pathStart[k]!;
      condItems.subarray(0, condItemCount).sort();
      const child = this.headerAt(depth);
      child.reset(condItems, condItemCount, condCount);
      this.arena.reserve(nodeBound);
      const builder = this.builder;
      builder.header = child;
      root = this.arena.addRoot();
      builder.root = root;
      builder.source = source;
      builder.keep = condCount;
      builder.minKeep = minCount;
      for (let k = 0; k < paths; k++) {
        builder.insert(this.pathStart[k]!, this.pathEnd[k]!, this.pathWeight[k]!);
      }
    }
    for (let i = 0; i < touchedCount; i++) condCount[touched[i]!] = 0;
    return root;
  }

  /**
   * A single-path tree: every combination of its nodes is frequent, with the count of its
   * deepest node. Combinations are built deepest node first so the prefix stays in descending
   * rank order, like every other prefix.
   */
  private enumerateSinglePath(root: number, length: number): void {
    const { item, count, child } = this.arena;
    const ranks: number[] = [];
    const counts: number[] = [];
    for (let node = child[root]!; node !== NONE; node = child[node]!) {
      ranks.push(item[node]!);
      counts.push(count[node]!);
    }
    const combine = (from: number, size: number, support: number): void => {
      for (let i = from; i >= 0 && !this.truncated; i--) {
        const combined = size === length ? counts[i]! : support;
        this.prefix[size] = ranks[i]!;
        this.emit(size + 1, combined);
        if (size + 1 < this.limits.maxLength) combine(i - 1, size + 1, combined);
      }
    };
    combine(ranks.length - 1, length, 0);
  }
}

function grown(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * All itemsets contained in at least minSupport of the transactions, of every size >= 1, with
 * exact support counts (FP-Growth). Items may be numbers or strings (any value usable as a Map
 * key); duplicates inside a transaction count once.
 *
 * @example
 * const { itemsets } = mineFrequentItemsets([['milk', 'bread'], ['milk'], ['milk', 'bread']], {
 *   minSupport: { count: 2 },
 * });
 * // [{ items: ['milk'], support: 3, ... }, { items: ['milk', 'bread'], support: 2, ... },
 * //  { items: ['bread'], support: 2, ... }] (in search order)
 */
export function mineFrequentItemsets<T>(
  transactions: readonly (readonly T[])[],
  options: FrequentItemsetOptions,
): FrequentItemsets<T> {
  const transactionCount = transactions.length;
  const minCount = minimumCount(options.minSupport, transactionCount);
  const ranked = rankFrequentItems(transactions, minCount);
  const itemOfRank = ranked.itemOfRank;
  const itemsets: FrequentItemset<T>[] = [];
  const search = new FpGrowthSearch(
    ranked,
    {
      minCount,
      maxLength: options.maxLength ?? Number.POSITIVE_INFINITY,
      maxItemsets: options.maxItemsets ?? Number.POSITIVE_INFINITY,
    },
    (prefix, length, support) => {
      // The prefix holds descending ranks: read backwards for the most frequent item first.
      const items = new Array<T>(length);
      for (let i = 0; i < length; i++) items[i] = itemOfRank[prefix[length - 1 - i]!]!;
      itemsets.push({ items, support, supportRatio: support / transactionCount });
    },
  );
  search.run();
  return { itemsets, transactionCount, minCount, truncated: search.truncated };
}
