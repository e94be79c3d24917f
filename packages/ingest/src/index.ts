// Public entry of @centric/ingest: the path from wire messages to stored events.

export { channelOf } from './channel';
export {
  type ClientInfo,
  COOKIELESS_ID_PREFIX,
  CookielessVisitors,
  isCookielessEvent,
  isCookielessMessage,
} from './cookieless-visitor';
export { BufferFullError, type FlushReport } from './event-buffer';
export {
  DEFAULT_EXTERNAL_ID_TRAITS,
  type IdentityLink,
  identityLinksOf,
  type LinkRules,
} from './identity-links';
export { type IngestOptions, IngestPipeline, type IngestRequest, type IngestResult } from './ingest-pipeline';
export { DEFAULT_LIMITS, type IngestLimits } from './limits';
export { type NormalisedEvent, normaliseMessage } from './normalise';
export { type RawMessage, type ValidMessage, validateMessage } from './validate-message';
