// Segments: the rule language (parse, print) and its in-memory evaluation for one visitor. The
// in-store evaluation compiles the same AST to SQL in packages/storage/src/sql/segment-query.ts.

export {
  compileSegment,
  evaluateSegment,
  type SegmentPredicate,
  type SegmentVisitor,
  type SegmentVisitorEvent,
  type SegmentVisitorTraits,
} from './segment-evaluator';
export { type FieldType, TRAIT_TYPES } from './segment-fields';
export { formatSegment } from './segment-format';
export { parseSegment } from './segment-parser';
export { SegmentSyntaxError } from './segment-tokenizer';
export { cartLine } from './segment-visitor';
