// The search engine of PrefixSpan (Pei et al. 2001) with pseudo-projection: a projected
// database is a block of (sequence, position) pairs in one typed-array stack, each position the
// earliest end of the prefix in that sequence. Every node does two passes over its block: one
// counts the sequences supporting each extension, the next writes the children's blocks, whose
// sizes are then known exactly. See ./prefix-span.ts for the matching semantics.

import type { EncodedSequences } from './sequence-encoding';

/** A pattern as the search reports it; valid only during the visitor call. */
export interface PatternView<T> {
  readonly encoded: EncodedSequences<T>;
  /** Dense item ids of the pattern, ids[0 .. length). */
  readonly ids: Int32Array;
  /** 1 where ids[i] opens a new itemset. */
  readonly opensItemset: Uint8Array;
  length: number;
  /** Sequences supporting the pattern, each counted with its weight. */
  support: number;
  /** Indexes (into encoded.originalIndex) of the supporting sequences, each once. */
  supporters: Int32Array;
}

const NO_BLOCK = -1;

/** A frequent extension item, its support and where its projected database starts. */
interface Extension {
  id: number;
  /** Weighted count of the supporting sequences. */
  support: number;
  /** Entries of its projected database: the supporting sequences, each once. */
  entries: number;
  block: number;
}

/** The pattern grown so far: ids[0..length), its last itemset starting at setStart. */
interface Prefix {
  length: number;
  setStart: number;
}

/** A projected database: entries [from, to) of the stack. */
interface Block {
  from: number;
  to: number;
}

interface Extensions {
  itemset: Extension[];
  sequence: Extension[];
}

/** One depth-first PrefixSpan run over an encoded database. */
export class PrefixSpanSearch<T> {
  private sequenceOf = new Int32Array(0);
  private positionOf = new Int32Array(0);
  private top = 0;
  private readonly sCount: Int32Array;
  private readonly iCount: Int32Array;
  private readonly sWeight: Float64Array;
  private readonly iWeight: Float64Array;
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
    this.sWeight = new Float64Array(idCount);
    this.iWeight = new Float64Array(idCount);
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
    this.mine({ from: 0, to: sequences }, { length: 0, setStart: 0 });
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
  private afterLastItemset(from: number, end: number, prefix: Prefix): number {
    const { setStart, length } = prefix;
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
   * Counts, over the projected database [from, to), the sequences supporting each S-extension
   * (an item in a later itemset) and each I-extension (an item after the prefix end in its
   * itemset, or after the prefix's last itemset in a later itemset holding all of it), and
   * returns the frequent ones. Each sequence counts once per item thanks to the stamps.
   */
  private countExtensions({ from, to }: Block, prefix: Prefix): Extensions {
    const { items, setEnd, sequenceStart, weightOf } = this.encoded;
    const { sCount, iCount, sWeight, iWeight, sSeen, iSeen, sTouched, iTouched, sequenceOf, positionOf } =
      this;
    const lastSetSize = prefix.length - prefix.setStart;
    let sTouchedCount = 0;
    let iTouchedCount = 0;
    for (let entry = from; entry < to; entry++) {
      const sequence = sequenceOf[entry]!;
      const position = positionOf[entry]!;
      const stamp = this.nextStamp();
      const sequenceEnd = sequenceStart[sequence + 1]!;
      const weight = weightOf[sequence]!;
      let q = sequenceStart[sequence]!;
      if (position >= 0) {
        q = setEnd[position]!;
        for (let r = position + 1; r < q; r++) {
          const x = items[r]!;
          if (iSeen[x] === stamp) continue;
          iSeen[x] = stamp;
          iWeight[x]! += weight;
          if (iCount[x]!++ === 0) iTouched[iTouchedCount++] = x;
        }
      }
      while (q < sequenceEnd) {
        const end = setEnd[q]!;
        for (let r = q; r < end; r++) {
          const x = items[r]!;
          if (sSeen[x] === stamp) continue;
          sSeen[x] = stamp;
          sWeight[x]! += weight;
          if (sCount[x]!++ === 0) sTouched[sTouchedCount++] = x;
        }
        if (lastSetSize > 0 && end - q > lastSetSize) {
          const after = this.afterLastItemset(q, end, prefix);
          for (let r = after < 0 ? end : after; r < end; r++) {
            const x = items[r]!;
            if (iSeen[x] === stamp) continue;
            iSeen[x] = stamp;
            iWeight[x]! += weight;
            if (iCount[x]!++ === 0) iTouched[iTouchedCount++] = x;
          }
        }
        q = end;
      }
    }
    return {
      itemset: this.frequentOf(iCount, iWeight, iTouched, iTouchedCount),
      sequence: this.frequentOf(sCount, sWeight, sTouched, sTouchedCount),
    };
  }

  /**
   * The touched items whose weighted count reaches minCount, with their counts and numbers of
   * sequences; clears both.
   */
  private frequentOf(
    count: Int32Array,
    weight: Float64Array,
    touched: Int32Array,
    touchedCount: number,
  ): Extension[] {
    const frequent: Extension[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t]!;
      if (weight[id]! >= this.limits.minCount)
        frequent.push({ id, support: weight[id]!, entries: count[id]!, block: 0 });
      count[id] = 0;
      weight[id] = 0;
    }
    return frequent;
  }

  /**
   * Second pass over [from, to): writes each sequence's earliest position for every frequent
   * extension into that extension's block, through the cursors set by `mine`.
   */
  private recordExtensions({ from, to }: Block, prefix: Prefix): void {
    const { items, setEnd, sequenceStart } = this.encoded;
    const { sSeen, iSeen, sCursor, iCursor, sequenceOf, positionOf } = this;
    const lastSetSize = prefix.length - prefix.setStart;
    for (let entry = from; entry < to; entry++) {
      const sequence = sequenceOf[entry]!;
      const position = positionOf[entry]!;
      const stamp = this.nextStamp();
      const sequenceEnd = sequenceStart[sequence + 1]!;
      let q = sequenceStart[sequence]!;
      if (position >= 0) {
        q = setEnd[position]!;
        for (let r = position + 1; r < q; r++) {
          const x = items[r]!;
          const slot = iCursor[x]!;
          if (slot === NO_BLOCK || iSeen[x] === stamp) continue;
          iSeen[x] = stamp;
          sequenceOf[slot] = sequence;
          positionOf[slot] = r;
          iCursor[x] = slot + 1;
        }
      }
      while (q < sequenceEnd) {
        const end = setEnd[q]!;
        for (let r = q; r < end; r++) {
          const x = items[r]!;
          const slot = sCursor[x]!;
          if (slot === NO_BLOCK || sSeen[x] === stamp) continue;
          sSeen[x] = stamp;
          sequenceOf[slot] = sequence;
          positionOf[slot] = r;
          sCursor[x] = slot + 1;
        }
        if (lastSetSize > 0 && end - q > lastSetSize) {
          const after = this.afterLastItemset(q, end, prefix);
          for (let r = after < 0 ? end : after; r < end; r++) {
            const x = items[r]!;
            const slot = iCursor[x]!;
            if (slot === NO_BLOCK || iSeen[x] === stamp) continue;
            iSeen[x] = stamp;
            sequenceOf[slot] = sequence;
            positionOf[slot] = r;
            iCursor[x] = slot + 1;
          }
        }
        q = end;
      }
    }
  }

  /** Grows `prefix` over its projected database `block`. */
  private mine(block: Block, prefix: Prefix): void {
    const extensions = this.countExtensions(block, prefix);
    const base = this.top;
    let total = 0;
    for (const ext of extensions.itemset) {
      ext.block = base + total;
      this.iCursor[ext.id] = ext.block;
      total += ext.entries;
    }
    for (const ext of extensions.sequence) {
      ext.block = base + total;
      this.sCursor[ext.id] = ext.block;
      total += ext.entries;
    }
    if (total === 0) return;
    this.reserve(total);
    this.top = base + total;
    this.recordExtensions(block, prefix);
    for (const ext of extensions.itemset) this.iCursor[ext.id] = NO_BLOCK;
    for (const ext of extensions.sequence) this.sCursor[ext.id] = NO_BLOCK;
    this.grow(extensions.itemset, prefix, false);
    this.grow(extensions.sequence, prefix, true);
    this.top = base;
  }

  /** Reports each extension of `prefix` (opening a new itemset or not) and mines below it. */
  private grow(extensions: readonly Extension[], prefix: Prefix, opensItemset: boolean): void {
    const { length } = prefix;
    const child: Prefix = { length: length + 1, setStart: opensItemset ? length : prefix.setStart };
    for (const { id, support, entries, block } of extensions) {
      if (this.truncated) return;
      this.view.ids[length] = id;
      this.view.opensItemset[length] = opensItemset ? 1 : 0;
      this.emit(child.length, support, block, entries);
      if (child.length < this.limits.maxLength) this.mine({ from: block, to: block + entries }, child);
    }
  }

  private emit(length: number, support: number, block: number, entries: number): void {
    if (this.emitted >= this.limits.maxPatterns) {
      this.truncated = true;
      return;
    }
    this.emitted++;
    const view = this.view;
    view.length = length;
    view.support = support;
    view.supporters = this.sequenceOf.subarray(block, block + entries);
    this.visit(view);
  }
}
