// Six hand-checked sessions for the journey analyses (see duckdb-journey-store.test.ts), all in
// March 2026. Steps are one minute apart unless said.
//   s1 a1   newsletter/email   Home, Products Searched "Mug ", Product Viewed p1 x2, Product Added p1, Order Completed o1 (+10 min)
//   s2 a2   google.de referrer Product Viewed p2, Product Added p2 (+5 min)                     -> cart abandoned
//   s3 a3   t.co referrer      Home                                                             -> bounce
//   s4 u4   direct             Home, Product List Viewed Garden, Product Viewed p2, Product Added p2, Order Completed o4 (+20 min), cancelled next day
//   s5 a5   google/cpc         Home, Products Searched "mug", Product Viewed p1                   -> browse
//   s6 u4   craftsblog, app    Home, Product Viewed p1, Product Added p1, Order Completed o6 (+30 min), two days after s4
import type { StoredEvent } from '../store';
import { storedEvent } from './event-factory';

const at = (time: string) => Date.parse(`2026-03-${time}:00Z`);
const MIN = 60_000;

export function journeyFixture(projectId: string): StoredEvent[] {
  const events: StoredEvent[] = [];
  const session = (
    sessionId: string,
    who: { anonymousId: string; userId?: string },
    start: number,
    steps: (Partial<StoredEvent> & { offsetMin?: number })[],
  ) => {
    steps.forEach(({ offsetMin, ...e }, i) => {
      const timestamp = start + (offsetMin ?? i) * MIN;
      events.push(storedEvent({ projectId, userId: null, ...who, sessionId, timestamp, ...e }));
    });
  };
  const home = (extra: Partial<StoredEvent> = {}) => ({
    type: 'page' as const,
    event: 'Home',
    pagePath: '/',
    ...extra,
  });
  const viewed = (productId: string, category: string) => ({
    event: 'Product Viewed',
    productId,
    category,
    pagePath: `/products/${productId}`,
  });
  const added = (productId: string, category: string) => ({
    event: 'Product Added',
    productId,
    category,
    pagePath: `/products/${productId}`,
  });
  const order = (orderId: string, offsetMin: number, revenue: number) => ({
    event: 'Order Completed',
    orderId,
    revenue,
    currency: 'EUR',
    offsetMin,
  });

  session('s1', { anonymousId: 'a1' }, at('02T10:00'), [
    home({ utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'march' }),
    { event: 'Products Searched', query: 'Mug ', pagePath: '/search' },
    viewed('p1', 'Kitchen'),
    viewed('p1', 'Kitchen'),
    added('p1', 'Kitchen'),
    order('o1', 10, 20),
  ]);
  // Not behaviour: never a step.
  events.push(
    storedEvent({
      projectId,
      type: 'identify',
      event: null,
      anonymousId: 'a1',
      sessionId: 's1',
      timestamp: at('02T10:00') + 30_000,
    }),
  );
  session('s2', { anonymousId: 'a2' }, at('02T11:00'), [
    { ...viewed('p2', 'Garden'), referrer: 'https://www.google.de/' },
    { ...added('p2', 'Garden'), offsetMin: 5 },
  ]);
  session('s3', { anonymousId: 'a3' }, at('02T12:00'), [home({ referrer: 'https://t.co/abc' })]);
  session('s4', { anonymousId: 'a4', userId: 'u4' }, at('02T13:00'), [
    home(),
    { event: 'Product List Viewed', category: 'Garden', pagePath: '/c/garden' },
    // A referrer after the landing (a link followed inside the shop) is not where s4 came from.
    { ...viewed('p2', 'Garden'), referrer: 'https://www.facebook.com/' },
    added('p2', 'Garden'),
    order('o4', 20, 35),
  ]);
  events.push(
    storedEvent({
      projectId,
      event: 'Order Cancelled',
      orderId: 'o4',
      anonymousId: 'a4',
      userId: 'u4',
      sessionId: null,
      timestamp: at('03T08:00'),
    }),
  );
  session('s5', { anonymousId: 'a5' }, at('02T14:00'), [
    home({ utmSource: 'google', utmMedium: 'cpc', referrer: 'https://www.google.co.uk/' }),
    { event: 'Products Searched', query: 'mug', pagePath: '/search' },
    viewed('p1', 'Kitchen'),
  ]);
  session('s6', { anonymousId: 'a4', userId: 'u4' }, at('04T09:00'), [
    home({ referrer: 'https://www.craftsblog.co.uk/gift-ideas', channel: 'app' }),
    { ...viewed('p1', 'Kitchen'), channel: 'app' },
    { ...added('p1', 'Kitchen'), channel: 'app' },
    { ...order('o6', 30, 20), channel: 'app' },
  ]);
  return events;
}
