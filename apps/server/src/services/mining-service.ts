// The Pattern Explorer and association analysis as the API and the CLI answer them: the store
// fetches sequences and pair counts compactly (packages/storage, mining-store.ts), the pure
// miners of @centric/analyses compute supports, conversion, figures, tests and corrections.
// Bad parameters become 400 answers; an unknown segment a 404.
import { associations, journeys, patterns } from '@centric/analyses';
import type {
  AssociationReport,
  AssociationWire,
  PatternReport,
  SessionPatternWire,
} from '@centric/contracts';
import { type DayRange, resolveDayRange, toInstantRange } from '@centric/core';
import type {
  AssociationSide,
  CooccurrenceCounts,
  JourneyRules,
  PatternVocabulary,
  Store,
} from '@centric/storage';
import { CentricError } from '../errors';

export interface PatternRequest {
  from?: string | undefined;
  to?: string | undefined;
  vocabulary?: PatternVocabulary | undefined;
  minSupport?: number | undefined;
  maxLength?: number | undefined;
  segmentId?: string | undefined;
  /** Only these actions are mined (default all). */
  items?: readonly string[] | undefined;
  limit?: number | undefined;
}

export type AssociationSort = 'significance' | 'surprise' | 'support' | 'confidence';

export interface AssociationRequest {
  side?: AssociationSide | undefined;
  from?: string | undefined;
  to?: string | undefined;
  minSupport?: number | undefined;
  minConfidence?: number | undefined;
  sort?: AssociationSort | undefined;
  limit?: number | undefined;
}

const BASKET_KINDS: Readonly<Record<AssociationSide, string>> = {
  bought_together: 'orders',
  viewed_together: 'sessions with a product view',
  search_to_product: 'sessions with a search',
  channel_to_category: 'orders with a categorised item',
  segment_to_product: 'customers with an order',
};
/** Sides whose values are product ids on that end, for catalogue labels. */
const PRODUCT_ENDS: Readonly<Record<AssociationSide, { from: boolean; to: boolean }>> = {
  bought_together: { from: true, to: true },
  viewed_together: { from: true, to: true },
  search_to_product: { from: false, to: true },
  channel_to_category: { from: false, to: false },
  segment_to_product: { from: false, to: true },
};

const SORTS: Readonly<Record<AssociationSort, (a: AssociationWire, b: AssociationWire) => number>> = {
  significance: (a, b) => a.adjustedPValue - b.adjustedPValue || b.observed - a.observed,
  surprise: (a, b) => b.surpriseFactor - a.surpriseFactor || b.observed - a.observed,
  support: (a, b) => b.observed - a.observed || b.surpriseFactor - a.surpriseFactor,
  confidence: (a, b) => b.confidence - a.confidence || b.observed - a.observed,
};

export class MiningService {
  constructor(private readonly store: Store) {}

  /**
   * Frequent ordered patterns of the sessions in a range, with conversion and separation.
   *
   * @example await mining.patterns(projectId, { vocabulary: 'page_type', minSupport: 0.02, maxLength: 3 })
   */
  async patterns(projectId: string, input: PatternRequest): Promise<PatternReport> {
    const days = dayRange(input, 30);
    const vocabulary = input.vocabulary ?? 'event';
    const limit = input.limit ?? 200;
    if (input.segmentId !== undefined) await this.requireSegment(projectId, input.segmentId);
    const rows = await this.store.mining.sessionSequences({
      projectId,
      range: toInstantRange(days),
      vocabulary,
      rules: await this.rules(projectId),
      segmentId: input.segmentId,
    });
    const sessions: patterns.Session[] = [];
    const actionSessions = new Map<string, number>();
    rows.forEach((row, i) => {
      // Sessions that did the same are mined once, with their count as the weight.
      sessions.push({
        sessionId: `sequence-${i}`,
        items: row.items,
        converted: row.converted,
        count: row.sessions,
      });
      for (const item of new Set(row.items))
        actionSessions.set(item, (actionSessions.get(item) ?? 0) + row.sessions);
    });
    const report = asQuery(() =>
      patterns.exploreSessionPatterns(sessions, {
        minSupport: input.minSupport ?? 0.01,
        maxLength: input.maxLength ?? 4,
        maxPatterns: 100_000,
        ...(input.items && input.items.length > 0 ? { vocabulary: input.items } : {}),
      }),
    );
    const separating = new Set(report.separating);
    const wire = (p: patterns.SessionPattern): SessionPatternWire => ({
      ...p,
      separating: separating.has(p),
    });
    return {
      from: days.from,
      to: days.to,
      vocabulary,
      segmentId: input.segmentId ?? null,
      sessionCount: report.sessionCount,
      convertedCount: report.convertedCount,
      conversionRate: report.conversionRate,
      minCount: report.minCount,
      truncated: report.truncated,
      patternCount: report.patterns.length,
      patterns: report.patterns.slice(0, limit).map(wire),
      separating: report.separating.slice(0, limit).map(wire),
      actions: [...actionSessions]
        .map(([item, count]) => ({ item, sessions: count }))
        .sort((a, b) => b.sessions - a.sessions || (a.item < b.item ? -1 : 1)),
    };
  }

  /**
   * Associations of one side (A -> B) with observed and expected counts, surprise factor and
   * corrected significance; pairs are counted in the store.
   *
   * @example await mining.associations(projectId, { side: 'bought_together', minSupport: 0.001 })
   */
  async associations(projectId: string, input: AssociationRequest): Promise<AssociationReport> {
    const days = dayRange(input, 90);
    const side = input.side ?? 'bought_together';
    const minConfidence = input.minConfidence ?? 0;
    const limit = input.limit ?? 100;
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new CentricError('invalid_query', `minConfidence must lie in [0, 1], got ${minConfidence}`);
    }
    const classification = await this.rules(projectId);
    const counts = await asQueryAsync(() =>
      this.store.mining.cooccurrence({
        projectId,
        side,
        range: toInstantRange(days),
        rules: classification,
        minSupport: input.minSupport ?? 0.001,
      }),
    );
    const { rules, hypothesisCount } = associationsOf(counts);
    const kept = rules.filter((r) => r.confidence >= minConfidence).sort(SORTS[input.sort ?? 'significance']);
    const listed = kept.slice(0, limit);
    const ends = PRODUCT_ENDS[side];
    const productIds = listed.flatMap((a) => [
      ...(ends.from ? a.antecedent : []),
      ...(ends.to ? a.consequent : []),
    ]);
    return {
      side,
      from: days.from,
      to: days.to,
      basketCount: counts.basketCount,
      basketKind: BASKET_KINDS[side],
      minCount: counts.minCount,
      hypothesisCount,
      truncated: counts.truncated,
      associationCount: kept.length,
      associations: listed,
      labels: await this.store.mining.productLabels(projectId, productIds),
    };
  }

  /** The journeys' classification (page types, marketing channels with the shop's own hosts). */
  private async rules(projectId: string): Promise<JourneyRules> {
    const settings = await this.store.state.projectSettings(projectId);
    return {
      channels: journeys.channelRulesFor(settings.journeys ?? {}),
      pageTypes: journeys.DEFAULT_PAGE_TYPE_RULES,
    };
  }

  private async requireSegment(projectId: string, segmentId: string): Promise<void> {
    if (!(await this.store.segments.get(projectId, segmentId))) {
      throw new CentricError('not_found', `no segment ${segmentId} in this project`);
    }
  }
}

/**
 * Rules from pair counts: each pair of a one-sided kind (products with products) gives A -> B
 * and B -> A, which share one 2x2 table and so one test; cross-side pairs give from -> to. The
 * Benjamini-Hochberg family is every pair of values frequent enough to form a frequent pair,
 * those not returned counted as p = 1 (conservative).
 */
export function associationsOf(counts: CooccurrenceCounts): {
  rules: AssociationWire[];
  hypothesisCount: number;
} {
  const { basketCount, symmetric, fromValues, toValues } = counts;
  const hypothesisCount = Math.max(
    counts.pairs.length,
    symmetric ? (fromValues * (fromValues - 1)) / 2 : fromValues * toValues,
  );
  const tested = counts.pairs.map((pair) => ({
    pair,
    pValue: associations.associationFigures({
      observedCount: pair.observed,
      antecedentCount: pair.fromCount,
      consequentCount: pair.toCount,
      basketCount,
    }).pValue,
  }));
  const adjusted = associations.benjaminiHochberg(
    tested.map((t) => t.pValue),
    { hypothesisCount },
  );
  const rules: AssociationWire[] = [];
  const rule = (
    a: { value: string; count: number },
    b: { value: string; count: number },
    observed: number,
    adjustedPValue: number,
  ): AssociationWire => {
    const figures = associations.associationFigures({
      observedCount: observed,
      antecedentCount: a.count,
      consequentCount: b.count,
      basketCount,
    });
    return {
      antecedent: [a.value],
      consequent: [b.value],
      support: figures.supportRatio,
      confidence: figures.confidence,
      lift: figures.lift,
      observed,
      expected: figures.expectedCount,
      surpriseFactor: figures.surprise,
      antecedentCount: a.count,
      consequentCount: b.count,
      direction:
        observed > figures.expectedCount ? 'more' : observed < figures.expectedCount ? 'less' : 'as-expected',
      pValue: figures.pValue,
      adjustedPValue,
    };
  };
  tested.forEach(({ pair }, i) => {
    const from = { value: pair.from, count: pair.fromCount };
    const to = { value: pair.to, count: pair.toCount };
    rules.push(rule(from, to, pair.observed, adjusted[i]!));
    if (symmetric) rules.push(rule(to, from, pair.observed, adjusted[i]!));
  });
  return { rules, hypothesisCount };
}

export function dayRange(
  input: { from?: string | undefined; to?: string | undefined },
  defaultDays: number,
): DayRange {
  try {
    return resolveDayRange(
      { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) },
      Date.now(),
      defaultDays,
    );
  } catch (error) {
    throw new CentricError('invalid_query', (error as Error).message);
  }
}

/** Runs a miner; its RangeErrors (bad thresholds) become 400 answers. */
export function asQuery<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) throw new CentricError('invalid_query', error.message);
    throw error;
  }
}

async function asQueryAsync<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RangeError) throw new CentricError('invalid_query', error.message);
    throw error;
  }
}
