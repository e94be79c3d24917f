// Public entry of @centric/core: pure domain rules shared by ingest, stores and analyses.

export {
  type DayRange,
  dayOf,
  daysOf,
  type InstantRange,
  isDay,
  resolveDayRange,
  toInstantRange,
} from './date-range';
export {
  assignSession,
  DEFAULT_SESSION_TIMEOUT_MS,
  fnv1a64,
  type SessionDecision,
  type SessionEvent,
  type SessionState,
  sessionIdFor,
} from './sessionise';
export {
  byPriority,
  cappingAllows,
  categoryMatches,
  DEFAULT_SOCIAL_PROOF_MIN_COUNT,
  type DecisionPage,
  DWELL_CANCEL_EVENTS,
  decisionPage,
  defaultCapping,
  globMatches,
  messageFor,
  pathOf,
  RecentBuyers,
  type SelectionContext,
  selectTriggers,
  type TriggerInteraction,
  type TriggerProblem,
  type TriggerRule,
  targets,
  triggerProblems,
  withDefaults,
} from './triggers';
