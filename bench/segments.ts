// Segment evaluation for one visitor in memory (the real-time path of decisions): how long one
// rule takes on a visitor with a few hundred events. Target: under 1 ms.
//   npm run bench -- segments [--events 300] [--iterations 2000]
// Every sample gets fresh event objects, as a request that just loaded them would, so the
// per-event cache of parsed properties does not flatter the figure; compiling the rule is not
// timed (rules are compiled once and reused).
import { segments } from '@centric/analyses';
import { argValue, printFigure } from './figures';

const RULES = [
  'cart_value > 100 and session.orders = 0',
  'count(event = "Product Viewed" and category = "Shoes") within 7 days >= 3',
  'orders >= 2 and last_order > 90 days ago',
  'lifecycle_stage in ("at risk", "lapsed") or rfm_segment = "Champions"',
  'sum(revenue of event = "Order Completed") within 30 days > 200',
  'exists(event = "Coupon Applied" and channel = "app") within 14 days',
  'not (count_distinct(product_id of event = "Product Viewed") >= 5 or avg(price of event = "Product Added") > 50)',
  'count(properties.color = "red" and page_path contains "/p/") in session >= 2',
];
const DAY = 86_400_000;
const NAMES = [
  'Product Viewed',
  'Product Viewed',
  'Product Added',
  'Product Removed',
  'Coupon Applied',
  'Order Completed',
];

function visitorEvents(count: number, now: number): segments.SegmentVisitorEvent[] {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  return Array.from({ length: count }, (_, i) => {
    const event = NAMES[Math.floor(rnd() * NAMES.length)]!;
    const productId = `p-${Math.floor(rnd() * 40)}`;
    return {
      messageId: `m-${i}`,
      type: 'track',
      event,
      sessionId: `s-${Math.floor(i / 15)}`,
      channel: rnd() < 0.3 ? 'app' : 'web',
      timestamp: now - (count - i) * 0.2 * DAY,
      productId,
      orderId: event === 'Order Completed' ? `o-${i}` : null,
      revenue: event === 'Order Completed' ? 20 + Math.floor(rnd() * 200) : null,
      value: null,
      currency: 'EUR',
      quantity: event === 'Product Added' ? 1 + Math.floor(rnd() * 3) : null,
      query: null,
      category: rnd() < 0.4 ? 'Shoes' : 'Bags',
      utmSource: null,
      utmMedium: null,
      utmCampaign: null,
      utmTerm: null,
      utmContent: null,
      pagePath: `/p/${productId}`,
      referrer: null,
      properties: JSON.stringify({ price: 5 + Math.floor(rnd() * 100), color: rnd() < 0.5 ? 'red' : 'blue' }),
    };
  });
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export default async function bench(args: string[]): Promise<void> {
  const eventCount = Number(argValue(args, '--events') ?? 300);
  const iterations = Number(argValue(args, '--iterations') ?? 2000);
  const now = Date.parse('2026-03-20T12:00:00Z');
  const events = visitorEvents(eventCount, now);
  const traits: segments.SegmentVisitorTraits = {
    firstSeen: now - 300 * DAY,
    lastSeen: now - DAY,
    events: eventCount,
    sessions: 20,
    channels: ['web', 'app'],
    orders: 4,
    revenue: 420,
    averageOrderValue: 105,
    firstOrderAt: now - 250 * DAY,
    lastOrderAt: now - 120 * DAY,
    rfmRecency: 2,
    rfmFrequency: 4,
    rfmMonetary: 4,
    rfmSegment: 'At risk',
    lifecycleStage: 'at risk',
    historicClv: 420,
    predictedClv: 180,
    churnProbability: 0.55,
    expectedPurchases52w: 1.2,
  };
  const predicates = RULES.map((rule) => segments.compileSegment(segments.parseSegment(rule)));
  const all: number[] = [];
  const perRule: number[][] = RULES.map(() => []);
  let members = 0;
  for (let i = 0; i < iterations; i++) {
    const fresh = events.map((e) => ({ ...e }));
    for (let r = 0; r < predicates.length; r++) {
      const started = process.hrtime.bigint();
      if (predicates[r]!({ traits, events: fresh, now })) members++;
      const us = Number(process.hrtime.bigint() - started) / 1000;
      // The first rounds warm up the JIT; a long-running server is past them.
      if (i < iterations / 10) continue;
      all.push(us);
      perRule[r]!.push(us);
    }
  }
  all.sort((a, b) => a - b);
  const label = { events: eventCount, rules: RULES.length, samples: all.length, matched: members };
  const round = (v: number) => Math.round(v * 100) / 100;
  printFigure({
    bench: 'segments',
    metric: 'segment_eval_us_p50',
    value: round(percentile(all, 0.5)),
    unit: 'us',
    ...label,
  });
  printFigure({
    bench: 'segments',
    metric: 'segment_eval_us_p99',
    value: round(percentile(all, 0.99)),
    unit: 'us',
    ...label,
  });
  RULES.forEach((rule, r) => {
    const sorted = perRule[r]!.sort((a, b) => a - b);
    printFigure({
      bench: 'segments',
      metric: 'segment_rule_eval_us_p99',
      value: round(percentile(sorted, 0.99)),
      unit: 'us',
      rule,
    });
  });
}
