import { describe, expect, it } from 'vitest';
import { hypergeometric2F1, logAddExp, logBeta, logGamma } from './special-functions';

describe('logGamma', () => {
  it('matches factorials and known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    // ln Γ(100) = ln(99!) = 359.13420536957539878...
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
    // Small arguments go through the reflection formula: Γ(x) ≈ 1/x - γ_Euler for x → 0.
    expect(logGamma(1e-6)).toBeCloseTo(Math.log(1e6 - 0.5772156649), 6);
  });

  it('satisfies the recurrence ln Γ(x+1) = ln Γ(x) + ln x over a wide range', () => {
    for (const x of [0.01, 0.243, 0.793, 2.426, 17.5, 1234.5]) {
      expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 10);
    }
  });

  it('logBeta and logAddExp', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAddExp(-1e4, -1e4)).toBeCloseTo(-1e4 + Math.log(2), 10);
  });
});

describe('hypergeometric2F1', () => {
  it('matches closed forms', () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) {
      // 2F1(1, 1; 2; z) = -ln(1-z)/z
      expect(hypergeometric2F1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 11);
      // 2F1(a, b; b; z) = (1-z)^-a
      expect(hypergeometric2F1(0.7, 3.2, 3.2, z)).toBeCloseTo((1 - z) ** -0.7, 10);
    }
  });

  it('handles negative arguments (Pfaff) and polynomial cases', () => {
    // 2F1(1, 1; 2; -z) = ln(1+z)/z, also for z beyond the unit disc.
    for (const z of [0.3, 0.9, 3])
      expect(hypergeometric2F1(1, 1, 2, -z)).toBeCloseTo(Math.log(1 + z) / z, 11);
    // a = -2: 1 + (-2)(b)/c z + (-2)(-1)b(b+1)/(c(c+1)2) z^2
    expect(hypergeometric2F1(-2, 3, 4, 0.5)).toBeCloseTo(1 - (2 * 3 * 0.5) / 4 + (3 * 4 * 0.25) / 20, 14);
  });

  it('rejects z >= 1', () => {
    expect(() => hypergeometric2F1(1, 1, 2, 1)).toThrow(RangeError);
  });
});
