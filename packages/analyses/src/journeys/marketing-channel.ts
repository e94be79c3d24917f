// Marketing-channel classification of a session from its landing event's UTM tags and referrer.
// The rules are plain data (ChannelRules in @centric/contracts): this module owns the default
// and classifies in memory; the stores compile the very same rules into SQL, so a session gets
// the same channel wherever it is counted.
//
// The default rules, tried in order (values trimmed, lower case):
//   1. e-mail         medium email / e-mail / newsletter / mail, or source newsletter / email
//   2. affiliate      medium affiliate(s) / partner(s)
//   3. social         a paid medium (cpc, ppc, paid ...) from a social source or host: paid social
//   4. paid search    medium cpc / ppc / paid / paidsearch / paid-search / paid_search / sem
//   5. social         medium social / social-network / social-media / sm / paid-social ...
//   6. social         source facebook / instagram / ... (a tagged social post without medium)
//   7. organic search medium organic
//   8. social         referrer host facebook.com, instagram.com, t.co, x.com, linkedin.com ...
//   9. organic search referrer host google.*, bing.com, yahoo.com, duckduckgo.com, ecosia.org ...
//  10. affiliate      referrer host of an affiliate network (awin1.com, ...)
//  11. referral       medium referral
// then, when none matched: tagged (any UTM) -> other; a referrer from another host -> referral;
// nothing -> direct. A referrer from one of the shop's internal hosts counts as none.
// Sources: GA4's default channel group definitions, reduced to the channels of the issue.
import type { ChannelRule, ChannelRules, MarketingChannel } from '@centric/contracts';

const PAID_MEDIUMS = ['cpc', 'ppc', 'paid', 'paidsearch', 'paid-search', 'paid_search', 'sem'];
const SOCIAL_SOURCES = [
  'facebook',
  'fb',
  'instagram',
  'ig',
  'twitter',
  'x',
  'linkedin',
  'pinterest',
  'tiktok',
  'youtube',
  'reddit',
  'snapchat',
  'whatsapp',
  'threads',
  'mastodon',
];
const SOCIAL_HOSTS = [
  'facebook.com',
  'fb.com',
  'instagram.com',
  't.co',
  'twitter.com',
  'x.com',
  'linkedin.com',
  'lnkd.in',
  'pinterest',
  'pin.it',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'reddit.com',
  'snapchat.com',
  'threads.net',
  'whatsapp.com',
  'xing.com',
];
const SEARCH_HOSTS = [
  'google',
  'bing.com',
  'yahoo.com',
  'duckduckgo.com',
  'ecosia.org',
  'qwant.com',
  'startpage.com',
  'search.brave.com',
  'baidu.com',
  'yandex',
  'naver.com',
  'seznam.cz',
];
const AFFILIATE_HOSTS = [
  'awin1.com',
  'awin.com',
  'tradedoubler.com',
  'cj.com',
  'shareasale.com',
  'impact.com',
];

/** The default classification (see the module header). */
export const DEFAULT_CHANNEL_RULES: ChannelRules = {
  rules: [
    { channel: 'email', mediums: ['email', 'e-mail', 'e_mail', 'newsletter', 'mail'] },
    { channel: 'email', sources: ['newsletter', 'email'] },
    { channel: 'affiliate', mediums: ['affiliate', 'affiliates', 'partner', 'partners'] },
    { channel: 'social', mediums: PAID_MEDIUMS, sources: SOCIAL_SOURCES },
    { channel: 'social', mediums: PAID_MEDIUMS, referrerHosts: SOCIAL_HOSTS },
    { channel: 'paid_search', mediums: PAID_MEDIUMS },
    {
      channel: 'social',
      mediums: [
        'social',
        'social-network',
        'social_network',
        'social-media',
        'social_media',
        'sm',
        'paid-social',
        'paid_social',
        'paidsocial',
      ],
    },
    { channel: 'social', sources: SOCIAL_SOURCES },
    { channel: 'organic_search', mediums: ['organic'] },
    { channel: 'social', referrerHosts: SOCIAL_HOSTS },
    { channel: 'organic_search', referrerHosts: SEARCH_HOSTS },
    { channel: 'affiliate', referrerHosts: AFFILIATE_HOSTS },
    { channel: 'referral', mediums: ['referral'] },
  ],
  internalHosts: [],
};

export const CHANNEL_LABELS: Readonly<Record<MarketingChannel, string>> = {
  direct: 'Direct',
  organic_search: 'Organic search',
  paid_search: 'Paid search',
  social: 'Social',
  email: 'E-mail',
  affiliate: 'Affiliate',
  referral: 'Referral',
  other: 'Other campaigns',
};

/** The default rules with a project's own hosts added. */
export function channelRulesFor(settings: { internalHosts?: readonly string[] } = {}): ChannelRules {
  return {
    rules: DEFAULT_CHANNEL_RULES.rules,
    internalHosts: [...DEFAULT_CHANNEL_RULES.internalHosts, ...(settings.internalHosts ?? [])].map(normalise),
  };
}

/** The host of a referrer URL, lower case; null when there is none. */
export function referrerHost(referrer: string | null | undefined): string | null {
  if (!referrer) return null;
  // The same pattern the SQL uses, so both sides agree on odd input.
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/.exec(referrer.trim().toLowerCase());
  return match?.[1] ? match[1] : null;
}

/**
 * Whether a host matches a pattern: 'bing.com' matches it and its subdomains; 'google' (no
 * dot) matches that label followed by any top-level domain.
 */
export function hostMatches(host: string, pattern: string): boolean {
  const p = normalise(pattern);
  if (p === '') return false;
  if (p.includes('.')) return host === p || host.endsWith(`.${p}`);
  return `.${host}`.includes(`.${p}.`);
}

export interface LandingTags {
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  referrer?: string | null;
}

/**
 * The marketing channel of a session from its landing event.
 *
 * @example classifyMarketingChannel({ utmSource: 'google', utmMedium: 'cpc' }) // 'paid_search'
 */
export function classifyMarketingChannel(
  tags: LandingTags,
  rules: ChannelRules = DEFAULT_CHANNEL_RULES,
): MarketingChannel {
  const source = normalise(tags.utmSource);
  const medium = normalise(tags.utmMedium);
  const campaign = normalise(tags.utmCampaign);
  const rawHost = referrerHost(tags.referrer);
  const host = rawHost && !rules.internalHosts.some((p) => hostMatches(rawHost, p)) ? rawHost : '';
  const matches = (rule: ChannelRule) =>
    (rule.mediums === undefined || rule.mediums.map(normalise).includes(medium)) &&
    (rule.sources === undefined || rule.sources.map(normalise).includes(source)) &&
    (rule.referrerHosts === undefined ||
      (host !== '' && rule.referrerHosts.some((p) => hostMatches(host, p))));
  for (const rule of rules.rules) {
    if (!ruleHasCondition(rule)) continue;
    // An empty value never matches a listed value: '' is "not tagged", not a medium.
    if (rule.mediums !== undefined && medium === '') continue;
    if (rule.sources !== undefined && source === '') continue;
    if (matches(rule)) return rule.channel;
  }
  if (source !== '' || medium !== '' || campaign !== '') return 'other';
  return host !== '' ? 'referral' : 'direct';
}

/** A rule without any list would match everything; such rules are ignored everywhere. */
export function ruleHasCondition(rule: ChannelRule): boolean {
  return rule.mediums !== undefined || rule.sources !== undefined || rule.referrerHosts !== undefined;
}

function normalise(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase();
}
