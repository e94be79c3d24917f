// Compiles the classification rules of @centric/contracts (marketing channel, page type) and
// funnel step matchers into SQL expressions (pure: no I/O). The rules' meaning is defined by
// the in-memory classifiers in packages/analyses/src/journeys; duckdb-journey-store.test.ts
// checks that both give the same answers. Rule values are user data (project settings), so
// they only ever reach the SQL through the dialect's literal quoting.
import {
  type ChannelRule,
  type ChannelRules,
  PAGE_TYPES,
  type PageTypeRules,
  type StepMatcher,
} from '@centric/contracts';
import type { JourneyDialect } from './journey-dialect';

/** SQL: whether a lower-case host expression matches a pattern ('bing.com' suffix, 'google' any TLD). */
export function hostMatchSql(d: JourneyDialect, host: string, pattern: string): string {
  const p = pattern.trim().toLowerCase();
  if (p === '') return 'FALSE';
  if (p.includes('.')) return `(${host} = ${d.literal(p)} OR ${d.endsWith(host, d.literal(`.${p}`))})`;
  return d.contains(d.concat(["'.'", host]), d.literal(`.${p}.`));
}

/** The referrer host of a URL expression, '' when none or when it is one of the shop's own. */
export function externalHostSql(d: JourneyDialect, referrer: string, rules: ChannelRules): string {
  const host = d.urlHost(`coalesce(${referrer}, '')`);
  if (rules.internalHosts.length === 0) return host;
  const internal = rules.internalHosts.map((p) => hostMatchSql(d, host, p)).join(' OR ');
  return `CASE WHEN ${internal} THEN '' ELSE ${host} END`;
}

/**
 * SQL CASE giving the marketing channel (see marketing-channel.ts in packages/analyses) from
 * the normalised columns tag_source, tag_medium, tag_campaign (trimmed, lower case, '' for
 * none) and tag_host (the external referrer host, '' for none).
 */
export function channelSql(d: JourneyDialect, rules: ChannelRules): string {
  const inList = (expr: string, values: readonly string[]) =>
    `${expr} IN (${values.map((v) => d.literal(v.trim().toLowerCase())).join(', ')})`;
  const condition = (r: ChannelRule): string | null => {
    const parts: string[] = [];
    if (r.mediums !== undefined) parts.push(r.mediums.length ? inList('tag_medium', r.mediums) : 'FALSE');
    if (r.sources !== undefined) parts.push(r.sources.length ? inList('tag_source', r.sources) : 'FALSE');
    if (r.referrerHosts !== undefined)
      parts.push(
        `(tag_host <> '' AND (${r.referrerHosts.map((p) => hostMatchSql(d, 'tag_host', p)).join(' OR ') || 'FALSE'}))`,
      );
    return parts.length ? parts.join(' AND ') : null;
  };
  const whens = rules.rules.flatMap((r) => {
    const cond = condition(r);
    return cond ? [`WHEN ${cond} THEN ${d.literal(r.channel)}`] : [];
  });
  return `CASE ${whens.join(' ')}
    WHEN tag_source <> '' OR tag_medium <> '' OR tag_campaign <> '' THEN 'other'
    WHEN tag_host <> '' THEN 'referral' ELSE 'direct' END`;
}

/**
 * A subquery (source, medium, campaign, referrer, channel) classifying each distinct landing
 * of `tags`, a relation with those four columns ('' for none, never NULL). Classifying
 * distinct landings rather than sessions runs the rules a few thousand times, not millions.
 */
export function landingChannelsSql(d: JourneyDialect, rules: ChannelRules, tags: string): string {
  const norm = (c: string) => `lower(trim(${c}))`;
  return `SELECT source, medium, campaign, referrer, ${channelSql(d, rules)} AS channel
  FROM (
    SELECT source, medium, campaign, referrer, ${norm('source')} AS tag_source, ${norm('medium')} AS tag_medium,
           ${norm('campaign')} AS tag_campaign, ${externalHostSql(d, 'referrer', rules)} AS tag_host
    FROM (SELECT DISTINCT source, medium, campaign, referrer FROM ${tags}) distinct_tags
  ) normalised`;
}

/** Columns of an event the page type is read from. */
export interface PageColumns {
  event: string;
  path: string;
}

/** SQL CASE giving the page type of an event (see page-type.ts in packages/analyses). */
export function pageTypeSql(d: JourneyDialect, rules: PageTypeRules, c: PageColumns): string {
  return pageTypeCase(d, rules, c, (t) => d.literal(t));
}

/** The same CASE giving the page type's index in PAGE_TYPES: a small integer step code. */
export function pageTypeCodeSql(d: JourneyDialect, rules: PageTypeRules, c: PageColumns): string {
  return pageTypeCase(d, rules, c, (t) => String(pageTypeCode(t)));
}

export function pageTypeCode(pageType: string): number {
  const i = (PAGE_TYPES as readonly string[]).indexOf(pageType);
  return i < 0 ? PAGE_TYPES.indexOf('other') : i;
}

function pageTypeCase(
  d: JourneyDialect,
  rules: PageTypeRules,
  c: PageColumns,
  value: (pageType: string) => string,
): string {
  const byEvent = rules.byEvent.map(
    (r) => `WHEN ${c.event} = ${d.literal(r.event)} THEN ${value(r.pageType)}`,
  );
  const path = `lower(coalesce(${c.path}, ''))`;
  const byPath = rules.byPath.map((r) => {
    const rule = r.path.toLowerCase();
    const test = rule.endsWith('*')
      ? d.startsWith(path, d.literal(rule.slice(0, -1)))
      : `${path} = ${d.literal(rule)}`;
    return `WHEN ${path} <> '' AND ${test} THEN ${value(r.pageType)}`;
  });
  return `CASE ${[...byEvent, ...byPath].join(' ')} ELSE ${value('other')} END`;
}

/** Columns a step matcher reads; pageType: a column already holding the page type, if any. */
export interface MatchColumns {
  event: string;
  path: string;
  category: string;
  pageTypes: PageTypeRules;
  pageType?: string;
}

/** SQL: whether an event matches any of a step's matchers. */
export function matchSql(d: JourneyDialect, match: readonly StepMatcher[], c: MatchColumns): string {
  const parts = match.map((m): string => {
    if (m.kind === 'any') return 'TRUE';
    if (m.kind === 'event') return `${c.event} = ${d.literal(m.value)}`;
    if (m.kind === 'category') return `${c.category} = ${d.literal(m.value)}`;
    return `${c.pageType ?? pageTypeSql(d, c.pageTypes, c)} = ${d.literal(m.value)}`;
  });
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** Steps are bits 0..11 of a step mask (MAX_FUNNEL_STEPS); this bit marks a name with an event rule. */
const RULED_NAME = 2 ** 12;

/**
 * SQL: the steps an event matches as an integer, bit k for steps[k]; the same answer as OR-ing
 * matchSql's tests into bits, worked out cheaply. Event names (with the page types the event
 * rules give them) and categories are looked up in small constant tables: a function of one
 * column, which DuckDB works out once per distinct value of a dictionary-compressed column
 * rather than once per event (ten times faster than IN lists on 10M events). The path decides
 * only for events no event rule names, in one CASE over the path rules whose branches are the
 * bits of the steps asking for that page type, so no page type is spelt out and compared.
 */
export function stepMaskSql(
  d: JourneyDialect,
  steps: readonly (readonly StepMatcher[])[],
  c: { event: string; path: string; category: string; pageTypes: PageTypeRules },
): string {
  // The page type an event rule gives a name: the first rule naming it wins, as in the CASE.
  const ruled = new Map<string, string>();
  for (const r of c.pageTypes.byEvent) if (!ruled.has(r.event)) ruled.set(r.event, r.pageType);
  const bitsOf = (test: (m: StepMatcher) => boolean) =>
    steps.reduce((bits, match, k) => (match.some(test) ? bits | (2 ** k) : bits), 0);
  const names = new Map<string, number>();
  const categories = new Map<string, number>();
  for (const match of steps)
    for (const m of match) {
      if (m.kind === 'event')
        names.set(
          m.value,
          bitsOf((x) => x.kind === 'event' && x.value === m.value),
        );
      if (m.kind === 'category')
        categories.set(
          m.value,
          bitsOf((x) => x.kind === 'category' && x.value === m.value),
        );
    }
  const pageTypes = steps.some((match) => match.some((m) => m.kind === 'page_type'));
  const typeBits = (pageType: string) => bitsOf((m) => m.kind === 'page_type' && m.value === pageType);
  if (pageTypes)
    for (const [name, type] of ruled) names.set(name, ((names.get(name) ?? 0) | typeBits(type)) + RULED_NAME);
  const parts: string[] = [];
  const always = bitsOf((m) => m.kind === 'any');
  if (always) parts.push(String(always));
  const lookup = (expr: string, table: Map<string, number>) =>
    d.lookup(
      expr,
      [...table.keys()].map((k) => d.literal(k)),
      [...table.values()].map(String),
      '0',
    );
  if (categories.size) parts.push(lookup(c.category, categories));
  if (!pageTypes) {
    if (names.size) parts.push(lookup(c.event, names));
    return parts.length ? d.bitwiseOr(parts) : '0';
  }
  const path = `lower(coalesce(${c.path}, ''))`;
  const byPath = c.pageTypes.byPath.map((r) => {
    const rule = r.path.toLowerCase();
    const test = rule.endsWith('*')
      ? d.startsWith(path, d.literal(rule.slice(0, -1)))
      : `${path} = ${d.literal(rule)}`;
    return `WHEN ${path} <> '' AND ${test} THEN ${typeBits(r.pageType)}`;
  });
  const named = names.size ? lookup(c.event, names) : '0';
  // A CASE works out its branch for the rows that take it only: the path rules run for the
  // events without an event rule. The lookup is cheap enough to write twice.
  parts.push(
    `(${named}) & ${RULED_NAME - 1}`,
    `CASE WHEN ((${named}) & ${RULED_NAME}) = 0 THEN CASE ${byPath.join(' ')} ELSE ${typeBits('other')} END ELSE 0 END`,
  );
  return d.bitwiseOr(parts);
}

/**
 * SQL: a cheap test that holds for every event matching one of the matchers, and for few
 * others. A page type is narrowed by the event names only (the names that rule to it, and the
 * events no name rule covers, whose path decides), so no page-type CASE runs in a filter: a
 * filter is pushed down into the scan with the expressions it reads copied in, which would
 * work the CASE out again there.
 */
export function matchPrefilterSql(
  d: JourneyDialect,
  match: readonly StepMatcher[],
  c: { event: string; category: string; pageTypes: PageTypeRules },
): string {
  const ruled = c.pageTypes.byEvent.map((r) => r.event);
  const notRuled = ruled.length
    ? `(${c.event} IS NULL OR NOT ${d.inList(
        c.event,
        ruled.map((e) => d.literal(e)),
      )})`
    : 'TRUE';
  const parts = match.map((m): string => {
    if (m.kind === 'any') return 'TRUE';
    if (m.kind === 'event') return `${c.event} = ${d.literal(m.value)}`;
    if (m.kind === 'category') return `${c.category} = ${d.literal(m.value)}`;
    const named = c.pageTypes.byEvent.filter((r) => r.pageType === m.value).map((r) => d.literal(r.event));
    return named.length ? `(${d.inList(c.event, named)} OR ${notRuled})` : notRuled;
  });
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/**
 * Whether one event could satisfy both steps through the same named event, page type or
 * category: then the later step needs a strictly later event (a repeat order is a second
 * Order Completed, not the first one again). A wildcard does not count: the landing event may
 * well be the search that starts discovery.
 */
export function stepsOverlap(a: readonly StepMatcher[], b: readonly StepMatcher[]): boolean {
  const keys = (ms: readonly StepMatcher[]) =>
    new Set(ms.flatMap((m) => (m.kind === 'any' ? [] : [`${m.kind}\u0000${m.value}`])));
  const ka = keys(a);
  for (const k of keys(b)) if (ka.has(k)) return true;
  return false;
}
