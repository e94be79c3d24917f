// The silhouette (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and
// validation of cluster analysis") chooses the number of personas: for each point, a = mean
// distance to its own cluster, b = mean distance to the nearest other cluster, s = (b - a) /
// max(a, b); the mean s is highest for the k whose clusters are tight and well apart. It costs
// O(n^2), so for many customers it is computed on a seeded sample (as scikit-learn's
// silhouette_score(sample_size=...) does); the sample is the same for every k compared.
import { type PointMatrix, seededRandom } from './k-means';

export interface SilhouetteOptions {
  /** Points used at most; more are sampled (default 2,000). */
  sampleSize?: number;
  /** Seed of the sample (default 7). */
  seed?: number;
}

/**
 * Indices of a seeded sample of `size` points out of n (all of them, in order, when n <= size).
 *
 * @example silhouetteSample(10, { sampleSize: 3 }) // e.g. [7, 2, 5]
 */
export function silhouetteSample(
  n: number,
  { sampleSize = 2000, seed = 7 }: SilhouetteOptions = {},
): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= sampleSize) return all;
  // A partial Fisher-Yates shuffle: the first sampleSize entries are a uniform sample.
  const random = seededRandom(seed);
  for (let i = 0; i < sampleSize; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, sampleSize);
}

/**
 * Mean silhouette of a clustering over the sampled points; 0 when fewer than two clusters are
 * present in the sample. A point alone in its cluster scores 0, as Rousseeuw defines it.
 *
 * @example meanSilhouette(points, assignments, 2, silhouetteSample(points.n)) // 0.71
 */
export function meanSilhouette(
  points: PointMatrix,
  assignments: Int32Array,
  k: number,
  sample: readonly number[],
): number {
  const { values, d } = points;
  const m = sample.length;
  const sums = new Float64Array(k);
  const sizes = new Int32Array(k);
  for (const i of sample) sizes[assignments[i]!]!++;
  if (sizes.filter((s) => s > 0).length < 2) return 0;
  let total = 0;
  for (let p = 0; p < m; p++) {
    const i = sample[p]!;
    sums.fill(0);
    for (let q = 0; q < m; q++) {
      if (q === p) continue;
      const j = sample[q]!;
      let dist = 0;
      for (let x = 0; x < d; x++) {
        const diff = values[i * d + x]! - values[j * d + x]!;
        dist += diff * diff;
      }
      sums[assignments[j]!]! += Math.sqrt(dist);
    }
    const own = assignments[i]!;
    if (sizes[own]! <= 1) continue;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      b = Math.min(b, sums[c]! / sizes[c]!);
    }
    const s = Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0;
    total += s;
  }
  return total / m;
}
