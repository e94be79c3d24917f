// Feature vectors for persona discovery: one row per customer from value (RFM), behaviour
// (category affinities, channel and device shares, coupon use, basket size, visit rhythm).
// Why each transform:
// - counts and amounts are right-skewed (a few customers order 50 times), so they are taken as
//   log(1 + x) before standardising, else a handful of wholesalers would be one persona each;
// - every feature is then standardised (z-score) so euros and shares weigh alike; a feature
//   that does not vary (no device data, one channel) is dropped;
// - a group of share features (categories, channels) is scaled by 1/sqrt(size), so eight
//   categories weigh like one feature in the squared distance and do not drown value and rhythm;
// - a missing visit rhythm (one session only) takes the median of the others.
// Raw means are kept next to the standardised matrix: descriptions speak in orders and shares.
import type { PointMatrix } from './k-means';

/** What the store answers per customer (a profile with at least one order in the range). */
export interface CustomerBehaviour {
  profileId: string;
  /** Days from the last order to the end of the range. */
  recencyDays: number;
  orders: number;
  revenue: number;
  /** Items bought (quantities summed). */
  items: number;
  sessions: number;
  /** Sessions per channel (web, app, store ...). */
  channelSessions: Readonly<Record<string, number>>;
  /** Items bought per category. */
  categoryItems: Readonly<Record<string, number>>;
  /** Sessions on a mobile device; null when none of the customer's events says its device. */
  mobileSessions: number | null;
  /** Orders with a coupon or discount. */
  couponOrders: number;
  /** Median days between the starts of consecutive sessions; null with fewer than two. */
  visitIntervalDays: number | null;
}

export type FeatureKind =
  | 'recency'
  | 'orders'
  | 'revenue'
  | 'basket'
  | 'coupon'
  | 'channel'
  | 'mobile'
  | 'category'
  | 'rhythm';

/** One column of the feature matrix. */
export interface PersonaFeature {
  /** e.g. 'orders', 'channel:app', 'category:Kitchen'. */
  key: string;
  kind: FeatureKind;
  /** The channel or category, for share features. */
  label: string | null;
  /** The raw value of a customer (orders, a share in [0, 1], days ...). */
  raw: (c: CustomerBehaviour) => number | null;
  /** Counts and amounts are compared in log space; shares as they are. */
  logScale: boolean;
}

export interface FeatureOptions {
  /** Categories with the most buying customers that get a share feature (default 8). */
  maxCategories?: number;
  /** Channels with the most customers that get a share feature (default 5). */
  maxChannels?: number;
}

export interface FeatureMatrix {
  features: PersonaFeature[];
  /** Raw values (missing rhythm imputed), n x features, row-major. */
  raw: Float64Array;
  /** Standardised and weighted values for the distance: n x features. */
  points: PointMatrix;
  /** Mean and standard deviation per feature in the (log) space standardised. */
  mean: Float64Array;
  sd: Float64Array;
  /** Group weight of each feature (1, or 1/sqrt(size) for categories and channels). */
  weights: Float64Array;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** The keys that most customers have, most first; ties by name for determinism. */
function topKeys(customers: readonly CustomerBehaviour[], of: (c: CustomerBehaviour) => object, max: number) {
  const seen = new Map<string, number>();
  for (const c of customers) for (const key of Object.keys(of(c))) seen.set(key, (seen.get(key) ?? 0) + 1);
  return [...seen.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([key]) => key);
}

/** The candidate features for these customers, before zero-variance ones are dropped. */
export function candidateFeatures(
  customers: readonly CustomerBehaviour[],
  { maxCategories = 8, maxChannels = 5 }: FeatureOptions = {},
): PersonaFeature[] {
  const fixed: PersonaFeature[] = [
    { key: 'recency_days', kind: 'recency', label: null, raw: (c) => c.recencyDays, logScale: true },
    { key: 'orders', kind: 'orders', label: null, raw: (c) => c.orders, logScale: true },
    { key: 'revenue', kind: 'revenue', label: null, raw: (c) => Math.max(0, c.revenue), logScale: true },
    { key: 'basket_size', kind: 'basket', label: null, raw: (c) => share(c.items, c.orders), logScale: true },
    {
      key: 'coupon_share',
      kind: 'coupon',
      label: null,
      raw: (c) => share(c.couponOrders, c.orders),
      logScale: false,
    },
    {
      key: 'visit_interval_days',
      kind: 'rhythm',
      label: null,
      raw: (c) => c.visitIntervalDays,
      logScale: true,
    },
  ];
  const mobile: PersonaFeature[] = customers.some((c) => c.mobileSessions !== null)
    ? [
        {
          key: 'mobile_share',
          kind: 'mobile',
          label: 'mobile',
          raw: (c) => share(c.mobileSessions ?? 0, c.sessions),
          logScale: false,
        },
      ]
    : [];
  const channels = topKeys(customers, (c) => c.channelSessions, maxChannels).map(
    (channel): PersonaFeature => ({
      key: `channel:${channel}`,
      kind: 'channel',
      label: channel,
      raw: (c) => share(c.channelSessions[channel] ?? 0, c.sessions),
      logScale: false,
    }),
  );
  const categories = topKeys(customers, (c) => c.categoryItems, maxCategories).map(
    (category): PersonaFeature => ({
      key: `category:${category}`,
      kind: 'category',
      label: category,
      raw: (c) => share(c.categoryItems[category] ?? 0, sumOf(c.categoryItems)),
      logScale: false,
    }),
  );
  return [...fixed, ...mobile, ...channels, ...categories];
}

function sumOf(record: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const key in record) total += record[key]!;
  return total;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The standardised feature matrix of the customers.
 *
 * @example
 * const { features, points } = buildFeatureMatrix(customers);
 * features.map((f) => f.key) // ['recency_days', 'orders', ..., 'channel:app', 'category:Kitchen']
 */
export function buildFeatureMatrix(
  customers: readonly CustomerBehaviour[],
  options: FeatureOptions = {},
): FeatureMatrix {
  const n = customers.length;
  const candidates = candidateFeatures(customers, options);
  const columns = candidates.map((feature) => {
    const values = customers.map((c) => feature.raw(c));
    const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
    const fill = median(known);
    const raw = values.map((v) => (v === null || !Number.isFinite(v) ? fill : v));
    const scaled = raw.map((v) => (feature.logScale ? Math.log1p(Math.max(0, v)) : v));
    const mean = scaled.reduce((s, v) => s + v, 0) / Math.max(1, n);
    const variance = scaled.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n);
    return { feature, raw, scaled, mean, sd: Math.sqrt(variance) };
  });
  const kept = columns.filter((c) => c.sd > 1e-12);
  const groupSize = (kind: FeatureKind) => kept.filter((c) => c.feature.kind === kind).length;
  const weights = kept.map((c) =>
    c.feature.kind === 'category' || c.feature.kind === 'channel'
      ? 1 / Math.sqrt(groupSize(c.feature.kind))
      : 1,
  );
  const d = kept.length;
  const raw = new Float64Array(n * d);
  const values = new Float64Array(n * d);
  kept.forEach((column, x) => {
    for (let i = 0; i < n; i++) {
      raw[i * d + x] = column.raw[i]!;
      values[i * d + x] = ((column.scaled[i]! - column.mean) / column.sd) * weights[x]!;
    }
  });
  return {
    features: kept.map((c) => c.feature),
    raw,
    points: { values, n, d },
    mean: Float64Array.from(kept.map((c) => c.mean)),
    sd: Float64Array.from(kept.map((c) => c.sd)),
    weights: Float64Array.from(weights),
  };
}
