// On-site triggers: targeting, frequency capping, selection and live counts (pure; the decision
// service in apps/server feeds them).
export { cappingAllows, defaultCapping, type TriggerInteraction } from './capping';
export { categoryMatches, type DecisionPage, decisionPage, globMatches, pathOf } from './page-match';
export { RecentBuyers } from './recent-buyers';
export {
  byPriority,
  DWELL_CANCEL_EVENTS,
  messageFor,
  type SelectionContext,
  selectTriggers,
  type TriggerRule,
  targets,
} from './select-triggers';
export {
  DEFAULT_SOCIAL_PROOF_MIN_COUNT,
  type TriggerProblem,
  triggerProblems,
  withDefaults,
} from './trigger-rules';
