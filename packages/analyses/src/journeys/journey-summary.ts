// Shapes the store's session counts into the journey summary: where sessions enter (marketing
// channel, landing page type), how they end (order, cart abandoned, bounce, browse), which
// search terms, products and categories they meet, each with shares and conversion rates in %.
// The definitions travel with the numbers so the dashboard and the CLI explain them the same way.
import {
  MARKETING_CHANNELS,
  type MarketingChannel,
  type PageType,
  SESSION_OUTCOMES,
  type SessionOutcome,
} from '@centric/contracts';
import { percentOf } from '../kpis/customer-kpis';
import { CHANNEL_LABELS } from './marketing-channel';
import { PAGE_TYPE_LABELS } from './page-type';

/** Raw figures as the store answers them (see @centric/storage JourneySummaryFigures). */
export interface JourneySummaryInput {
  /** Sessions per entry channel, landing page type and outcome. */
  sessions: readonly { channel: string; entryPageType: string; outcome: string; sessions: number }[];
  searchTerms: readonly { term: string; searches: number; sessions: number; convertingSessions: number }[];
  products: readonly {
    productId: string;
    title: string | null;
    views: number;
    sessions: number;
    cartSessions: number;
    convertingSessions: number;
  }[];
  categories: readonly { category: string; views: number; sessions: number; convertingSessions: number }[];
}

export const OUTCOME_LABELS: Readonly<Record<SessionOutcome, string>> = {
  order: 'Order',
  cart_abandoned: 'Cart abandoned',
  bounce: 'Bounce',
  browse: 'Browsed, left',
};

export const JOURNEY_DEFINITIONS: Readonly<Record<string, string>> = {
  session: 'A visit: 30 minutes without an event or a new campaign starts a new one.',
  channel:
    'Marketing channel of the landing event: UTM medium and source first (e-mail, affiliate, paid search, social, organic), then the referrer host (social networks, search engines, affiliate networks, other sites = referral), else direct.',
  order: 'The session has an Order Completed that was not cancelled.',
  cart_abandoned: 'The session added to the cart (Product Added) but has no order.',
  bounce: 'The session has one event only and no cart.',
  browse: 'Every other session: several events, no cart, no order.',
  conversionRate: 'Sessions with an order ÷ sessions, in %.',
  cartRate: 'Sessions that viewed the product and added it to the cart ÷ sessions that viewed it, in %.',
};

export interface ChannelRow {
  channel: MarketingChannel;
  label: string;
  sessions: number;
  share: number | null;
  outcomes: Record<SessionOutcome, number>;
  conversionRate: number | null;
  bounceRate: number | null;
}

export interface JourneySummary {
  sessions: number;
  convertingSessions: number;
  conversionRate: number | null;
  channels: ChannelRow[];
  outcomes: { outcome: SessionOutcome; label: string; sessions: number; share: number | null }[];
  entryPages: {
    pageType: string;
    label: string;
    sessions: number;
    share: number | null;
    conversionRate: number | null;
    bounceRate: number | null;
  }[];
  searchTerms: {
    term: string;
    searches: number;
    sessions: number;
    convertingSessions: number;
    conversionRate: number | null;
  }[];
  products: {
    productId: string;
    title: string | null;
    views: number;
    sessions: number;
    cartSessions: number;
    cartRate: number | null;
    conversionRate: number | null;
  }[];
  categories: { category: string; views: number; sessions: number; conversionRate: number | null }[];
  definitions: Record<string, string>;
}

const noOutcomes = (): Record<SessionOutcome, number> => ({
  order: 0,
  cart_abandoned: 0,
  bounce: 0,
  browse: 0,
});

/**
 * The journey summary from raw figures.
 *
 * @example journeySummary(await store.journeys.summary({ projectId, range, rules, limit: 10 }))
 */
export function journeySummary(input: JourneySummaryInput): JourneySummary {
  const channels = new Map<string, Record<SessionOutcome, number>>();
  const pages = new Map<string, Record<SessionOutcome, number>>();
  const outcomes = noOutcomes();
  let sessions = 0;
  for (const row of input.sessions) {
    const outcome = (SESSION_OUTCOMES as readonly string[]).includes(row.outcome)
      ? (row.outcome as SessionOutcome)
      : 'browse';
    for (const [map, key] of [
      [channels, row.channel],
      [pages, row.entryPageType],
    ] as const) {
      const counts = map.get(key) ?? noOutcomes();
      counts[outcome] += row.sessions;
      map.set(key, counts);
    }
    outcomes[outcome] += row.sessions;
    sessions += row.sessions;
  }
  const sum = (o: Record<SessionOutcome, number>) => o.order + o.cart_abandoned + o.bounce + o.browse;
  const channelRows = [...channels.entries()]
    .map(([channel, o]): ChannelRow => {
      const n = sum(o);
      const known = (MARKETING_CHANNELS as readonly string[]).includes(channel);
      return {
        channel: (known ? channel : 'other') as MarketingChannel,
        label: CHANNEL_LABELS[(known ? channel : 'other') as MarketingChannel],
        sessions: n,
        share: percentOf(n, sessions),
        outcomes: o,
        conversionRate: percentOf(o.order, n),
        bounceRate: percentOf(o.bounce, n),
      };
    })
    .sort((a, b) => b.sessions - a.sessions || a.channel.localeCompare(b.channel));
  const entryPages = [...pages.entries()]
    .map(([pageType, o]) => {
      const n = sum(o);
      return {
        pageType,
        label: PAGE_TYPE_LABELS[pageType as PageType] ?? pageType,
        sessions: n,
        share: percentOf(n, sessions),
        conversionRate: percentOf(o.order, n),
        bounceRate: percentOf(o.bounce, n),
      };
    })
    .sort((a, b) => b.sessions - a.sessions || a.pageType.localeCompare(b.pageType));
  return {
    sessions,
    convertingSessions: outcomes.order,
    conversionRate: percentOf(outcomes.order, sessions),
    channels: channelRows,
    outcomes: SESSION_OUTCOMES.map((outcome) => ({
      outcome,
      label: OUTCOME_LABELS[outcome],
      sessions: outcomes[outcome],
      share: percentOf(outcomes[outcome], sessions),
    })),
    entryPages,
    searchTerms: input.searchTerms.map((t) => ({
      ...t,
      conversionRate: percentOf(t.convertingSessions, t.sessions),
    })),
    products: input.products.map((p) => ({
      productId: p.productId,
      title: p.title,
      views: p.views,
      sessions: p.sessions,
      cartSessions: p.cartSessions,
      cartRate: percentOf(p.cartSessions, p.sessions),
      conversionRate: percentOf(p.convertingSessions, p.sessions),
    })),
    categories: input.categories.map((c) => ({
      category: c.category,
      views: c.views,
      sessions: c.sessions,
      conversionRate: percentOf(c.convertingSessions, c.sessions),
    })),
    definitions: { ...JOURNEY_DEFINITIONS },
  };
}
