// Recoding of a sequence database for PrefixSpan: items that occur in fewer than minCount
// sequences cannot be part of a frequent pattern and are dropped (Pei et al. 2001, step 1);
// the rest become dense ids in the items' natural order, every itemset becomes a sorted run of
// distinct ids, and all sequences are stored end to end in typed arrays. A sequence may stand
// for several identical ones (its weight): it is stored once and counts that many times.

import type { SequenceDatabase } from './spmf-format';

/** A sequence database as flat typed arrays. */
export interface EncodedSequences<T> {
  /** All sequences of the input, empty ones included, with their weights (the base of support ratios). */
  sequenceCount: number;
  /** The item behind each dense id, in ascending natural order. */
  itemOfId: T[];
  /** The ids of all kept sequences, end to end; itemsets are ascending runs. */
  items: Int32Array;
  /** For each position in `items`, the position just past its itemset. */
  setEnd: Int32Array;
  /** Kept sequence k occupies items[sequenceStart[k]] .. items[sequenceStart[k + 1] - 1]. */
  sequenceStart: Int32Array;
  /** The input index of each kept sequence. */
  originalIndex: Int32Array;
  /** How many sequences each kept sequence stands for (1 unless weights were given). */
  weightOf: Float64Array;
}

/** Natural order of numbers and of strings (by UTF-16 code units, as Array.prototype.sort). */
function naturalOrder<T>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Keeps the items found in at least `minCount` sequences (counted with their weights, 1 each
 * by default) and recodes the database.
 *
 * @example
 * encodeSequences([[[3], [1, 2]], [[2]]], 2).items // Int32Array [0, 0] (only item 2 is kept)
 */
export function encodeSequences<T>(
  database: SequenceDatabase<T>,
  minCount: number,
  weights?: readonly number[],
): EncodedSequences<T> {
  const weight = (s: number) => (weights ? weights[s]! : 1);
  const tempId = new Map<T, number>();
  const tempItems: T[] = [];
  const support: number[] = [];
  const seenIn: number[] = [];
  let total = 0;
  database.forEach((sequence, s) => {
    for (const itemset of sequence) {
      total += itemset.length;
      for (const item of itemset) {
        let id = tempId.get(item);
        if (id === undefined) {
          id = tempItems.length;
          tempId.set(item, id);
          tempItems.push(item);
          support.push(0);
          seenIn.push(-1);
        }
        if (seenIn[id] !== s) {
          seenIn[id] = s;
          support[id]! += weight(s);
        }
      }
    }
  });
  const kept = tempItems.filter((_, id) => support[id]! >= minCount).sort(naturalOrder);
  const denseId = new Map<T, number>();
  kept.forEach((item, id) => {
    denseId.set(item, id);
  });

  const items = new Int32Array(total);
  const setEnd = new Int32Array(total);
  const starts: number[] = [0];
  const originals: number[] = [];
  const keptWeights: number[] = [];
  let length = 0;
  const run: number[] = [];
  database.forEach((sequence, s) => {
    const start = length;
    for (const itemset of sequence) {
      run.length = 0;
      for (const item of itemset) {
        const id = denseId.get(item);
        if (id !== undefined) run.push(id);
      }
      run.sort((a, b) => a - b);
      const setStart = length;
      for (let i = 0; i < run.length; i++) if (i === 0 || run[i] !== run[i - 1]) items[length++] = run[i]!;
      for (let q = setStart; q < length; q++) setEnd[q] = length;
    }
    if (length > start) {
      starts.push(length);
      originals.push(s);
      keptWeights.push(weight(s));
    }
  });
  return {
    sequenceCount: weights ? weights.reduce((sum, w) => sum + w, 0) : database.length,
    itemOfId: kept,
    items: items.slice(0, length),
    setEnd: setEnd.slice(0, length),
    sequenceStart: Int32Array.from(starts),
    originalIndex: Int32Array.from(originals),
    weightOf: Float64Array.from(keptWeights),
  };
}
