// k-means with k-means++ seeding (Arthur and Vassilvitskii 2007, "k-means++: the advantages of
// careful seeding"), Lloyd iterations, and a few seeded restarts keeping the lowest inertia.
// Deterministic: the same points, k and seed always give the same clusters, so a manager who
// re-runs persona discovery on unchanged data sees the same personas.
//
// Points are one flat Float64Array (row-major, n x d) so that 100,000 customers with 20
// features stay in one allocation and the distance loops stay monomorphic.

/** A small seedable PRNG (mulberry32): fast, deterministic, good enough for seeding. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Points as a flat row-major matrix. */
export interface PointMatrix {
  readonly values: Float64Array;
  /** Number of points. */
  readonly n: number;
  /** Dimensions per point. */
  readonly d: number;
}

export interface KMeansOptions {
  k: number;
  /** Seed of the k-means++ draws (default 42). */
  seed?: number;
  /** Lloyd iterations per restart (default 100); stops earlier when no point moves. */
  maxIterations?: number;
  /** Independent k-means++ starts; the one with the lowest inertia wins (default 4). */
  restarts?: number;
  /**
   * Stop when at most this share of the points changed cluster in an iteration (default 0:
   * until none moves). A small share such as 1e-4 cuts the long tail of iterations that move a
   * handful of border points among 100,000 customers.
   */
  tolerance?: number;
}

export interface KMeansResult {
  /** Cluster of each point, 0..k-1. */
  assignments: Int32Array;
  /** k x d centroids, row-major. */
  centroids: Float64Array;
  /** Sum of squared distances of the points to their centroids. */
  inertia: number;
  iterations: number;
}

/** Squared Euclidean distance between row i of `a` and row j of `b`. */
export function squaredDistance(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let sum = 0;
  const ai = i * d;
  const bj = j * d;
  for (let x = 0; x < d; x++) {
    const diff = a[ai + x]! - b[bj + x]!;
    sum += diff * diff;
  }
  return sum;
}

/** k-means++: the first centre uniformly, each next one with probability ~ D(x)^2. */
function seedCentroids(points: PointMatrix, k: number, random: () => number): Float64Array {
  const { values, n, d } = points;
  const centroids = new Float64Array(k * d);
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centroids.set(values.subarray(chosen * d, chosen * d + d), c * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dist = squaredDistance(values, i, centroids, c, d);
      if (dist < nearest[i]!) nearest[i] = dist;
      total += nearest[i]!;
    }
    if (c + 1 === k) break;
    // All points sit on chosen centres: any point will do (duplicates make empty clusters,
    // which the update step repairs).
    if (total === 0) {
      chosen = Math.floor(random() * n);
      continue;
    }
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i]!;
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
  }
  return centroids;
}

function lloyd(
  points: PointMatrix,
  centroids: Float64Array,
  { k, maxIterations, tolerance }: { k: number; maxIterations: number; tolerance: number },
): KMeansResult {
  const { values, n, d } = points;
  const assignments = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  const distances = new Float64Array(n);
  let iterations = 0;
  let inertia = 0;
  for (; iterations < maxIterations; iterations++) {
    let moved = 0;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const dist = squaredDistance(values, i, centroids, c, d);
        if (dist < bestDistance) {
          bestDistance = dist;
          best = c;
        }
      }
      if (assignments[i] !== best) {
        assignments[i] = best;
        moved++;
      }
      distances[i] = bestDistance;
      inertia += bestDistance;
    }
    if (moved <= tolerance * n) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignments[i]!;
      counts[c]!++;
      for (let x = 0; x < d; x++) sums[c * d + x]! += values[i * d + x]!;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        // An empty cluster takes the point farthest from its centre, the usual repair: it
        // keeps k clusters and lowers the inertia the most.
        let far = 0;
        for (let i = 1; i < n; i++) if (distances[i]! > distances[far]!) far = i;
        centroids.set(values.subarray(far * d, far * d + d), c * d);
        distances[far] = 0;
        continue;
      }
      for (let x = 0; x < d; x++) centroids[c * d + x] = sums[c * d + x]! / counts[c]!;
    }
  }
  return { assignments, centroids, inertia, iterations };
}

/**
 * Clusters points into k groups.
 *
 * @example
 * const points = { values: Float64Array.from([0, 0, 0, 1, 10, 10, 10, 11]), n: 4, d: 2 };
 * kMeans(points, { k: 2 }).assignments // e.g. Int32Array [0, 0, 1, 1]
 */
export function kMeans(points: PointMatrix, options: KMeansOptions): KMeansResult {
  const { k, seed = 42, maxIterations = 100, restarts = 4, tolerance = 0 } = options;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number >= 1, got ${k}`);
  if (k > points.n) throw new RangeError(`k (${k}) exceeds the number of points (${points.n})`);
  const random = seededRandom(seed);
  let best: KMeansResult | null = null;
  for (let r = 0; r < restarts; r++) {
    const result = lloyd(points, seedCentroids(points, k, random), { k, maxIterations, tolerance });
    if (!best || result.inertia < best.inertia) best = result;
  }
  return best!;
}
