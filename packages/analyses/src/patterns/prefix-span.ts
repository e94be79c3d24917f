// PrefixSpan (Pei, Han, Mortazavi-Asl, Pinto, Chen, Dayal and Hsu 2001, "PrefixSpan: mining
// sequential patterns efficiently by prefix-projected pattern growth"), with pseudo-projection:
// a projected database is a list of (sequence, position) pairs pointing at the earliest end of
// the prefix in each supporting sequence, kept in one typed-array stack.
//
// Patterns are sequences of itemsets, matched as SPMF's PrefixSpan and the reference answers
// do: pattern itemset k must be a subset of a sequence itemset strictly after the one holding
// itemset k - 1 (gaps allowed), and a sequence supports a pattern once. A prefix grows by an
// S-extension (a new itemset {x} after its end) or an I-extension (x added to its last
// itemset, x above that itemset's items). For an I-extension, the earliest prefix end is not
// enough: any later sequence itemset holding the whole last itemset of the prefix also counts
// (Pei et al. 2004, TKDE 16(11), section 3.2).

import { type MinSupport, minimumCount } from '../associations/support-threshold';
import { type EncodedSequences, encodeSequences } from './sequence-encoding';
import type { SequenceDatabase } from './spmf-format';

/** Parameters of sequential pattern mining. */
export interface SequentialPatternOptions {
  /** Minimum support: a share of the sequences in (0, 1] or `{ count }`. */
  minSupport: MinSupport;
  /** Largest pattern length in items, all itemsets together (SPMF's maxPatternLength). */
  maxLength?: number;
  /** Stop after this many patterns and flag the result as truncated (default: no limit). */
  maxPatterns?: number;
}

/** One frequent sequential pattern. */
export interface SequentialPattern<T> {
  /** The pattern's itemsets in order; items inside an itemset ascending. */
  itemsets: T[][];
  /** Number of sequences containing the pattern. */
  support: number;
  /** support / number of sequences. */
  supportRatio: number;
}

/** All frequent sequential patterns of a sequence database. */
export interface SequentialPatterns<T> {
  patterns: SequentialPattern<T>[];
  sequenceCount: number;
  /** The minimum support count applied: ceil(minSupport x sequences) for a share. */
  minCount: number;
  /** True when `maxPatterns` stopped the search early. */
  truncated: boolean;
}

/** A pattern as the search reports it; valid only during the visitor call. */
export interface PatternView<T> {
  readonly encoded: EncodedSequences<T>;
  /** Dense item ids of the pattern, ids[0 .. length). */
  readonly ids: Int32Array;
  /** 1 where ids[i] opens a new itemset. */
  readonly opensItemset: Uint8Array;
  length: number;
  support: number;
  /** Indexes (into encoded.originalIndex) of the supporting sequences. */
  supporters: Int32Array;
}

const NO_BLOCK = -1;

class PrefixSpanSearch<T> {
  private sequenceOf = new Int32Array(0);
  private positionOf = new Int32Array(0);
  private top = 0;
  private readonly sCount: Int32Array;
  private readonly iCount: Int32Array;
  private readonly sSeen: Int32Array;
  private readonly iSeen: Int32Array;
  private readonly sCursor: Int32Array;
  private readonly iCursor: Int32Array;
  private readonly sTouched: Int32Array;
  private readonly iTouched: Int32Array;
  private stamp = 0;
  private emitted = 0;
  truncated = false;
  readonly view: PatternView<T>;

  constructor(
    private readonly encoded: EncodedSequences<T>,
    private readonly limits: { minCount: number; maxLength: number; maxPatterns: number },
    private readonly visit: (view: PatternView<T>) => void,
  ) {
    const idCount = encoded.itemOfId.length;
    this.sCount = new Int32Array(idCount);
    this.iCount = new Int32Array(idCount);
    this.sSeen = new Int32Array(idCount).fill(-1);
    this.iSeen = new Int32Array(idCount).fill(-1);
    this.sCursor = new Int32Array(idCount).fill(NO_BLOCK);
    this.iCursor = new Int32Array(idCount).fill(NO_BLOCK);
    this.sTouched = new Int32Array(idCount);
    this.iTouched = new Int32Array(idCount);
    const longest = Math.min(encoded.items.length, limits.maxLength);
    this.view = {
      encoded,
      ids: new Int32Array(longest + 1),
      opensItemset: new Uint8Array(longest + 1),
      length: 0,
      support: 0,
      supporters: new Int32Array(0),
    };
  }

  run(): void {
    const sequences = this.encoded.sequenceStart.length - 1;
    if (this.limits.maxLength < 1 || sequences === 0) return;
    this.reserve(sequences);
    for (let s = 0; s < sequences; s++) {
      this.sequenceOf[s] = s;
      this.positionOf[s] = -1; // before the first itemset
    }
    this.top = sequences;
    this.mine(0, sequences, 0, 0);
  }

  private reserve(extra: number): void {
    const needed = this.top + extra;
    if (needed <= this.sequenceOf.length) return;
    const capacity = Math.max(needed, this.sequenceOf.length * 2, 1024);
    const sequenceOf = new Int32Array(capacity);
    sequenceOf.set(this.sequenceOf.subarray(0, this.top));
    const positionOf = new Int32Array(capacity);
    positionOf.set(this.positionOf.subarray(0, this.top));
    this.sequenceOf = sequenceOf;
    this.positionOf = positionOf;
  }

  private nextStamp(): number {
    if (this.stamp === 0x7ffffffe) {
      this.sSeen.fill(-1);
      this.iSeen.fill(-1);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /**
   * Position just after the last item of the prefix's last itemset (ids[setStart..length))
   * inside the sequence itemset items[from..end), or -1 when that itemset lacks one of them.
   */
  private afterLastItemset(from: number, end: number, setStart: number, length: number): number {
    const { items } = this.encoded;
    const ids = this.view.ids;
    let i = setStart;
    let r = from;
    while (i < length && r < end) {
      const wanted = ids[i]!;
      const have = items[r]!;
      if (have === wanted) {
        i++;
        r++;
      } else if (have < wanted) {
        r++;
      } else {
        return -1;
      }
    }
    return i === length ? r : -1;
  }

  /**
   * One pass over the projected database [from, to): with `record` false, counts the sequences
   * supporting each S- and I-extension; with `record` true, writes each extension's earliest
   * position into its block through the cursors.
   */
  private scan(
    from: number,
    to: number,
    prefix: { length: number; setStart: number },
    record: boolean,
  ): void {
    const { items, setEnd, sequenceStart } = this.encoded;
    const { sCount, iCount, sSeen, iSeen, sCursor, iCursor, sTouched, iTouched } = this;
    const { length, setStart } = prefix;
    const lastSetSize = length - setStart;
    let sTouchedCount = 0;
    let iTouchedCount = 0;
    const onExtension = (
      isItemsetExtension: boolean,
      sequence: number,
      position: number,
      stamp: number,
    ): void => {
      const x = items[position]!;
      const seen = isItemsetExtension ? iSeen : sSeen;
      if (seen[x] === stamp) return;
      seen[x] = stamp;
      if (record) {
        const cursor = isItemsetExtension ? iCursor : sCursor;
        const slot = cursor[x]!;
        if (slot === NO_BLOCK) return;
        this.sequenceOf[slot] = sequence;
        this.positionOf[slot] = position;
        cursor[x] = slot + 1;
      } else if (isItemsetExtension) {
        if (iCount[x]!++ === 0) iTouched[iTouchedCount++] = x;
      } else if (sCount[x]!++ === 0) {
        sTouched[sTouchedCount++] = x;
      }
    };
    for (let entry = from; entry < to; entry++) {
      const sequence = this.sequenceOf[entry]!;
      const position = this.positionOf[entry]!;
      const stamp = this.nextStamp();
      const sequenceEnd = sequenceStart[sequence + 1]!;
      let q = sequenceStart[sequence]!;
      if (position >= 0) {
        q = setEnd[position]!;
        for (let r = position + 1; r < q; r++) onExtension(true, sequence, r, stamp);
      }
      while (q < sequenceEnd) {
        const end = setEnd[q]!;
        for (let r = q; r < end; r++) onExtension(false, sequence, r, stamp);
        if (lastSetSize > 0 && end - q > lastSetSize) {
          const after = this.afterLastItemset(q, end, setStart, length);
          if (after >= 0) for (let r = after; r < end; r++) onExtension(true, sequence, r, stamp);
        }
        q = end;
      }
    }
    this.touchedCounts = [sTouchedCount, iTouchedCount];
  }

  private touchedCounts: [number, number] = [0, 0];

  /** Frequent extensions of the last count pass, with their supports; clears the counts. */
  private frequentExtensions(isItemsetExtension: boolean): { ids: number[]; supports: number[] } {
    const count = isItemsetExtension ? this.iCount : this.sCount;
    const touched = isItemsetExtension ? this.iTouched : this.sTouched;
    const touchedCount = this.touchedCounts[isItemsetExtension ? 1 : 0];
    const ids: number[] = [];
    const supports: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const x = touched[t]!;
      if (count[x]! >= this.limits.minCount) {
        ids.push(x);
        supports.push(count[x]!);
      }
      count[x] = 0;
    }
    return { ids, supports };
  }

  /** Grows the prefix ids[0..length) (last itemset from setStart) over projection [from, to). */
  private mine(from: number, to: number, length: number, setStart: number): void {
    const prefix = { length, setStart };
    this.scan(from, to, prefix, false);
    const itemsetExtensions = this.frequentExtensions(true);
    const sequenceExtensions = this.frequentExtensions(false);
    const base = this.top;
    let total = 0;
    const blockOf = (isItemsetExtension: boolean, ext: { ids: number[]; supports: number[] }): number[] => {
      const cursor = isItemsetExtension ? this.iCursor : this.sCursor;
      return ext.ids.map((x, k) => {
        const start = base + total;
        cursor[x] = start;
        total += ext.supports[k]!;
        return start;
      });
    };
    const itemsetBlocks = blockOf(true, itemsetExtensions);
    const sequenceBlocks = blockOf(false, sequenceExtensions);
    if (total === 0) return;
    this.reserve(total);
    this.top = base + total;
    this.scan(from, to, prefix, true);
    for (const x of itemsetExtensions.ids) this.iCursor[x] = NO_BLOCK;
    for (const x of sequenceExtensions.ids) this.sCursor[x] = NO_BLOCK;

    const grow = (
      isItemsetExtension: boolean,
      ext: { ids: number[]; supports: number[] },
      blocks: number[],
    ) => {
      for (let k = 0; k < ext.ids.length && !this.truncated; k++) {
        const support = ext.supports[k]!;
        const block = blocks[k]!;
        this.view.ids[length] = ext.ids[k]!;
        this.view.opensItemset[length] = isItemsetExtension ? 0 : 1;
        this.emit(length + 1, support, block);
        if (length + 1 < this.limits.maxLength) {
          this.mine(block, block + support, length + 1, isItemsetExtension ? setStart : length);
        }
      }
    };
    grow(true, itemsetExtensions, itemsetBlocks);
    grow(false, sequenceExtensions, sequenceBlocks);
    this.top = base;
  }

  private emit(length: number, support: number, block: number): void {
    if (this.emitted >= this.limits.maxPatterns) {
      this.truncated = true;
      return;
    }
    this.emitted++;
    const view = this.view;
    view.length = length;
    view.support = support;
    view.supporters = this.sequenceOf.subarray(block, block + support);
    this.visit(view);
  }
}

/**
 * Runs PrefixSpan and hands every frequent pattern to `visit` (the view is reused: copy what
 * you keep). Returns the encoded database, the minimum count and whether it was truncated.
 *
 * @example
 * searchSequentialPatterns([[[1], [2]], [[1], [2]]], { minSupport: 1 }, (view) => console.log(view.support));
 */
export function searchSequentialPatterns<T>(
  database: SequenceDatabase<T>,
  options: SequentialPatternOptions,
  visit: (view: PatternView<T>) => void,
): { encoded: EncodedSequences<T>; minCount: number; truncated: boolean } {
  const minCount = minimumCount(options.minSupport, database.length);
  const encoded = encodeSequences(database, minCount);
  const search = new PrefixSpanSearch(
    encoded,
    {
      minCount,
      maxLength: options.maxLength ?? Number.POSITIVE_INFINITY,
      maxPatterns: options.maxPatterns ?? Number.POSITIVE_INFINITY,
    },
    visit,
  );
  search.run();
  return { encoded, minCount, truncated: search.truncated };
}

/** The itemsets of a pattern view, as the original items. */
export function patternItemsets<T>(view: PatternView<T>): T[][] {
  const itemsets: T[][] = [];
  const { itemOfId } = view.encoded;
  for (let i = 0; i < view.length; i++) {
    if (i === 0 || view.opensItemset[i] === 1) itemsets.push([]);
    itemsets[itemsets.length - 1]!.push(itemOfId[view.ids[i]!]!);
  }
  return itemsets;
}

/**
 * All sequential patterns contained in at least minSupport of the sequences (PrefixSpan).
 *
 * @example
 * mineSequentialPatterns([[[1], [2, 3]], [[1], [3]]], { minSupport: 1 }).patterns
 * // [{ itemsets: [[1]], support: 2, ... }, { itemsets: [[1], [3]], support: 2, ... },
 * //  { itemsets: [[3]], support: 2, ... }] (in search order)
 */
export function mineSequentialPatterns<T>(
  database: SequenceDatabase<T>,
  options: SequentialPatternOptions,
): SequentialPatterns<T> {
  const patterns: SequentialPattern<T>[] = [];
  const sequenceCount = database.length;
  const { minCount, truncated } = searchSequentialPatterns(database, options, (view) => {
    patterns.push({
      itemsets: patternItemsets(view),
      support: view.support,
      supportRatio: view.support / sequenceCount,
    });
  });
  return { patterns, sequenceCount, minCount, truncated };
}
