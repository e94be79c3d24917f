// Pattern Explorer: frequent ordered behaviour patterns in sessions (PrefixSpan) and their
// relation to conversion; a reader for SPMF sequence files.

export type { SequentialPattern, SequentialPatternOptions, SequentialPatterns } from './prefix-span';
export { mineSequentialPatterns, patternItemsets, searchSequentialPatterns } from './prefix-span';
export type { PatternView } from './prefix-span-search';
export type { EncodedSequences } from './sequence-encoding';
export type {
  Session,
  SessionPattern,
  SessionPatternOptions,
  SessionPatternReport,
} from './session-patterns';
export { exploreSessionPatterns } from './session-patterns';
export type { SequenceDatabase } from './spmf-format';
export { parseSpmfSequences } from './spmf-format';
