// Recommendation algorithms and their offline evaluation: pure code, no I/O.

export {
  type AlternativesOptions,
  type AlternativesWeights,
  alternativesFor,
  priceCloseness,
} from './alternatives';
export { type BlendOptions, blendWithPopularity, fillUp, personalWeight } from './blend';
export { type Bundle, BundleModel, type BundleModelOptions, type BundleQuery } from './bundles';
export { type CutoffMetrics, hitRate, meanReciprocalRank, metricsAt, rankOf } from './evaluation/metrics';
export {
  evaluateFitted,
  evaluateNextItem,
  groupSessions,
  type NextItemOptions,
  type NextItemRecommender,
  type NextItemResult,
  type TestSession,
} from './evaluation/next-item';
export {
  type AdapterOptions,
  blendedRecommender,
  itemToItemRecommender,
  personalRecommender,
  popularityRecommender,
  type SessionModel,
  sessionModelRecommender,
  trendingRecommender,
} from './evaluation/recommenders';
export { parseSessionTsv } from './evaluation/session-tsv';
export {
  type FilterOptions,
  filterSessions,
  type SplitOptions,
  splitLastDays,
  type TrainTest,
} from './evaluation/time-split';
export {
  CoOccurrence,
  type CoOccurrenceOptions,
  type SimilarityMeasure,
  type SimilarQuery,
} from './item-to-item';
export {
  type Interaction,
  type InteractionKind,
  type PersonalOptions,
  productsYouWillLove,
} from './personal';
export {
  type PopularityEvent,
  PopularityModel,
  type PopularityOptions,
  type PopularQuery,
  type TrendingQuery,
} from './popularity';
export {
  median,
  type Purchase,
  type ReplenishmentItem,
  type ReplenishmentOptions,
  replenishment,
} from './replenishment';
export {
  AssociationRules,
  type AssociationRulesOptions,
  type RuleRecommendOptions,
} from './rules/association-rules';
export { SequentialRules, type SequentialRulesOptions } from './rules/sequential-rules';
export {
  applySlotRules,
  type Boost,
  type Candidate,
  type Pin,
  passesFilters,
  type SlotFilters,
  type SlotItem,
  type SlotRules,
  type Suppression,
} from './rules-engine';
export * from './search/index';
export type { KnnRecommendOptions } from './session-knn/knn-options';
export { SessionIndex, type SessionIndexOptions } from './session-knn/session-index';
export { SKNN, type SknnOptions } from './session-knn/sknn';
export { VSKNN, type VsknnOptions } from './session-knn/vsknn';
export { matchWeight, type PositionWeighting, positionWeight } from './session-knn/weighting';
export * as stream from './stream/index';
export { topK } from './top-k';
export type { ItemId, ProductMeta, ScoredItem, SessionEvent } from './types';
