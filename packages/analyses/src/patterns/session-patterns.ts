// The Pattern Explorer: frequent ordered behaviour patterns in shop sessions (PrefixSpan over
// the sessions' actions: event names, page types or categories), each with its support, the
// conversion rate of the sessions containing it, and the patterns that most separate
// converting from abandoning sessions.
//
// Separation follows contrast-set mining (Bay and Pazzani 2001, "Detecting group differences:
// mining contrast sets", STUCCO): a pattern separates the groups when the share of converting
// sessions containing it differs from the share of abandoning sessions containing it (the
// support difference, an effect size in [-1, 1]) and that difference is significant. The test
// is Fisher's exact test on the 2x2 table (contains the pattern x converted), exact for the
// small counts of rare patterns; the false discovery rate over all frequent patterns is
// controlled by Benjamini-Hochberg (STUCCO used a Bonferroni-style bound, which hides more real
// effects). Separating patterns are ranked by the size of the difference, largest first.

import { benjaminiHochberg } from '../associations/multiple-testing';
import { fisherExactTest } from '../associations/significance';
import type { MinSupport } from '../associations/support-threshold';
import { patternItemsets, searchSequentialPatterns } from './prefix-span';

/** One visit: its ordered actions and whether it converted. */
export interface Session {
  readonly sessionId: string;
  /** Ordered actions, e.g. event names ('view_item'), page types or categories. */
  readonly items: readonly string[];
  readonly converted: boolean;
  /**
   * How many sessions did exactly this (default 1): the store hands over each distinct
   * sequence once with its count, and the patterns and supports are those of all of them.
   */
  readonly count?: number;
}

/** Parameters of the Pattern Explorer. */
export interface SessionPatternOptions {
  /** Minimum share of all sessions (in (0, 1]) or `{ count }` containing a pattern. */
  minSupport: MinSupport;
  /** Longest pattern, in actions (default: no limit). */
  maxLength?: number;
  /** Stop after this many patterns (default 100,000); the report is then flagged truncated. */
  maxPatterns?: number;
  /** Only these actions are mined; others are dropped from the sessions (default: all). */
  vocabulary?: readonly string[];
  /** False discovery rate for separating patterns (default 0.05). */
  alpha?: number;
  /** Smallest |support difference| for a separating pattern (default 0). */
  minSupportDifference?: number;
}

/** A frequent pattern and how it relates to conversion. */
export interface SessionPattern {
  /** The actions in order; other actions may come between them. */
  items: string[];
  /** Sessions containing the pattern. */
  support: number;
  /** support / all sessions. */
  supportRatio: number;
  /** Converting sessions containing it. */
  convertedSupport: number;
  /** Abandoning (not converting) sessions containing it. */
  abandonedSupport: number;
  /** convertedSupport / support. */
  conversionRate: number;
  /** conversionRate / conversion rate of all sessions. */
  conversionLift: number;
  /** Share of converting sessions containing it minus share of abandoning ones. */
  supportDifference: number;
  /** Two-sided Fisher exact test of "contains the pattern" against "converted". */
  pValue: number;
  /** pValue after Benjamini-Hochberg over all frequent patterns. */
  adjustedPValue: number;
}

/** What the Pattern Explorer shows. */
export interface SessionPatternReport {
  sessionCount: number;
  convertedCount: number;
  /** Conversion rate of all sessions. */
  conversionRate: number;
  /** The minimum support count applied. */
  minCount: number;
  /** True when maxPatterns stopped the search: supports are exact, the list incomplete. */
  truncated: boolean;
  /** All frequent patterns, by support (descending). */
  patterns: SessionPattern[];
  /** Patterns with adjustedPValue <= alpha, by |supportDifference| (descending). */
  separating: SessionPattern[];
}

/**
 * Mines frequent ordered patterns in sessions and relates each to conversion.
 *
 * @example
 * const report = exploreSessionPatterns(
 *   [
 *     { sessionId: 's1', items: ['home', 'search', 'product', 'cart'], converted: true },
 *     { sessionId: 's2', items: ['home', 'product', 'home'], converted: false },
 *   ],
 *   { minSupport: 0.5, maxLength: 3 },
 * );
 * report.patterns[0] // { items: ['home'], support: 2, conversionRate: 0.5, ... }
 */
export function exploreSessionPatterns(
  sessions: readonly Session[],
  options: SessionPatternOptions,
): SessionPatternReport {
  const vocabulary = options.vocabulary ? new Set(options.vocabulary) : undefined;
  const database = sessions.map((session) =>
    session.items.filter((item) => !vocabulary || vocabulary.has(item)).map((item) => [item]),
  );
  const weights = sessions.map((session) => session.count ?? 1);
  let sessionCount = 0;
  let convertedCount = 0;
  sessions.forEach((session, i) => {
    sessionCount += weights[i]!;
    if (session.converted) convertedCount += weights[i]!;
  });
  const abandonedCount = sessionCount - convertedCount;
  const conversionRate = sessionCount > 0 ? convertedCount / sessionCount : 0;

  const found: Omit<SessionPattern, 'adjustedPValue'>[] = [];
  const { minCount, truncated } = searchSequentialPatterns(
    database,
    {
      minSupport: options.minSupport,
      maxLength: options.maxLength,
      maxPatterns: options.maxPatterns ?? 100_000,
      weights,
    },
    (view) => {
      let convertedSupport = 0;
      for (const k of view.supporters) {
        const index = view.encoded.originalIndex[k]!;
        if (sessions[index]!.converted) convertedSupport += weights[index]!;
      }
      const support = view.support;
      const abandonedSupport = support - convertedSupport;
      const patternRate = convertedSupport / support;
      found.push({
        items: patternItemsets(view).map((itemset) => itemset[0]!),
        support,
        supportRatio: support / sessionCount,
        convertedSupport,
        abandonedSupport,
        conversionRate: patternRate,
        conversionLift: conversionRate > 0 ? patternRate / conversionRate : 0,
        supportDifference:
          (convertedCount > 0 ? convertedSupport / convertedCount : 0) -
          (abandonedCount > 0 ? abandonedSupport / abandonedCount : 0),
        pValue: fisherExactTest({
          both: convertedSupport,
          firstOnly: abandonedSupport,
          secondOnly: convertedCount - convertedSupport,
          neither: abandonedCount - abandonedSupport,
        }),
      });
    },
  );
  const adjusted = benjaminiHochberg(found.map((pattern) => pattern.pValue));
  const patterns = found.map((pattern, i) => ({ ...pattern, adjustedPValue: adjusted[i]! }));
  patterns.sort((x, y) => y.support - x.support || x.items.length - y.items.length);
  const alpha = options.alpha ?? 0.05;
  const minDifference = options.minSupportDifference ?? 0;
  const separating = patterns
    .filter((p) => p.adjustedPValue <= alpha && Math.abs(p.supportDifference) >= minDifference)
    .sort(
      (x, y) =>
        Math.abs(y.supportDifference) - Math.abs(x.supportDifference) || x.adjustedPValue - y.adjustedPValue,
    );
  return { sessionCount, convertedCount, conversionRate, minCount, truncated, patterns, separating };
}
