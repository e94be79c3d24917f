// Typed calls for the segment routes (apps/server/src/routes/segments.routes.ts): saved segments, the
// live preview of a rule being typed, member counts, and the position of a rule's syntax error.
import type { ApiError } from './client';
import { asRecord, list, num, str, strList } from './validate';

export interface SegmentInfo {
  segmentId: string;
  name: string;
  rule: string;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentPreview {
  count: number;
  sample: string[];
}

export interface SegmentMembers {
  count: number;
  profileIds: string[];
}

/** Where a rule stopped making sense, as the server's 400 answer says it. */
export interface RulePosition {
  line: number;
  column: number;
  offset: number;
  expected: string | null;
}

export function parseSegment(body: unknown): SegmentInfo {
  const r = asRecord(body, 'segment');
  return {
    segmentId: str(r, 'segmentId'),
    name: str(r, 'name'),
    rule: str(r, 'rule'),
    createdAt: str(r, 'createdAt'),
    updatedAt: str(r, 'updatedAt'),
  };
}

export function parseSegmentList(body: unknown): SegmentInfo[] {
  return list(asRecord(body, 'body'), 'segments', parseSegment);
}

export function parseSegmentPreview(body: unknown): SegmentPreview {
  const r = asRecord(body, 'body');
  return { count: num(r, 'count'), sample: strList(r, 'sample') };
}

export function parseSegmentMembers(body: unknown): SegmentMembers {
  const r = asRecord(body, 'body');
  return { count: num(r, 'count'), profileIds: strList(r, 'profileIds') };
}

/** DELETE answers 204 without a body. */
export function parseNothing(_body: unknown): null {
  return null;
}

/** The position in a 400 answer about a bad rule; null for any other error. */
export function rulePosition(error: ApiError): RulePosition | null {
  if (error.status !== 400 || typeof error.details !== 'object' || error.details === null) return null;
  const d = error.details as Record<string, unknown>;
  if (typeof d.line !== 'number' || typeof d.column !== 'number') return null;
  return {
    line: d.line,
    column: d.column,
    offset: typeof d.offset === 'number' ? d.offset : 0,
    expected: typeof d.expected === 'string' ? d.expected : null,
  };
}

export const SEGMENTS_PATH = '/v1/segments';
export const SEGMENT_PREVIEW_PATH = '/v1/segments/preview';

export function segmentPath(segmentId: string): string {
  return `/v1/segments/${encodeURIComponent(segmentId)}`;
}

/** Only the count is wanted for the list, so no member ids are sent. */
export function segmentCountPath(segmentId: string): string {
  return `${segmentPath(segmentId)}/members?limit=0`;
}
