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

/** SQL CASE giving the page type of an event (see page-type.ts in packages/analyses). */
export function pageTypeSql(
  d: JourneyDialect,
  rules: PageTypeRules,
  c: { event: string; path: string },
): string {
  return pageTypeCase(d, rules, c, (t) => d.literal(t));
}

/** The same CASE giving the page type's index in PAGE_TYPES: a small integer step code. */
export function pageTypeCodeSql(
  d: JourneyDialect,
  rules: PageTypeRules,
  c: { event: string; path: string },
): string {
  return pageTypeCase(d, rules, c, (t) => String(pageTypeCode(t)));
}

export function pageTypeCode(pageType: string): number {
  const i = (PAGE_TYPES as readonly string[]).indexOf(pageType);
  return i < 0 ? PAGE_TYPES.indexOf('other') : i;
}

function pageTypeCase(
  d: JourneyDialect,
  rules: PageTypeRules,
  c: { event: string; path: string },
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
