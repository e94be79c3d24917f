// Typed calls for the Pattern Explorer, association and persona routes
// (apps/server/src/routes/mining.routes.ts): paths with their query strings and body parsers.
import { asRecord, bool, list, num, numOrNull, str, stringMap, strList, strOrNull } from './validate';

export type PatternVocabulary = 'event' | 'page_type' | 'category';
export type AssociationSide =
  | 'bought_together'
  | 'viewed_together'
  | 'search_to_product'
  | 'channel_to_category'
  | 'segment_to_product';
export type AssociationSort = 'significance' | 'surprise' | 'support' | 'confidence';

export interface SessionPattern {
  items: string[];
  support: number;
  supportRatio: number;
  convertedSupport: number;
  abandonedSupport: number;
  conversionRate: number;
  conversionLift: number;
  supportDifference: number;
  pValue: number;
  adjustedPValue: number;
  separating: boolean;
}

export interface PatternReport {
  from: string;
  to: string;
  vocabulary: string;
  sessionCount: number;
  convertedCount: number;
  conversionRate: number;
  minCount: number;
  truncated: boolean;
  patternCount: number;
  patterns: SessionPattern[];
  separating: SessionPattern[];
  actions: { item: string; sessions: number }[];
}

export interface Association {
  antecedent: string[];
  consequent: string[];
  support: number;
  confidence: number;
  lift: number;
  observed: number;
  expected: number;
  surpriseFactor: number;
  direction: 'more' | 'less' | 'as-expected';
  pValue: number;
  adjustedPValue: number;
}

export interface AssociationReport {
  side: string;
  from: string;
  to: string;
  basketCount: number;
  basketKind: string;
  minCount: number;
  hypothesisCount: number;
  truncated: boolean;
  associationCount: number;
  associations: Association[];
  labels: Record<string, string>;
}

export interface Persona {
  personaId: string;
  name: string;
  description: string;
  traits: { feature: string; phrase: string; effect: number }[];
  size: number;
  share: number;
  revenue: number;
  revenueShare: number;
  orders: number;
  averageOrderValue: number;
  revenuePerCustomer: number;
  segmentId: string | null;
}

export interface PersonaReport {
  runId: string | null;
  from: string | null;
  to: string | null;
  customerCount: number;
  k: number;
  silhouette: number;
  personas: Persona[];
}

export interface PersonaSegment {
  segmentId: string;
  name: string;
  members: number;
}

function parsePattern(value: unknown): SessionPattern {
  const r = asRecord(value, 'pattern');
  return {
    items: strList(r, 'items'),
    support: num(r, 'support'),
    supportRatio: num(r, 'supportRatio'),
    convertedSupport: num(r, 'convertedSupport'),
    abandonedSupport: num(r, 'abandonedSupport'),
    conversionRate: num(r, 'conversionRate'),
    conversionLift: num(r, 'conversionLift'),
    supportDifference: num(r, 'supportDifference'),
    pValue: num(r, 'pValue'),
    adjustedPValue: num(r, 'adjustedPValue'),
    separating: bool(r, 'separating'),
  };
}

export function parsePatternReport(body: unknown): PatternReport {
  const r = asRecord(body, 'body');
  return {
    from: str(r, 'from'),
    to: str(r, 'to'),
    vocabulary: str(r, 'vocabulary'),
    sessionCount: num(r, 'sessionCount'),
    convertedCount: num(r, 'convertedCount'),
    conversionRate: num(r, 'conversionRate'),
    minCount: num(r, 'minCount'),
    truncated: bool(r, 'truncated'),
    patternCount: num(r, 'patternCount'),
    patterns: list(r, 'patterns', parsePattern),
    separating: list(r, 'separating', parsePattern),
    actions: list(r, 'actions', (a) => {
      const x = asRecord(a, 'action');
      return { item: str(x, 'item'), sessions: num(x, 'sessions') };
    }),
  };
}

const DIRECTIONS = new Set(['more', 'less', 'as-expected']);

function parseAssociation(value: unknown): Association {
  const r = asRecord(value, 'association');
  const direction = str(r, 'direction');
  if (!DIRECTIONS.has(direction)) throw new Error(`"direction" is not more, less or as-expected`);
  return {
    antecedent: strList(r, 'antecedent'),
    consequent: strList(r, 'consequent'),
    support: num(r, 'support'),
    confidence: num(r, 'confidence'),
    lift: num(r, 'lift'),
    observed: num(r, 'observed'),
    expected: num(r, 'expected'),
    surpriseFactor: num(r, 'surpriseFactor'),
    direction: direction as Association['direction'],
    pValue: num(r, 'pValue'),
    adjustedPValue: num(r, 'adjustedPValue'),
  };
}

export function parseAssociationReport(body: unknown): AssociationReport {
  const r = asRecord(body, 'body');
  return {
    side: str(r, 'side'),
    from: str(r, 'from'),
    to: str(r, 'to'),
    basketCount: num(r, 'basketCount'),
    basketKind: str(r, 'basketKind'),
    minCount: num(r, 'minCount'),
    hypothesisCount: num(r, 'hypothesisCount'),
    truncated: bool(r, 'truncated'),
    associationCount: num(r, 'associationCount'),
    associations: list(r, 'associations', parseAssociation),
    labels: stringMap(r, 'labels'),
  };
}

function parsePersona(value: unknown): Persona {
  const r = asRecord(value, 'persona');
  return {
    personaId: str(r, 'personaId'),
    name: str(r, 'name'),
    description: str(r, 'description'),
    traits: list(r, 'traits', (t) => {
      const x = asRecord(t, 'trait');
      return { feature: str(x, 'feature'), phrase: str(x, 'phrase'), effect: num(x, 'effect') };
    }),
    size: num(r, 'size'),
    share: num(r, 'share'),
    revenue: num(r, 'revenue'),
    revenueShare: num(r, 'revenueShare'),
    orders: num(r, 'orders'),
    averageOrderValue: num(r, 'averageOrderValue'),
    revenuePerCustomer: num(r, 'revenuePerCustomer'),
    segmentId: strOrNull(r, 'segmentId'),
  };
}

export function parsePersonaReport(body: unknown): PersonaReport {
  const r = asRecord(body, 'body');
  return {
    runId: strOrNull(r, 'runId'),
    from: strOrNull(r, 'from'),
    to: strOrNull(r, 'to'),
    customerCount: num(r, 'customerCount'),
    k: num(r, 'k'),
    silhouette: numOrNull(r, 'silhouette') ?? 0,
    personas: list(r, 'personas', parsePersona),
  };
}

export function parsePersonaSegment(body: unknown): PersonaSegment {
  const r = asRecord(body, 'body');
  const segment = asRecord(r.segment, 'segment');
  return { segmentId: str(segment, 'segmentId'), name: str(segment, 'name'), members: num(r, 'members') };
}

export interface PatternParams {
  from: string;
  to: string;
  vocabulary: PatternVocabulary;
  minSupport: number;
  maxLength: number;
  segment: string | null;
}

export function patternsPath(q: PatternParams): string {
  const params = new URLSearchParams({
    from: q.from,
    to: q.to,
    vocabulary: q.vocabulary,
    minSupport: String(q.minSupport),
    maxLength: String(q.maxLength),
    limit: '200',
  });
  if (q.segment !== null) params.set('segment', q.segment);
  return `/v1/query/patterns?${params.toString()}`;
}

export interface AssociationParams {
  from: string;
  to: string;
  side: AssociationSide;
  minSupport: number;
  minConfidence: number;
  sort: AssociationSort;
}

export function associationsPath(q: AssociationParams): string {
  const params = new URLSearchParams({
    from: q.from,
    to: q.to,
    side: q.side,
    minSupport: String(q.minSupport),
    minConfidence: String(q.minConfidence),
    sort: q.sort,
    limit: '100',
  });
  return `/v1/query/associations?${params.toString()}`;
}

export const PERSONAS_PATH = '/v1/personas';
export const PERSONAS_DISCOVER_PATH = '/v1/personas/discover';
export function personaSegmentPath(personaId: string): string {
  return `/v1/personas/${encodeURIComponent(personaId)}/segment`;
}
