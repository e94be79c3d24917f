// Public entry of @centric/storage: the store contracts and the embedded DuckDB backend.

export type {
  AnalyticsStore,
  CohortActivity,
  CohortBasis,
  CohortPeriod,
  CustomerKpiFigures,
  CustomerKpiQuery,
  CustomerPeriodFigures,
  RetentionCohortFigures,
  RetentionFigures,
  RetentionQuery,
} from './analytics-store';
export { DuckDbStore } from './duckdb/duckdb-store';
export type {
  DurationQuantiles,
  FunnelFigures,
  FunnelGroupFigures,
  FunnelQuery,
  JourneyRules,
  JourneyScope,
  JourneyStore,
  JourneySummaryFigures,
  JourneySummaryQuery,
  PathFigures,
  PathQuery,
} from './journey-store';
export type {
  AssociationSide,
  BasketQuery,
  CooccurrenceCounts,
  CooccurrenceQuery,
  MiningStore,
  PairCount,
  PatternVocabulary,
  PersonaCustomerFigures,
  PersonaRun,
  SavedPersona,
  SessionSequence,
  SessionSequenceQuery,
  SideBasket,
} from './mining-store';
export type {
  ErasureReport,
  ProfileActivity,
  ProfileExport,
  ProfileMerge,
  ProfileOrder,
  ProfileStore,
  ProfileTraits,
} from './profile-store';
export type {
  AttributionFigures,
  OrderBasket,
  ProfileLink,
  RecommendationStore,
  SavedSlot,
  SessionClick,
} from './recommendation-store';
export type { ReportDefinition, ReportStore, SavedReport } from './report-store';
export type { NoResultFigures, NoResultQueryFigures, PopularQuery, SearchStore } from './search-store';
export type { Segment, SegmentMembers, SegmentStore } from './segment-store';
export { type CompiledQuery, type Dialect, duckdbDialect } from './sql/dialect';
export { type ResolvedEventsOptions, resolvedEventsSql } from './sql/resolved-events';
export type {
  AppendReport,
  CatalogueProduct,
  CustomerRow,
  DemoInfo,
  EventQuery,
  EventStore,
  KeyKind,
  OrderItem,
  OverviewFigures,
  Project,
  ProjectKeys,
  ProjectSettings,
  StateStore,
  Store,
  StoredClvModel,
  StoredEvent,
  TimeRange,
  UpsertReport,
  VisitorSession,
} from './store';
export type {
  DatedProduct,
  ProductChangeRow,
  ProductInteractionRow,
  StreamInteractionEvent,
  StreamStore,
} from './stream-store';
export type {
  SavedTrigger,
  SegmentMemberIdentity,
  TriggerInteractionRow,
  TriggerPerformanceFigures,
  TriggerStore,
} from './trigger-store';
