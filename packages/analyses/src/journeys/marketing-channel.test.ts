// Marketing-channel and page-type classification by the default rules, case by case.
import { describe, expect, it } from 'vitest';
import { channelRulesFor, classifyMarketingChannel, hostMatches, referrerHost } from './marketing-channel';
import { classifyPageType } from './page-type';

describe('classifyMarketingChannel', () => {
  const cases: [string, Parameters<typeof classifyMarketingChannel>[0], string][] = [
    ['nothing', {}, 'direct'],
    ['newsletter medium', { utmSource: 'newsletter', utmMedium: 'email' }, 'email'],
    ['e-mail source without medium', { utmSource: 'Newsletter' }, 'email'],
    ['affiliate medium', { utmSource: 'awin', utmMedium: 'affiliate' }, 'affiliate'],
    [
      'cpc from google',
      { utmSource: 'google', utmMedium: 'cpc', referrer: 'https://www.google.co.uk/' },
      'paid_search',
    ],
    ['paid medium, upper case and spaces', { utmSource: 'bing', utmMedium: ' PPC ' }, 'paid_search'],
    ['paid social by source', { utmSource: 'facebook', utmMedium: 'cpc' }, 'social'],
    ['paid social by host', { utmMedium: 'paid', referrer: 'https://l.instagram.com/x' }, 'social'],
    ['social medium', { utmSource: 'instagram', utmMedium: 'social' }, 'social'],
    ['social source only', { utmSource: 'pinterest' }, 'social'],
    ['organic medium', { utmSource: 'google', utmMedium: 'organic' }, 'organic_search'],
    ['google referrer, any TLD', { referrer: 'https://www.google.de/search?q=x' }, 'organic_search'],
    ['bing referrer', { referrer: 'https://www.bing.com/' }, 'organic_search'],
    ['social referrer', { referrer: 'https://t.co/abc' }, 'social'],
    ['affiliate network referrer', { referrer: 'https://www.awin1.com/c?x=1' }, 'affiliate'],
    ['other site', { referrer: 'https://www.craftsblog.co.uk/gift-ideas' }, 'referral'],
    ['referral medium', { utmSource: 'partnerblog', utmMedium: 'referral' }, 'referral'],
    ['unknown medium', { utmSource: 'flyer', utmMedium: 'qr' }, 'other'],
    ['campaign only', { utmCampaign: 'spring' }, 'other'],
    ['not a google host', { referrer: 'https://googleblog.example.com/' }, 'referral'],
    ['not a URL', { referrer: 'android-app' }, 'direct'],
  ];
  it.each(cases)('%s', (_, tags, channel) => {
    expect(classifyMarketingChannel(tags)).toBe(channel);
  });

  it('treats a referrer from the shop itself as none', () => {
    const rules = channelRulesFor({ internalHosts: ['myshop.example'] });
    expect(classifyMarketingChannel({ referrer: 'https://www.myshop.example/cart' }, rules)).toBe('direct');
    expect(classifyMarketingChannel({ referrer: 'https://www.myshop.example/cart' })).toBe('referral');
  });

  it('matches hosts by domain suffix or by name under any top-level domain', () => {
    expect(hostMatches('www.bing.com', 'bing.com')).toBe(true);
    expect(hostMatches('notbing.com', 'bing.com')).toBe(false);
    expect(hostMatches('google.co.uk', 'google')).toBe(true);
    expect(hostMatches('googleadservices.com', 'google')).toBe(false);
    expect(referrerHost('HTTPS://WWW.Example.COM:8080/x')).toBe('www.example.com');
  });
});

describe('classifyPageType', () => {
  it.each([
    [{ event: 'Product Viewed', pagePath: null }, 'product'],
    [{ event: 'Order Completed' }, 'confirmation'],
    [{ event: 'Product Added', pagePath: '/products/42' }, 'product'],
    [{ event: 'Home', pagePath: '/' }, 'home'],
    [{ event: null, pagePath: '/' }, 'home'],
    [{ event: null, pagePath: '/C/garden' }, 'category'],
    [{ event: null, pagePath: '/checkout/thank-you' }, 'confirmation'],
    [{ event: null, pagePath: '/checkout/payment' }, 'checkout'],
    [{ event: null, pagePath: '/blog/post' }, 'content'],
    [{ event: 'Signed Up', pagePath: '/somewhere' }, 'other'],
    [{ event: 'Signed Up' }, 'other'],
  ] as const)('%o -> %s', (e, type) => {
    expect(classifyPageType(e)).toBe(type);
  });
});
