// Words and plain-data rules of customer-journey analysis, shared by the pure analyses (which
// own the defaults and classify in memory), the stores (which compile the same rules into SQL)
// and the API. Rules are data, not code, so one definition drives every backend and stays
// configurable per project.

/** Where a session came from, by its landing event's UTM tags and referrer. */
export const MARKETING_CHANNELS = [
  'direct',
  'organic_search',
  'paid_search',
  'social',
  'email',
  'affiliate',
  'referral',
  'other',
] as const;
export type MarketingChannel = (typeof MARKETING_CHANNELS)[number];

/**
 * One classification rule: it matches when every list it has matches (a list matches when the
 * value is one of it). Values compare trimmed and in lower case.
 */
export interface ChannelRule {
  channel: MarketingChannel;
  /** utm_medium values. */
  mediums?: readonly string[];
  /** utm_source values. */
  sources?: readonly string[];
  /**
   * Referrer hosts. 'bing.com' matches bing.com and its subdomains; a name without a dot
   * ('google') matches that name under any top-level domain (google.de, www.google.co.uk).
   */
  referrerHosts?: readonly string[];
}

export interface ChannelRules {
  /** Tried in order; the first that matches gives the channel. */
  rules: readonly ChannelRule[];
  /** The shop's own hosts: a referrer from them is no referrer (patterns as in referrerHosts). */
  internalHosts: readonly string[];
}

/** What kind of shop page an event happened on. */
export const PAGE_TYPES = [
  'home',
  'search',
  'category',
  'product',
  'cart',
  'checkout',
  'confirmation',
  'account',
  'content',
  'other',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface PageTypeRules {
  /** Events that name their page type whatever their path (Product Viewed -> product). */
  byEvent: readonly { event: string; pageType: PageType }[];
  /** Tried in order on the page path: '/' matches exactly, '/products/*' by prefix. */
  byPath: readonly { path: string; pageType: PageType }[];
}

/** How a session ended. */
export const SESSION_OUTCOMES = ['order', 'cart_abandoned', 'bounce', 'browse'] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

/** The phases of DESIGN.md, in journey order. */
export const JOURNEY_PHASES = [
  'awareness',
  'discovery',
  'consideration',
  'intent',
  'purchase',
  'experience',
  'loyalty',
] as const;
export type JourneyPhase = (typeof JOURNEY_PHASES)[number];

/** Which events a funnel step (or a journey phase) accepts. */
export type StepMatcher =
  | { kind: 'event'; value: string }
  | { kind: 'page_type'; value: string }
  | { kind: 'category'; value: string }
  | { kind: 'any' };

export interface FunnelStep {
  label: string;
  /** Any of these. */
  match: readonly StepMatcher[];
  /** Counted, but not needed to reach the later steps. */
  optional: boolean;
}

export interface JourneyPhaseDefinition {
  phase: JourneyPhase;
  match: readonly StepMatcher[];
  optional: boolean;
}

/** Per-project journey settings (kept in the project settings). */
export interface JourneySettings {
  /** The phase mapping; the default when absent. */
  phases?: JourneyPhaseDefinition[];
  /** The shop's own hosts, whose referrers count as none. */
  internalHosts?: string[];
}

/** What a path step is named after. */
export const PATH_GROUPINGS = ['event', 'page_type', 'category'] as const;
export type PathGrouping = (typeof PATH_GROUPINGS)[number];

/** What a funnel follows: one visit, or a customer across visits. */
export const FUNNEL_ENTITIES = ['session', 'profile'] as const;
export type FunnelEntity = (typeof FUNNEL_ENTITIES)[number];

/** How funnel entrants are split: entry marketing channel, device channel, viewed category. */
export const FUNNEL_BREAKDOWNS = ['marketing_channel', 'channel', 'category'] as const;
export type FunnelBreakdown = (typeof FUNNEL_BREAKDOWNS)[number];
