// Persona discovery: customers clustered on behaviour and value with k-means++ on standardised
// features, k chosen by the mean silhouette over a range (or given), each cluster described by
// what sets it apart, with its size and value. k-means rather than k-prototypes: the
// categorical signals (channel, device, category) enter as shares of each customer's sessions
// or items, which are numeric and more informative than a customer's single "main" channel.

import { kMeans, type PointMatrix } from './k-means';
import { describePersona, type PersonaTrait } from './persona-descriptions';
import { buildFeatureMatrix, type CustomerBehaviour, type FeatureOptions } from './persona-features';
import { meanSilhouette, silhouetteSample } from './silhouette';

/** Fewer starts while comparing ks: the comparison needs a good clustering, not the best one. */
const SELECTION_RESTARTS = 2;
/** Iterations stop once 1 in 10,000 customers or fewer still change persona. */
const TOLERANCE = 1e-4;

export interface PersonaOptions extends FeatureOptions {
  /** A fixed number of personas; when absent k is chosen in [kMin, kMax] by silhouette. */
  k?: number;
  /** Smallest k tried (default 2). */
  kMin?: number;
  /** Largest k tried (default 8). */
  kMax?: number;
  /** Seed of k-means++ (default 42): same data and seed, same personas. */
  seed?: number;
  /** Customers the silhouette is computed on at most (default 2,000). */
  silhouetteSampleSize?: number;
  /**
   * Customers k is chosen on at most (default 10,000): each k is tried on a seeded sample, and
   * only the chosen k is fitted on everyone, so 200,000 customers cost one full fit, not seven.
   */
  selectionSampleSize?: number;
}

/** One persona: a cluster of customers and what sets it apart. */
export interface Persona {
  /** 0-based, largest persona first. */
  index: number;
  name: string;
  description: string;
  traits: PersonaTrait[];
  size: number;
  /** size / all customers clustered. */
  share: number;
  revenue: number;
  /** revenue / revenue of all customers clustered. */
  revenueShare: number;
  orders: number;
  /** revenue / orders. */
  averageOrderValue: number;
  revenuePerCustomer: number;
  /** The members, sorted. */
  profileIds: string[];
}

export interface PersonaDiscovery {
  customerCount: number;
  k: number;
  /** Mean silhouette of the chosen clustering (0 for a single persona). */
  silhouette: number;
  /** Every k tried with its mean silhouette. */
  candidates: { k: number; silhouette: number }[];
  /** Feature keys the customers were clustered on. */
  features: string[];
  personas: Persona[];
}

/**
 * Clusters customers into personas and describes each.
 *
 * @example
 * const found = discoverPersonas(customers, { kMin: 2, kMax: 6 });
 * found.personas[0] // { name: 'Coupon hunters · app shoppers', size: 412, description: '3x coupon use ...' }
 */
export function discoverPersonas(
  customers: readonly CustomerBehaviour[],
  options: PersonaOptions = {},
): PersonaDiscovery {
  const { seed = 42, silhouetteSampleSize = 2000, selectionSampleSize = 10_000 } = options;
  const sorted = [...customers].sort((a, b) =>
    a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0,
  );
  const n = sorted.length;
  const matrix = buildFeatureMatrix(sorted, options);
  const { points, features } = matrix;
  const range = kRange(n, options);
  const candidates: { k: number; silhouette: number }[] = [];
  let assignments: Int32Array = new Int32Array(n);
  let chosenK = n > 0 ? 1 : 0;
  let silhouette = 0;
  if (points.d > 0 && range.length > 0) {
    const selection = subset(
      points,
      silhouetteSample(n, { sampleSize: selectionSampleSize, seed: seed + 2 }),
    );
    const sample = silhouetteSample(selection.n, { sampleSize: silhouetteSampleSize, seed: seed + 1 });
    let best = Number.NEGATIVE_INFINITY;
    for (const k of range) {
      const result = kMeans(selection, { k, seed, restarts: SELECTION_RESTARTS, tolerance: TOLERANCE });
      const score = meanSilhouette(selection, result.assignments, k, sample);
      candidates.push({ k, silhouette: score });
      // Strictly better only: on a tie the smaller k wins (fewer personas are easier to act on).
      if (score > best + 1e-12) {
        best = score;
        assignments = result.assignments;
        chosenK = k;
        silhouette = score;
      }
    }
    if (selection !== points)
      assignments = kMeans(points, { k: chosenK, seed, tolerance: TOLERANCE }).assignments;
  }
  const personas = describeClusters(sorted, matrix, assignments, chosenK);
  return {
    customerCount: n,
    k: personas.length,
    silhouette,
    candidates,
    features: features.map((f) => f.key),
    personas,
  };
}

/** The points at these indices (the points themselves when that is all of them). */
function subset(points: PointMatrix, indices: readonly number[]): PointMatrix {
  if (indices.length === points.n) return points;
  const { d } = points;
  const values = new Float64Array(indices.length * d);
  indices.forEach((i, row) => {
    values.set(points.values.subarray(i * d, i * d + d), row * d);
  });
  return { values, n: indices.length, d };
}

/** The ks to try: the given k, else kMin..kMax, limited so each persona can hold two customers. */
function kRange(n: number, { k, kMin = 2, kMax = 8 }: PersonaOptions): number[] {
  if (k !== undefined) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number >= 1, got ${k}`);
    return k === 1 || n < 2 * k ? [] : [k];
  }
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 2 || kMax < kMin) {
    throw new RangeError(`need whole numbers 2 <= kMin <= kMax, got kMin ${kMin}, kMax ${kMax}`);
  }
  const top = Math.min(kMax, Math.floor(n / 2));
  return Array.from({ length: Math.max(0, top - kMin + 1) }, (_, i) => kMin + i);
}

function describeClusters(
  customers: readonly CustomerBehaviour[],
  matrix: ReturnType<typeof buildFeatureMatrix>,
  assignments: Int32Array,
  k: number,
): Persona[] {
  const { features, raw, points, weights } = matrix;
  const { n, d } = points;
  const overallMeans = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let x = 0; x < d; x++) overallMeans[x]! += raw[i * d + x]! / n;
  const totalRevenue = customers.reduce((s, c) => s + c.revenue, 0);
  const clusters = Array.from({ length: k }, (_, c) => c)
    .map((c) => ({ c, members: [] as number[] }))
    .map((cluster) => {
      for (let i = 0; i < n; i++) if (assignments[i] === cluster.c) cluster.members.push(i);
      return cluster;
    })
    .filter((cluster) => cluster.members.length > 0)
    .sort((a, b) => b.members.length - a.members.length || a.c - b.c);
  const names = new Map<string, number>();
  return clusters.map(({ members }, index): Persona => {
    const personaMeans = new Float64Array(d);
    const effects = new Float64Array(d);
    for (const i of members) {
      for (let x = 0; x < d; x++) {
        personaMeans[x]! += raw[i * d + x]! / members.length;
        // Back from the weighted distance space to plain standard deviations.
        effects[x]! += points.values[i * d + x]! / weights[x]! / members.length;
      }
    }
    const described = describePersona(features, { personaMeans, overallMeans, effects });
    const seen = (names.get(described.name) ?? 0) + 1;
    names.set(described.name, seen);
    const revenue = members.reduce((s, i) => s + customers[i]!.revenue, 0);
    const orders = members.reduce((s, i) => s + customers[i]!.orders, 0);
    return {
      index,
      name: seen > 1 ? `${described.name} (${seen})` : described.name,
      description: described.description,
      traits: described.traits,
      size: members.length,
      share: members.length / n,
      revenue,
      revenueShare: totalRevenue > 0 ? revenue / totalRevenue : 0,
      orders,
      averageOrderValue: orders > 0 ? revenue / orders : 0,
      revenuePerCustomer: revenue / members.length,
      profileIds: members.map((i) => customers[i]!.profileId),
    };
  });
}
