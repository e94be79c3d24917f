// The MiningStore contract: what the pattern, association and persona miners need from the
// data, fetched compactly where the data is. The store answers sequences, baskets and counts;
// support thresholds, figures (confidence, lift, surprise), tests and clustering are computed
// once in packages/analyses, so every backend and every surface shows the same numbers.
// Implemented per backend; see duckdb/duckdb-mining-store.ts.
import type { JourneyRules } from './journey-store';
import type { TimeRange } from './store';

/** What a session's actions are read as for the Pattern Explorer. */
export type PatternVocabulary = 'event' | 'page_type' | 'category';

export interface SessionSequenceQuery {
  projectId: string;
  /** Events in the range; sessions are cut at its edges. */
  range: TimeRange;
  vocabulary: PatternVocabulary;
  /** Page-type rules (the journeys' classification); needed for the page_type vocabulary. */
  rules?: JourneyRules | undefined;
  /** Only sessions of profiles that are members of this segment now. */
  segmentId?: string | undefined;
  /** Runs of the same action count once (default true): ten product views are one step. */
  collapseRepeats?: boolean;
  /** Actions kept per session, the first ones (default 100): bots do not blow up the search. */
  maxItems?: number;
}

/** Sessions that did the same actions in the same order, with the same outcome, counted once. */
export interface SessionSequence {
  items: string[];
  /** The sessions placed an order (not cancelled). */
  converted: boolean;
  /** How many sessions did exactly this. */
  sessions: number;
}

/** The two sides an association links. */
export type AssociationSide =
  | 'bought_together'
  | 'viewed_together'
  | 'search_to_product'
  | 'channel_to_category'
  | 'segment_to_product';

export interface BasketQuery {
  projectId: string;
  side: AssociationSide;
  range: TimeRange;
  /** Marketing-channel rules (the journeys' classification); needed for channel_to_category. */
  rules?: JourneyRules | undefined;
}

/** One basket seen from both sides; for bought/viewed together both sides are the products. */
export interface SideBasket {
  from: string[];
  to: string[];
}

export interface CooccurrenceQuery extends BasketQuery {
  /**
   * Pairs in fewer baskets are not returned; side values in fewer baskets take part in none. A
   * share of the baskets in (0, 1] becomes ceil(share x baskets), as the miners of analyses do.
   */
  minSupport: number | { count: number };
  /** Most pairs returned, most frequent first (default 20,000). */
  limit?: number;
}

/** Counts of one pair: baskets with both, with the from value, with the to value. */
export interface PairCount {
  from: string;
  to: string;
  observed: number;
  fromCount: number;
  toCount: number;
}

export interface CooccurrenceCounts {
  /** Baskets of the side (orders, sessions, customers ...). */
  basketCount: number;
  /** The minimum count applied. */
  minCount: number;
  /** True when both sides are the same values (products): each pair appears once, from < to. */
  symmetric: boolean;
  /** Values of each side in at least minCount baskets: the candidates the pairs come from. */
  fromValues: number;
  toValues: number;
  /** Pairs with observed >= minCount, most frequent first. */
  pairs: PairCount[];
  /** True when `limit` cut the list. */
  truncated: boolean;
}

/** Behaviour and value of one customer (matches `personas.CustomerBehaviour` of analyses). */
export interface PersonaCustomerFigures {
  profileId: string;
  recencyDays: number;
  orders: number;
  revenue: number;
  items: number;
  sessions: number;
  channelSessions: Record<string, number>;
  categoryItems: Record<string, number>;
  mobileSessions: number | null;
  couponOrders: number;
  visitIntervalDays: number | null;
}

/** A persona as saved by a discovery run. */
export interface SavedPersona {
  personaId: string;
  runId: string;
  name: string;
  /** JSON text of the persona as the API answers it. */
  summary: string;
  createdAt: number;
  segmentId: string | null;
  size: number;
}

export interface PersonaRun {
  runId: string;
  createdAt: number;
  personas: { personaId: string; name: string; summary: string; profileIds: readonly string[] }[];
}

export interface MiningStore {
  /** Per distinct (actions, converted) of the sessions in the range: how many sessions. */
  sessionSequences(query: SessionSequenceQuery): Promise<SessionSequence[]>;
  /** Every basket of a side with its values on each side (for FP-Growth and small data). */
  baskets(query: BasketQuery): Promise<SideBasket[]>;
  /** Pair counts of a side computed in the store (large data: no basket leaves it). */
  cooccurrence(query: CooccurrenceQuery): Promise<CooccurrenceCounts>;
  /** Catalogue titles of these products, where known (labels for association tables). */
  productLabels(projectId: string, productIds: readonly string[]): Promise<Record<string, string>>;
  /** Behaviour and value of every customer with an order in the range. */
  personaCustomers(query: { projectId: string; range: TimeRange }): Promise<PersonaCustomerFigures[]>;
  /**
   * Saves a discovery run with its members; personas of earlier runs that no segment uses are
   * removed in the same transaction.
   */
  savePersonaRun(projectId: string, run: PersonaRun): Promise<void>;
  /** Personas of the latest run (or of `runId`), largest first. */
  listPersonas(projectId: string, query?: { runId?: string }): Promise<SavedPersona[]>;
  getPersona(projectId: string, personaId: string): Promise<SavedPersona | null>;
  /** Records the segment made of a persona (it is then kept across discoveries). */
  linkPersonaSegment(projectId: string, personaId: string, segmentId: string): Promise<void>;
}
