// The shopping stream (pure): a personal feed of cards built from plain inputs, ordered, paged.
// Reached as `stream` from @centric/recommend: `stream.buildStream(...)`, `stream.pageStream(...)`.

export { buildStream, type StreamOptions } from './build-stream';
export { KIND_WEIGHT, type StreamCandidate } from './candidates';
export { decodeCursor, encodeCursor, StreamCursorError } from './cursor';
export {
  dedupeByProduct,
  freshness,
  type InterleaveOptions,
  interleave,
  KIND_PRECEDENCE,
  suppressBought,
} from './interleave';
export { DEFAULT_LOYALTY_LADDER, type LoyaltyTier, loyaltyStatus } from './loyalty-tier';
export { cardKey, pageStream, type StreamPage } from './paging';
export { categoryLabel, formatMoney } from './reasons';
export type {
  CatalogueEntry,
  ProductChange,
  ProductInteraction,
  StreamInputs,
  StreamInteractionKind,
  StreamRecommendation,
} from './stream-inputs';
export { favouriteTaste, type Taste } from './taste';
