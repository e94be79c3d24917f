// The entry channel of a session (how the visit came in), from its first event's UTM fields and
// referrer, in the groups web analytics uses (GA's default channel grouping, simplified): paid
// search, email, social, affiliate, display, organic search, referral, direct; visits on the app
// or in a store are named by that channel. Pure SQL text over an events alias.

const SEARCH_ENGINES = ['google.', 'bing.', 'duckduckgo.', 'yahoo.', 'ecosia.', 'baidu.', 'yandex.', 'qwant.'];
const SOCIAL_SITES = [
  'facebook.',
  'instagram.',
  'twitter.',
  't.co/',
  'x.com',
  'linkedin.',
  'pinterest.',
  'tiktok.',
  'youtube.',
  'reddit.',
];

const anyOf = (column: string, parts: readonly string[]) =>
  `(${parts.map((part) => `contains(lower(${column}), '${part}')`).join(' OR ')})`;

/**
 * The entry channel of an event row alias `e` (use it on the first event of a session).
 *
 * @example `SELECT ${entryChannelSql('e')} AS entry_channel FROM events e`
 */
export function entryChannelSql(e: string): string {
  const medium = `lower(${e}.utm_medium)`;
  return `CASE
    WHEN ${e}.channel IN ('app', 'store', 'service') THEN ${e}.channel
    WHEN ${medium} IN ('cpc', 'ppc', 'paid', 'paidsearch', 'paid_search', 'sem') THEN 'paid search'
    WHEN ${medium} IN ('email', 'e-mail', 'newsletter') THEN 'email'
    WHEN ${medium} IN ('social', 'paid-social', 'paid_social', 'social-paid', 'socialmedia') THEN 'social'
    WHEN ${medium} = 'affiliate' THEN 'affiliate'
    WHEN ${medium} IN ('display', 'banner', 'cpm') THEN 'display'
    WHEN ${medium} = 'organic' THEN 'organic search'
    WHEN ${medium} IS NOT NULL THEN ${medium}
    WHEN ${e}.referrer IS NULL OR ${e}.referrer = '' THEN 'direct'
    WHEN ${anyOf(`${e}.referrer`, SEARCH_ENGINES)} THEN 'organic search'
    WHEN ${anyOf(`${e}.referrer`, SOCIAL_SITES)} THEN 'social'
    ELSE 'referral' END`;
}
