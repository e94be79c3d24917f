// Customer journeys: marketing-channel and page-type classification, the journey-phase mapping,
// funnel steps, and the shaping of the stores' counts into summaries, Sankey paths and funnel
// reports. Pure functions over plain data, no I/O.

export {
  breakdownLabel,
  type DurationQuantiles,
  type FunnelBreakdownGroup,
  type FunnelComparison,
  type FunnelGroupInput,
  type FunnelInput,
  type FunnelReport,
  type FunnelReportOptions,
  type FunnelStepReport,
  type FunnelSummary,
  funnelReport,
  relativeChange,
} from './funnel-report';
export {
  formatMatcher,
  formatSteps,
  lastRequiredStep,
  MAX_FUNNEL_STEPS,
  parseMatcher,
  parseStep,
  parseSteps,
  previousRequiredStep,
  StepSyntaxError,
  validateSteps,
} from './funnel-steps';
export {
  DEFAULT_PHASE_MAPPING,
  formatPhaseMapping,
  PHASE_LABELS,
  type PhaseMappingText,
  parsePhaseMapping,
  phaseSteps,
  validatePhaseMapping,
} from './journey-phases';
export {
  type ChannelRow,
  JOURNEY_DEFINITIONS,
  type JourneySummary,
  type JourneySummaryInput,
  journeySummary,
  OUTCOME_LABELS,
} from './journey-summary';
export {
  CHANNEL_LABELS,
  channelRulesFor,
  classifyMarketingChannel,
  DEFAULT_CHANNEL_RULES,
  hostMatches,
  type LandingTags,
  referrerHost,
  ruleHasCondition,
} from './marketing-channel';
export { classifyPageType, DEFAULT_PAGE_TYPE_RULES, PAGE_TYPE_LABELS, pathMatches } from './page-type';
export {
  OTHER_STEP,
  PAGE_STEP_PREFIX,
  type PathDirection,
  type PathInput,
  type SankeyData,
  type SankeyLink,
  type SankeyNode,
  type SankeyOptions,
  shapeSankey,
  stepLabel,
} from './sankey';
