// Derivative-free minimisation for the CLV maximum-likelihood fits.
// Source: Nelder & Mead (1965), "A simplex method for function minimization", with the standard
// coefficients (reflection 1, expansion 2, contraction 0.5, shrink 0.5) as in Lagarias et al. (1998).
// The fits minimise a negative log-likelihood over log-parameters, so the space is unconstrained.

export interface MinimizeOptions {
  /** Initial simplex edge length along every coordinate (default 0.5: a factor e^0.5 in log-parameter space). */
  step?: number;
  /** Maximum number of simplex iterations per run (default 5000). */
  maxIterations?: number;
  /** Stop when the objective spread over the simplex and its size are below these (defaults 1e-12 relative, 1e-7). */
  functionTolerance?: number;
  pointTolerance?: number;
  /** Restarts from the best point with a fresh simplex, until a restart no longer improves (default 10). */
  maxRestarts?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

interface Vertex {
  x: number[];
  f: number;
}

/**
 * Minimises `f` with Nelder–Mead, restarting from the best point until the value stops improving:
 * a restart rebuilds a full-size simplex, which undoes the premature collapse Nelder–Mead is known for.
 * Non-finite objective values are treated as +Infinity, so the simplex simply avoids those regions.
 *
 * @example
 * const { x } = minimize(([u, v]) => (u! - 1) ** 2 + (v! + 2) ** 2, [0, 0]); // x ≈ [1, -2]
 */
export function minimize(
  f: (x: number[]) => number,
  x0: number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const maxRestarts = options.maxRestarts ?? 10;
  const safe = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let best = nelderMead(safe, x0, options);
  let iterations = best.iterations;
  for (let restart = 0; restart < maxRestarts; restart++) {
    const next = nelderMead(safe, best.x, options);
    iterations += next.iterations;
    const improvement = best.value - next.value;
    if (next.value <= best.value) best = next;
    if (improvement <= (options.functionTolerance ?? 1e-12) * (1 + Math.abs(best.value))) {
      return { ...best, iterations, converged: best.converged };
    }
  }
  return { ...best, iterations, converged: false };
}

function nelderMead(f: (x: number[]) => number, x0: number[], options: MinimizeOptions): MinimizeResult {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const maxIterations = options.maxIterations ?? 5000;
  const fTol = options.functionTolerance ?? 1e-12;
  const xTol = options.pointTolerance ?? 1e-7;

  const simplex: Vertex[] = [{ x: [...x0], f: f(x0) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = x[i]! + step;
    simplex.push({ x, f: f(x) });
  }

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.f - q.f);
    const bestV = simplex[0]!;
    const worst = simplex[n]!;
    if (hasConverged(simplex, fTol, xTol)) return { x: bestV.x, value: bestV.f, iterations, converged: true };

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) centroid[j] = centroid[j]! + simplex[i]!.x[j]! / n;
    }
    const along = (t: number): Vertex => {
      const x = centroid.map((c, j) => c + t * (worst.x[j]! - c));
      return { x, f: f(x) };
    };

    const reflected = along(-1);
    if (reflected.f < bestV.f) {
      const expanded = along(-2);
      simplex[n] = expanded.f < reflected.f ? expanded : reflected;
      continue;
    }
    if (reflected.f < simplex[n - 1]!.f) {
      simplex[n] = reflected;
      continue;
    }
    // Contract outside if the reflection helped a little, inside otherwise.
    const contracted = reflected.f < worst.f ? along(-0.5) : along(0.5);
    if (contracted.f < Math.min(reflected.f, worst.f)) {
      simplex[n] = contracted;
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const x = simplex[i]!.x.map((v, j) => bestV.x[j]! + 0.5 * (v - bestV.x[j]!));
      simplex[i] = { x, f: f(x) };
    }
  }
  simplex.sort((p, q) => p.f - q.f);
  return { x: simplex[0]!.x, value: simplex[0]!.f, iterations, converged: false };
}

function hasConverged(simplex: Vertex[], fTol: number, xTol: number): boolean {
  const best = simplex[0]!;
  const worst = simplex[simplex.length - 1]!;
  if (!Number.isFinite(worst.f)) return false;
  if (worst.f - best.f > fTol * (1 + Math.abs(best.f))) return false;
  for (const v of simplex) {
    for (let j = 0; j < v.x.length; j++) if (Math.abs(v.x[j]! - best.x[j]!) > xTol) return false;
  }
  return true;
}
