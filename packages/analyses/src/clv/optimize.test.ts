import { describe, expect, it } from 'vitest';
import { minimize } from './optimize';

describe('minimize (Nelder–Mead with restarts)', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2;
    const result = minimize(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  it('treats non-finite values as walls', () => {
    // log is NaN for negative u: the simplex must stay in u > 0 and find u = 2.
    const f = ([u]: number[]) => (Math.log(u!) - Math.log(2)) ** 2;
    const result = minimize(f, [5], { step: 10 });
    expect(result.x[0]).toBeCloseTo(2, 5);
  });
});
