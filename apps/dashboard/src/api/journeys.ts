// Typed calls for the journey routes (apps/server/src/routes/journeys.routes.ts): the journey
// summary, paths as Sankey data, ad-hoc and journey-phase funnels, and the journey settings;
// their answers are checked in journey-parsers.ts. Rates stay in per cent as the API sends
// them; times in milliseconds.

export type PathGrouping = 'event' | 'page_type' | 'category';
export type FunnelEntity = 'session' | 'profile';
export type FunnelBreakdown = 'marketing_channel' | 'channel' | 'category';

/** What the shown numbers are compared with, side by side. */
export type Comparison =
  | { kind: 'none' }
  | { kind: 'period'; from: string; to: string }
  | { kind: 'segment'; segment: string };

export interface Scope {
  from: string;
  to: string;
  segment: string | null;
}

export interface Scoped {
  from: string;
  to: string;
  segmentId: string | null;
}

export interface Row {
  key: string;
  label: string;
  sessions: number;
  share: number | null;
  conversionRate: number | null;
  bounceRate: number | null;
}

export interface JourneySummary {
  sessions: number;
  convertingSessions: number;
  conversionRate: number | null;
  channels: Row[];
  outcomes: { outcome: string; label: string; sessions: number; share: number | null }[];
  entryPages: Row[];
  searchTerms: { term: string; searches: number; sessions: number; conversionRate: number | null }[];
  products: {
    productId: string;
    title: string | null;
    views: number;
    sessions: number;
    cartRate: number | null;
    conversionRate: number | null;
  }[];
  categories: { category: string; views: number; sessions: number; conversionRate: number | null }[];
  definitions: Record<string, string>;
}

export interface SankeyNode {
  id: string;
  column: number;
  step: string;
  label: string;
  sessions: number;
  share: number | null;
  ends: number;
  endShare: number | null;
}

export interface SankeyLink {
  source: string;
  target: string;
  sessions: number;
  share: number | null;
  ofNode: number | null;
}

export interface SankeyData {
  direction: 'forward' | 'backward';
  depth: number;
  sessions: number;
  nodes: SankeyNode[];
  links: SankeyLink[];
}

export interface Quantiles {
  p25: number;
  median: number;
  p75: number;
  p90: number;
  mean: number;
}

export interface FunnelStepRow {
  index: number;
  label: string;
  optional: boolean;
  reached: number;
  conversionFromPrevious: number | null;
  conversionFromStart: number | null;
  dropOff: number;
  timeFromPrevious: Quantiles | null;
}

export interface FunnelReport extends Scoped {
  entity: FunnelEntity;
  window: string;
  definition: string;
  entrants: number;
  converted: number;
  conversionRate: number | null;
  timeToConvert: Quantiles | null;
  steps: FunnelStepRow[];
  breakdown: {
    dimension: FunnelBreakdown;
    hidden: number;
    groups: {
      value: string;
      label: string;
      entrants: number;
      converted: number;
      conversionRate: number | null;
      timeToConvert: Quantiles | null;
    }[];
  } | null;
  previousRange: { from: string; to: string } | null;
  previous: {
    entrants: number;
    converted: number;
    conversionRate: number | null;
    reached: number[];
    conversionRateChange: number | null;
  } | null;
}

export interface PhaseMappingEntry {
  phase: string;
  match: string[];
  optional: boolean;
}

export interface PhaseFunnelReport extends FunnelReport {
  mapping: PhaseMappingEntry[];
  customMapping: boolean;
}

export interface JourneysResponse extends Scoped {
  summary: JourneySummary;
  comparison: (Scoped & { summary: JourneySummary }) | null;
}

export interface PathsResponse extends Scoped {
  groupBy: PathGrouping;
  sankey: SankeyData;
  comparison: (Scoped & { sankey: SankeyData }) | null;
}

export interface JourneySettings {
  phases: PhaseMappingEntry[];
  internalHosts: string[];
  customMapping: boolean;
}

export const JOURNEY_SETTINGS_PATH = '/v1/settings/journeys';

function scopeParams(scope: Scope, comparison: Comparison = { kind: 'none' }): URLSearchParams {
  const params = new URLSearchParams({ from: scope.from, to: scope.to });
  if (scope.segment !== null) params.set('segment', scope.segment);
  if (comparison.kind === 'period') {
    params.set('compareFrom', comparison.from);
    params.set('compareTo', comparison.to);
  } else if (comparison.kind === 'segment') params.set('compareSegment', comparison.segment);
  return params;
}

export function journeysPath(scope: Scope, comparison: Comparison): string {
  return `/v1/query/journeys?${scopeParams(scope, comparison).toString()}`;
}

export interface PathSettings {
  groupBy: PathGrouping;
  depth: number;
  anchor: 'start' | 'from' | 'to';
  step: string;
  collapse: boolean;
}

export function pathsPath(scope: Scope, comparison: Comparison, s: PathSettings): string {
  const params = scopeParams(scope, comparison);
  params.set('groupBy', s.groupBy);
  params.set('depth', String(s.depth));
  if (s.collapse) params.set('collapse', 'true');
  if (s.anchor === 'from' && s.step !== '') params.set('startAt', s.step);
  if (s.anchor === 'to' && s.step !== '') params.set('endAt', s.step);
  return `/v1/query/paths?${params.toString()}`;
}

export interface FunnelSettings {
  window: string;
  entity: FunnelEntity;
  breakdown: FunnelBreakdown | null;
  comparePrevious: boolean;
}

function funnelParams(scope: Scope, s: FunnelSettings): URLSearchParams {
  const params = scopeParams(scope);
  params.set('window', s.window);
  params.set('entity', s.entity);
  if (s.breakdown !== null) params.set('breakdown', s.breakdown);
  if (s.comparePrevious) params.set('comparePrevious', 'true');
  return params;
}

/** Steps as the API's text: a trailing ? marks an optional step. */
export function funnelPath(
  scope: Scope,
  s: FunnelSettings,
  steps: readonly { text: string; optional: boolean }[],
): string {
  const params = funnelParams(scope, s);
  params.set('steps', steps.map((st) => `${st.text.trim()}${st.optional ? '?' : ''}`).join(','));
  return `/v1/query/funnel?${params.toString()}`;
}

export function phaseFunnelPath(scope: Scope, s: FunnelSettings): string {
  return `/v1/query/journey-phases?${funnelParams(scope, s).toString()}`;
}
