// Public entry of @centric/contracts: the event model and the API's wire types and schemas.

export {
  type DateRangeQuery,
  DateRangeQuerySchema,
  DemoInfoSchema,
  ErrorBodySchema,
  type Me,
  MeSchema,
  type Overview,
  OverviewSchema,
  type ProjectInfo,
  type ProjectKeys,
  ProjectKeysSchema,
  ProjectSchema,
} from './api';
export * from './decide-api';
export {
  canonicalEventName,
  ECOMMERCE_EVENTS,
  type EcommerceEvent,
  GA4_EVENT_ALIASES,
  ORDER_EVENT,
  REFUND_EVENT,
  SYSTEM_EVENTS,
} from './ecommerce';
export {
  ERROR_CODES,
  type ErrorBody,
  type ErrorCode,
  type EventError,
  type EventErrorReason,
} from './errors';
export type {
  AliasMessage,
  BatchRequest,
  CampaignContext,
  Channel,
  EventContext,
  GroupMessage,
  IdentifyMessage,
  IngestResponse,
  JsonObject,
  JsonValue,
  Message,
  MessageBase,
  MessageType,
  PageContext,
  PageMessage,
  TrackMessage,
} from './event';
export { CHANNELS, MESSAGE_TYPES } from './event';
export {
  BatchRequestSchema,
  CampaignContextSchema,
  EventContextSchema,
  IngestResponseSchema,
  type MessageInput,
  MessageSchema,
  PageContextSchema,
} from './event-schema';
export {
  type ChannelRule,
  type ChannelRules,
  FUNNEL_BREAKDOWNS,
  FUNNEL_ENTITIES,
  type FunnelBreakdown,
  type FunnelEntity,
  type FunnelStep,
  JOURNEY_PHASES,
  type JourneyPhase,
  type JourneyPhaseDefinition,
  type JourneySettings,
  MARKETING_CHANNELS,
  type MarketingChannel,
  PAGE_TYPES,
  PATH_GROUPINGS,
  type PageType,
  type PageTypeRules,
  type PathGrouping,
  SESSION_OUTCOMES,
  type SessionOutcome,
  type StepMatcher,
} from './journeys';
export {
  ASSOCIATION_SIDES,
  type AssociationQuery,
  AssociationQuerySchema,
  type AssociationReport,
  AssociationReportSchema,
  AssociationSchema,
  type AssociationWire,
  PATTERN_VOCABULARIES,
  type PatternQuery,
  PatternQuerySchema,
  type PatternReport,
  PatternReportSchema,
  type PersonaDiscoverBody,
  PersonaDiscoverBodySchema,
  type PersonaReport,
  PersonaReportSchema,
  PersonaSchema,
  type PersonaSegment,
  PersonaSegmentSchema,
  type PersonaWire,
  SessionPatternSchema,
  type SessionPatternWire,
} from './mining-api';
export type { ProfileTraits } from './profile';
export * from './recommendations-api';
export * from './reports-api';
export * from './search-api';
export * from './segment-ast';
export * from './stream-api';
