import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { logPowerIntegral, logPowerIntegrals } from '../../src/internal/hypergeometric';
import { paretoNbdReference as reference } from '../clv/pareto-nbd/pareto-nbd-data';
import { expectClose } from './close';

/**
 * ln ₂F₁(a, b; a+1; z), a > 0, 0 < b < a + 1, 0 ≤ z < 1 (the function of the Pareto/NBD note's
 * likelihood: a = r+s+x, b = s+1 or r+x), through logPowerIntegral: ln a + ln I with exponents
 * a+1−b on (1+τ) and b on (1−z+τ), from t = 0 (then m = a). Lets mpmath's ₂F₁ check the integral.
 */
function logHyp2f1APlusOne(a: number, b: number, z: number): number {
  if (!(a > 0 && b > 0 && b < a + 1 && z >= 0 && z < 1)) {
    throw new Error(`internal logHyp2f1APlusOne: needs a > 0, 0 < b < a + 1, 0 ≤ z < 1, got a=${a}, b=${b}, z=${z}`);
  }
  const f = a + 1 - b;
  return Math.log(a) + logPowerIntegral(f, 1, b, 1 - z, 0, a, f, b);
}

// Reference values: test/clv/reference/pareto_nbd_reference.py (mpmath.hyp2f1 at 40 digits,
// derivatives by mpmath.diff), independent of the series and quadrature used here.
describe('logHyp2f1APlusOne: ln ₂F₁(a, b; a+1; z)', () => {
  it.each(reference.hyp2f1)('a=%s b=%s z=%s matches mpmath', (a, b, z, want) => {
    // Absolute error of the logarithm = relative error of ₂F₁; values up to e^52548 included.
    expectClose(logHyp2f1APlusOne(a, b, z), want, 2e-15, 2e-15);
  });

  it('is 0 at z = 0 and equals the closed forms at b = 1 and b = a', () => {
    expect(logHyp2f1APlusOne(2.5, 1.3, 0)).toBe(0);
    // ₂F₁(1, 1; 2; z) = −ln(1−z)/z
    for (const z of [1e-8, 0.3, 0.9, 0.999999]) expectClose(logHyp2f1APlusOne(1, 1, z), Math.log(-Math.log1p(-z) / z), 1e-15, 1e-15);
    // b → 0: ₂F₁ → 1 + O(b).
    expectClose(logHyp2f1APlusOne(3, 1e-12, 0.7), 0, 0, 1e-11);
  });

  it('rejects arguments outside its domain as an internal error', () => {
    expect(() => logHyp2f1APlusOne(1, 2.5, 0.5)).toThrow(/internal logHyp2f1APlusOne/);
    expect(() => logHyp2f1APlusOne(1, 0.5, 1)).toThrow(/internal logHyp2f1APlusOne/);
    expect(() => logHyp2f1APlusOne(0, 0.5, 0.5)).toThrow(/internal logHyp2f1APlusOne/);
  });
});

describe('logPowerIntegral: ln ∫ₜ^∞ (α+τ)^(−p) (β+τ)^(−q) dτ', () => {
  it.each(reference.powerIntegral)('p=%s α=%s q=%s β=%s t=%s: value and gradient match mpmath', (p, alpha, q, beta, t, want, ...grad) => {
    const g = new Float64Array(4);
    // dP = p, dQ = q: no offsets, K = ln I; with dP, dQ fixed ∂K/∂p = ∂ln I/∂p + ln α.
    const value = logPowerIntegral(p!, alpha!, q!, beta!, t!, p! + q! - 1, p!, q!, g);
    expectClose(value, want!, 2e-15, 1e-14);
    expectClose(g[0]! - Math.log(alpha!), grad[0]!, 1e-11, 1e-12);
    expectClose(g[1]!, grad[1]!, 1e-11, 1e-14);
    expectClose(g[2]! - Math.log(beta!), grad[2]!, 1e-11, 1e-12);
    expectClose(g[3]!, grad[3]!, 1e-11, 1e-14);
    // The value does not depend on whether the gradient is asked for.
    expect(logPowerIntegral(p!, alpha!, q!, beta!, t!, p! + q! - 1, p!, q!)).toBe(value);
  });

  it('with α = β is (α+t)^(−m)/m exactly', () => {
    for (const [p, q, alpha, t] of [
      [2.5, 0.3, 4, 7],
      [1.2, 1.1, 0.01, 0],
      [10001, 1.6, 20, 38],
    ] as const) {
      const m = p + q - 1;
      expectClose(logPowerIntegral(p, alpha, q, alpha, t, m, p, q), -m * Math.log(alpha + t) - Math.log(m), 1e-15, 1e-15);
    }
  });

  it('offsets fold α^(p−dP) β^(q−dQ) in without changing the result', () => {
    // K = ln I + (p − dP) ln α + (q − dQ) ln β, across the series (z small) and the split (z near 1).
    for (const [p, alpha, q, beta, t] of [
      [3.1, 10, 0.6, 12, 30],
      [2.1, 0.05, 1.6, 300, 0],
      [1.6, 300, 2.1, 0.05, 2],
    ] as const) {
      const plain = logPowerIntegral(p, alpha, q, beta, t, p + q - 1, p, q);
      const offset = logPowerIntegral(p, alpha, q, beta, t, p + q - 1, 2, 1);
      expectClose(offset, plain + (p - 2) * Math.log(alpha) + (q - 1) * Math.log(beta), 1e-14, 1e-13);
    }
  });

  it('is symmetric in (p, α) ↔ (q, β)', () => {
    for (const [p, alpha, q, beta, t] of [
      [3.1, 10, 0.6, 12, 30],
      [2.1, 0.05, 1.6, 300, 0],
      [7, 2, 3, 2.0000001, 1],
    ] as const) {
      expectClose(logPowerIntegral(p, alpha, q, beta, t, p + q - 1, p, q), logPowerIntegral(q, beta, p, alpha, t, p + q - 1, q, p), 1e-15, 1e-15);
    }
  });

  it('is continuous where the method changes (z = 0.9: series → quadrature split)', () => {
    // With α = 1 and t = 0, z = (β − 1)/β is 0.9 at β = 10.
    const at = (beta: number) => logPowerIntegral(1.3, 1, 1.6, beta, 0, 1.9, 1.3, 1.6);
    const beta90 = 10;
    expectClose(at(beta90 + 1e-14), at(beta90 - 1e-14), 1e-15, 1e-15);
  });

  test.prop(
    [
      fc.double({ min: 0.01, max: 50, noNaN: true }),
      fc.double({ min: 0.001, max: 1000, noNaN: true }),
      fc.double({ min: 0.01, max: 50, noNaN: true }),
      fc.double({ min: 0.001, max: 1000, noNaN: true }),
      fc.double({ min: 0, max: 200, noNaN: true }),
      fc.constantFrom(0, 1, 5, 1000),
    ],
    { numRuns: 200 },
  )('finite, with an analytic gradient that matches central differences', (r, alpha, s, beta, t, x) => {
    const p = r + x + 1;
    const q = s;
    const m = r + x + s;
    const g = new Float64Array(4);
    const value = logPowerIntegral(p, alpha, q, beta, t, m, x + 1, 0, g);
    expect(Number.isFinite(value)).toBe(true);
    expect(Array.from(g).every(Number.isFinite)).toBe(true);
    // Perturb r (p and m together), α, s (q and m), β on the log scale.
    const K = (dr: number, da: number, ds: number, db: number) => {
      const r2 = r * Math.exp(dr);
      const s2 = s * Math.exp(ds);
      return logPowerIntegral(r2 + x + 1, alpha * Math.exp(da), s2, beta * Math.exp(db), t, r2 + x + s2, x + 1, 0);
    };
    const h = 1e-5;
    const numeric = [
      (K(h, 0, 0, 0) - K(-h, 0, 0, 0)) / (2 * h),
      (K(0, h, 0, 0) - K(0, -h, 0, 0)) / (2 * h),
      (K(0, 0, h, 0) - K(0, 0, -h, 0)) / (2 * h),
      (K(0, 0, 0, h) - K(0, 0, 0, -h)) / (2 * h),
    ];
    const analytic = [r * g[0]!, alpha * g[1]!, s * g[2]!, beta * g[3]!];
    // Central differences: truncation O(h²), rounding ~ε|K|/h.
    for (let i = 0; i < 4; i++) expectClose(analytic[i]!, numeric[i]!, 1e-6, 1e-7 + 1e-10 * Math.abs(value));
  });
});

describe('logPowerIntegrals: one sweep over sorted t', () => {
  it('matches one call per t, in both cases and across the split', () => {
    const ts = Float64Array.from([0, 0, 0.5, 1, 3, 3, 10, 38.86, 200, 5000]);
    for (const [p, alpha, q, beta, dP, dQ] of [
      [3.1, 10, 0.6, 12, 3, 0],
      [2.1, 0.05, 1.6, 300, 2, 1],
      [1.6, 300, 2.1, 0.05, 1, 2],
      [2.08, 21.4, 6977, 7.8e6, 0, 1], // s, β → ∞: every t beyond the series
      [10001.5, 2, 1.6, 50, 10001, 1],
    ] as const) {
      const out = new Float64Array(ts.length);
      const grads = new Float64Array(4 * ts.length);
      const m = p + q - 1;
      logPowerIntegrals(p, alpha, q, beta, m, dP, dQ, ts, 0, ts.length, out, grads);
      const g = new Float64Array(4);
      ts.forEach((t, k) => {
        const single = logPowerIntegral(p, alpha, q, beta, t, m, dP, dQ, g);
        expectClose(out[k]!, single, 1e-13, 1e-13);
        for (let i = 0; i < 4; i++) expectClose(grads[4 * k + i]!, g[i]!, 1e-9, 1e-12);
      });
    }
  });
});
