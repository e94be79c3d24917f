// PrefixSpan (Pei, Han, Mortazavi-Asl, Pinto, Chen, Dayal and Hsu 2001, "PrefixSpan: mining
// sequential patterns efficiently by prefix-projected pattern growth"), with pseudo-projection:
// a projected database is a list of (sequence, position) pairs pointing at the earliest end of
// the prefix in each supporting sequence, kept in one typed-array stack.
//
// Patterns are sequences of itemsets, matched as SPMF's PrefixSpan and the reference answers
// do: pattern itemset k must be a subset of a sequence itemset strictly after the one holding
// itemset k - 1 (gaps allowed), and a sequence supports a pattern once. A prefix grows by an
// S-extension (a new itemset {x} after its end) or an I-extension (x added to its last
// itemset, x above that itemset's items). For an I-extension the earliest prefix end is not
// enough: any later sequence itemset holding the whole last itemset of the prefix also counts
// (with prefix <a> in <(ab)(ab)>... both b qualify), which a test checks against brute force.

import { type MinSupport, minimumCount } from '../associations/support-threshold';
import { type PatternView, PrefixSpanSearch } from './prefix-span-search';
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
  /**
   * How many identical sequences each one stands for (default 1 each): a database of the
   * distinct sequences with their counts gives exactly the patterns and supports of the full
   * one, mined once per distinct sequence.
   */
  weights?: readonly number[];
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
  const minCount = minimumCount(options.minSupport, sequenceTotal(database, options.weights));
  const encoded = encodeSequences(database, minCount, options.weights);
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

/**
 * The itemsets of a pattern view, as the original items.
 *
 * @example
 * searchSequentialPatterns(database, { minSupport: 0.5 }, (view) => {
 *   console.log(patternItemsets(view), view.support); // e.g. [['view'], ['cart']] 42
 * });
 */
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
  const sequenceCount = sequenceTotal(database, options.weights);
  const { minCount, truncated } = searchSequentialPatterns(database, options, (view) => {
    patterns.push({
      itemsets: patternItemsets(view),
      support: view.support,
      supportRatio: view.support / sequenceCount,
    });
  });
  return { patterns, sequenceCount, minCount, truncated };
}

/** The number of sequences a database stands for: its length, or the sum of its weights. */
export function sequenceTotal<T>(database: SequenceDatabase<T>, weights?: readonly number[]): number {
  if (weights === undefined) return database.length;
  if (weights.length !== database.length) throw new RangeError('one weight per sequence');
  let total = 0;
  for (const w of weights) {
    if (!Number.isInteger(w) || w < 1) throw new RangeError(`a weight is a whole number >= 1, got ${w}`);
    total += w;
  }
  return total;
}
