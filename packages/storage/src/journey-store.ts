// The JourneyStore contract: customer-journey analyses that run where the events are (session
// summaries, search terms, viewed products and categories, paths, ordered funnels). Implemented
// per backend; see duckdb/duckdb-journey-store.ts. The store answers raw counts, and quantiles
// of durations that cannot be added up later; shares, rates, labels and the Sankey shape are
// derived once in packages/analyses/src/journeys, so every surface shows the same numbers.
//
// Classification rules (marketing channel, page type) come in as plain data from the caller:
// the defaults live in packages/analyses, and the store only compiles them into its SQL.
import type {
  ChannelRules,
  FunnelBreakdown,
  FunnelEntity,
  FunnelStep,
  PageTypeRules,
  PathGrouping,
} from '@centric/contracts';
import type { TimeRange } from './store';

/** Which sessions an analysis reads. */
export interface JourneyScope {
  projectId: string;
  /** Sessions (or funnel entries) whose events fall in the range. */
  range: TimeRange;
  /** Only sessions of current members of this segment (entered and not left). */
  segmentId?: string | undefined;
  /** Only sessions of these profiles. */
  profileIds?: readonly string[] | undefined;
}

export interface JourneyRules {
  channels: ChannelRules;
  pageTypes: PageTypeRules;
}

export interface JourneySummaryQuery extends JourneyScope {
  rules: JourneyRules;
  /** Rows of search terms, products and categories at most (the most frequent). */
  limit: number;
}

export interface JourneySummaryFigures {
  /** Sessions per entry marketing channel, landing page type and outcome (order, cart_abandoned, bounce, browse). */
  sessions: { channel: string; entryPageType: string; outcome: string; sessions: number }[];
  /** Search terms (trimmed, lower case) by searches. */
  searchTerms: { term: string; searches: number; sessions: number; convertingSessions: number }[];
  /** Viewed products by views, with the catalogue title when known. */
  products: {
    productId: string;
    title: string | null;
    views: number;
    sessions: number;
    /** Viewing sessions that added this product to the cart. */
    cartSessions: number;
    convertingSessions: number;
  }[];
  /** Viewed categories (product and list views, pages) by views. */
  categories: { category: string; views: number; sessions: number; convertingSessions: number }[];
}

export interface PathQuery extends JourneyScope {
  rules: JourneyRules;
  groupBy: PathGrouping;
  /** Steps per path, 1..MAX_PATH_DEPTH. */
  depth: number;
  /** Paths from the first time a session takes this step (a step key as grouped). */
  startAt?: string | undefined;
  /** Paths to the first time a session takes this step; answered backward (see PathFigures). */
  endAt?: string | undefined;
  /** Merge repeats of the same step in a row (Product Viewed, Product Viewed -> one step). */
  collapseRepeats: boolean;
}

export interface PathFigures {
  /** Sessions whose paths are counted (those with the anchor step, when one is given). */
  sessions: number;
  /**
   * Per position d (1-based; with endAt counted back from that step) the step there and the one
   * at d + 1, null when the path ends at d. d runs to depth: the step at depth + 1 tells a path
   * that went on from one that ended.
   */
  transitions: { depth: number; step: string; next: string | null; sessions: number }[];
}

export interface FunnelQuery extends JourneyScope {
  rules: JourneyRules;
  steps: readonly FunnelStep[];
  /** The later steps must follow the first within this time. */
  windowMs: number;
  entity: FunnelEntity;
  breakdown?: FunnelBreakdown | undefined;
}

export interface DurationQuantiles {
  p25: number;
  median: number;
  p75: number;
  p90: number;
  mean: number;
}

export interface FunnelGroupFigures {
  /** Breakdown value ('' when the entrant had none); null for all entrants. */
  value: string | null;
  reached: number[];
  /** Per step: time since the last required step before it; null for the first step or when nobody reached it. */
  fromPrevious: (DurationQuantiles | null)[];
  /** Time from the first to the last required step, over those who reached it. */
  toConvert: DurationQuantiles | null;
}

export interface FunnelFigures {
  /** All entrants first (value null), then one group per breakdown value. */
  groups: FunnelGroupFigures[];
}

export interface JourneyStore {
  /** Session counts by entry channel, landing page and outcome; top search terms, products, categories. */
  summary(query: JourneySummaryQuery): Promise<JourneySummaryFigures>;
  /** Step-to-step transitions of the sessions' first steps. */
  paths(query: PathQuery): Promise<PathFigures>;
  /** An ordered funnel with optional steps in a conversion window. */
  funnel(query: FunnelQuery): Promise<FunnelFigures>;
}
