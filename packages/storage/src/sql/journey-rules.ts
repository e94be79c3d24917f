// Compiles the classification rules of @centric/contracts (marketing channel, page type) and
// funnel step matchers into SQL expressions (pure: no I/O). The rules' meaning is defined by
// the in-memory classifiers in packages/analyses/src/journeys; duckdb-journey-store.test.ts
// checks that both give the same answers. Rule values are user data (project settings), so
// they only ever reach the SQL through the dialect's literal quoting.
import type { ChannelRule, ChannelRules, PageTypeRules, PathGrouping, StepMatcher } from '@centric/contracts';
import type { JourneyDialect } from './journey-dialect';

/** Page types of events that name no category, when paths are grouped by category. */
export const PAGE_STEP_PREFIX = 'page:';

const norm = (expr: string) => `lower(trim(coalesce(${expr}, '')))`;

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

export interface LandingColumns {
  /** SQL expressions of the landing event's tags (raw values, may be NULL). */
  source: string;
  medium: string;
  campaign: string;
  /** The external referrer host ('' when none), e.g. from externalHostSql. */
  host: string;
}

/** SQL CASE giving the marketing channel (see marketing-channel.ts in packages/analyses). */
export function channelSql(d: JourneyDialect, rules: ChannelRules, c: LandingColumns): string {
  const source = norm(c.source);
  const medium = norm(c.medium);
  const campaign = norm(c.campaign);
  const inList = (expr: string, values: readonly string[]) =>
    `${expr} IN (${values.map((v) => d.literal(v.trim().toLowerCase())).join(', ')})`;
  const condition = (r: ChannelRule): string | null => {
    const parts: string[] = [];
    if (r.mediums !== undefined) parts.push(r.mediums.length ? inList(medium, r.mediums) : 'FALSE');
    if (r.sources !== undefined) parts.push(r.sources.length ? inList(source, r.sources) : 'FALSE');
    if (r.referrerHosts !== undefined)
      parts.push(
        `(${c.host} <> '' AND (${r.referrerHosts.map((p) => hostMatchSql(d, c.host, p)).join(' OR ') || 'FALSE'}))`,
      );
    return parts.length ? parts.join(' AND ') : null;
  };
  const whens = rules.rules.flatMap((r) => {
    const cond = condition(r);
    return cond ? [`WHEN ${cond} THEN ${d.literal(r.channel)}`] : [];
  });
  return `CASE ${whens.join(' ')}
    WHEN ${source} <> '' OR ${medium} <> '' OR ${campaign} <> '' THEN 'other'
    WHEN ${c.host} <> '' THEN 'referral' ELSE 'direct' END`;
}

/** SQL CASE giving the page type of an event (see page-type.ts in packages/analyses). */
export function pageTypeSql(
  d: JourneyDialect,
  rules: PageTypeRules,
  c: { event: string; path: string },
): string {
  const byEvent = rules.byEvent.map(
    (r) => `WHEN ${c.event} = ${d.literal(r.event)} THEN ${d.literal(r.pageType)}`,
  );
  const path = `lower(coalesce(${c.path}, ''))`;
  const byPath = rules.byPath.map((r) => {
    const rule = r.path.toLowerCase();
    const test = rule.endsWith('*')
      ? d.startsWith(path, d.literal(rule.slice(0, -1)))
      : `${path} = ${d.literal(rule)}`;
    return `WHEN ${path} <> '' AND ${test} THEN ${d.literal(r.pageType)}`;
  });
  return `CASE ${[...byEvent, ...byPath].join(' ')} ELSE 'other' END`;
}

/** SQL: the step key of an event under a grouping (event name, page type, or category). */
export function stepKeySql(
  d: JourneyDialect,
  groupBy: PathGrouping,
  rules: PageTypeRules,
  c: { event: string; type: string; path: string; category: string },
): string {
  switch (groupBy) {
    case 'event':
      // Page events carry the page's name when it has one.
      return `coalesce(${c.event}, CASE WHEN ${c.type} = 'page' THEN 'Page Viewed' ELSE '(unnamed)' END)`;
    case 'page_type':
      return pageTypeSql(d, rules, c);
    case 'category':
      return `coalesce(nullif(${c.category}, ''), ${d.concat([d.literal(PAGE_STEP_PREFIX), pageTypeSql(d, rules, c)])})`;
  }
}

/** SQL: whether an event matches any of a step's matchers. */
export function matchSql(
  d: JourneyDialect,
  match: readonly StepMatcher[],
  c: { event: string; path: string; category: string; pageTypes: PageTypeRules },
): string {
  const parts = match.map((m): string => {
    if (m.kind === 'any') return 'TRUE';
    if (m.kind === 'event') return `${c.event} = ${d.literal(m.value)}`;
    if (m.kind === 'category') return `${c.category} = ${d.literal(m.value)}`;
    return `${pageTypeSql(d, c.pageTypes, c)} = ${d.literal(m.value)}`;
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
