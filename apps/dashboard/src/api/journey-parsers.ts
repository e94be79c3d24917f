// Response checks of the journey routes: untyped JSON in, the typed answers of journeys.ts out,
// with a readable error naming the field that did not fit.
import type {
  FunnelBreakdown,
  FunnelReport,
  JourneySettings,
  JourneySummary,
  JourneysResponse,
  PathGrouping,
  PathsResponse,
  PhaseFunnelReport,
  PhaseMappingEntry,
  Quantiles,
  Row,
  SankeyData,
  Scoped,
} from './journeys';
import { asRecord, bool, type JsonRecord, list, num, numOrNull, str, strList, strOrNull } from './validate';

const nums = (r: JsonRecord, key: string) => list(r, key, (v) => (typeof v === 'number' ? v : 0));
const quantiles = (value: unknown): Quantiles | null => {
  if (value === null || value === undefined) return null;
  const r = asRecord(value, 'quantiles');
  return {
    p25: num(r, 'p25'),
    median: num(r, 'median'),
    p75: num(r, 'p75'),
    p90: num(r, 'p90'),
    mean: num(r, 'mean'),
  };
};
const scoped = (r: JsonRecord): Scoped => ({
  from: str(r, 'from'),
  to: str(r, 'to'),
  segmentId: strOrNull(r, 'segmentId'),
});

function parseSummary(value: unknown): JourneySummary {
  const r = asRecord(value, 'summary');
  const row =
    (keyName: string) =>
    (v: unknown): Row => {
      const e = asRecord(v, keyName);
      return {
        key: str(e, keyName),
        label: str(e, 'label'),
        sessions: num(e, 'sessions'),
        share: numOrNull(e, 'share'),
        conversionRate: numOrNull(e, 'conversionRate'),
        bounceRate: numOrNull(e, 'bounceRate'),
      };
    };
  return {
    sessions: num(r, 'sessions'),
    convertingSessions: num(r, 'convertingSessions'),
    conversionRate: numOrNull(r, 'conversionRate'),
    channels: list(r, 'channels', row('channel')),
    entryPages: list(r, 'entryPages', row('pageType')),
    outcomes: list(r, 'outcomes', (v) => {
      const e = asRecord(v, 'outcome');
      return {
        outcome: str(e, 'outcome'),
        label: str(e, 'label'),
        sessions: num(e, 'sessions'),
        share: numOrNull(e, 'share'),
      };
    }),
    searchTerms: list(r, 'searchTerms', (v) => {
      const e = asRecord(v, 'search term');
      return {
        term: str(e, 'term'),
        searches: num(e, 'searches'),
        sessions: num(e, 'sessions'),
        conversionRate: numOrNull(e, 'conversionRate'),
      };
    }),
    products: list(r, 'products', (v) => {
      const e = asRecord(v, 'product');
      return {
        productId: str(e, 'productId'),
        title: strOrNull(e, 'title'),
        views: num(e, 'views'),
        sessions: num(e, 'sessions'),
        cartRate: numOrNull(e, 'cartRate'),
        conversionRate: numOrNull(e, 'conversionRate'),
      };
    }),
    categories: list(r, 'categories', (v) => {
      const e = asRecord(v, 'category');
      return {
        category: str(e, 'category'),
        views: num(e, 'views'),
        sessions: num(e, 'sessions'),
        conversionRate: numOrNull(e, 'conversionRate'),
      };
    }),
    definitions: Object.fromEntries(
      Object.entries(asRecord(r.definitions, 'definitions')).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    ),
  };
}

export function parseJourneys(body: unknown): JourneysResponse {
  const r = asRecord(body, 'body');
  const c = r.comparison === null || r.comparison === undefined ? null : asRecord(r.comparison, 'comparison');
  return {
    ...scoped(r),
    summary: parseSummary(r.summary),
    comparison: c === null ? null : { ...scoped(c), summary: parseSummary(c.summary) },
  };
}

function parseSankey(value: unknown): SankeyData {
  const r = asRecord(value, 'sankey');
  const direction = str(r, 'direction');
  return {
    direction: direction === 'backward' ? 'backward' : 'forward',
    depth: num(r, 'depth'),
    sessions: num(r, 'sessions'),
    nodes: list(r, 'nodes', (v) => {
      const n = asRecord(v, 'node');
      return {
        id: str(n, 'id'),
        column: num(n, 'column'),
        step: str(n, 'step'),
        label: str(n, 'label'),
        sessions: num(n, 'sessions'),
        share: numOrNull(n, 'share'),
        ends: num(n, 'ends'),
        endShare: numOrNull(n, 'endShare'),
      };
    }),
    links: list(r, 'links', (v) => {
      const l = asRecord(v, 'link');
      return {
        source: str(l, 'source'),
        target: str(l, 'target'),
        sessions: num(l, 'sessions'),
        share: numOrNull(l, 'share'),
        ofNode: numOrNull(l, 'ofNode'),
      };
    }),
  };
}

export function parsePaths(body: unknown): PathsResponse {
  const r = asRecord(body, 'body');
  const c = r.comparison === null || r.comparison === undefined ? null : asRecord(r.comparison, 'comparison');
  return {
    ...scoped(r),
    groupBy: str(r, 'groupBy') as PathGrouping,
    sankey: parseSankey(r.sankey),
    comparison: c === null ? null : { ...scoped(c), sankey: parseSankey(c.sankey) },
  };
}

export function parseFunnel(body: unknown): FunnelReport {
  const r = asRecord(body, 'body');
  const b = r.breakdown === null || r.breakdown === undefined ? null : asRecord(r.breakdown, 'breakdown');
  const p = r.previous === null || r.previous === undefined ? null : asRecord(r.previous, 'previous');
  const range =
    r.previousRange === null || r.previousRange === undefined
      ? null
      : asRecord(r.previousRange, 'previousRange');
  return {
    ...scoped(r),
    entity: str(r, 'entity') === 'profile' ? 'profile' : 'session',
    window: str(r, 'window'),
    definition: str(r, 'definition'),
    entrants: num(r, 'entrants'),
    converted: num(r, 'converted'),
    conversionRate: numOrNull(r, 'conversionRate'),
    timeToConvert: quantiles(r.timeToConvert),
    steps: list(r, 'steps', (v) => {
      const s = asRecord(v, 'step');
      return {
        index: num(s, 'index'),
        label: str(s, 'label'),
        optional: bool(s, 'optional'),
        reached: num(s, 'reached'),
        conversionFromPrevious: numOrNull(s, 'conversionFromPrevious'),
        conversionFromStart: numOrNull(s, 'conversionFromStart'),
        dropOff: num(s, 'dropOff'),
        timeFromPrevious: quantiles(s.timeFromPrevious),
      };
    }),
    breakdown:
      b === null
        ? null
        : {
            dimension: str(b, 'dimension') as FunnelBreakdown,
            hidden: num(b, 'hidden'),
            groups: list(b, 'groups', (v) => {
              const g = asRecord(v, 'group');
              return {
                value: str(g, 'value'),
                label: str(g, 'label'),
                entrants: num(g, 'entrants'),
                converted: num(g, 'converted'),
                conversionRate: numOrNull(g, 'conversionRate'),
                timeToConvert: quantiles(g.timeToConvert),
              };
            }),
          },
    previousRange: range === null ? null : { from: str(range, 'from'), to: str(range, 'to') },
    previous:
      p === null
        ? null
        : {
            entrants: num(p, 'entrants'),
            converted: num(p, 'converted'),
            conversionRate: numOrNull(p, 'conversionRate'),
            reached: nums(p, 'reached'),
            conversionRateChange: numOrNull(p, 'conversionRateChange'),
          },
  };
}

function parseMapping(r: JsonRecord, key: string): PhaseMappingEntry[] {
  return list(r, key, (v) => {
    const m = asRecord(v, 'phase');
    return { phase: str(m, 'phase'), match: strList(m, 'match'), optional: m.optional === true };
  });
}

export function parsePhaseFunnel(body: unknown): PhaseFunnelReport {
  const r = asRecord(body, 'body');
  return {
    ...parseFunnel(body),
    mapping: parseMapping(r, 'mapping'),
    customMapping: bool(r, 'customMapping'),
  };
}

export function parseJourneySettings(body: unknown): JourneySettings {
  const r = asRecord(body, 'body');
  return {
    phases: parseMapping(r, 'phases'),
    internalHosts: strList(r, 'internalHosts'),
    customMapping: bool(r, 'customMapping'),
  };
}
