import { describe, expect, it } from 'vitest';
import { minimize, minimizeWithGradient } from '../../src/internal/optimize';
import { logGamma } from '../../src/internal/special';
import { expectClose } from './close';

function rosenbrock(x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * ((x[i + 1] as number) - (x[i] as number) ** 2) ** 2 + (1 - (x[i] as number)) ** 2;
  return s;
}

function rosenbrockGradient(x: readonly number[]): number[] {
  const g = x.map(() => 0);
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i] as number;
    const b = x[i + 1] as number;
    g[i] = (g[i] as number) - 400 * a * (b - a * a) - 2 * (1 - a);
    g[i + 1] = (g[i + 1] as number) + 200 * (b - a * a);
  }
  return g;
}

const SAMPLE_1 = [0.8, 1.9, 2.4, 0.35, 3.1, 1.2, 0.95, 4.4, 2.2, 1.65, 0.5, 2.9];
const SAMPLE_2 = [12.5, 7.25, 20.1, 9.8, 15.3, 5.6, 11.0, 18.7, 8.4, 13.9];

/** Gamma(shape k, rate β) negative log-likelihood of one sample. */
function gammaNll(sample: readonly number[], k: number, beta: number): number {
  let s = 0;
  for (const x of sample) s -= k * Math.log(beta) - logGamma(k) + (k - 1) * Math.log(x) - beta * x;
  return s;
}

describe('minimize', () => {
  it('finds the Rosenbrock minimum in 2-D from the classic start (numeric gradient)', () => {
    const r = minimize(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.method).toBe('bfgs');
    r.x.forEach((v) => expectClose(v, 1, 1e-6));
    expect(r.value).toBeLessThan(1e-12);
    expect(r.evaluations).toBeGreaterThan(r.iterations);
  });

  it('finds the Rosenbrock minimum in 5-D, with and without an analytic gradient', () => {
    for (const gradient of [undefined, rosenbrockGradient]) {
      const r = minimize(rosenbrock, [-1.2, 1, -1.2, 1, -1.2], gradient === undefined ? {} : { gradient });
      expect(r.converged).toBe(true);
      r.x.forEach((v) => expectClose(v, 1, 1e-6));
      r.gradient.forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-6));
    }
  });

  it('handles a badly scaled quadratic (condition number 1e12)', () => {
    const f = (x: readonly number[]): number => 1e6 * ((x[0] as number) - 1) ** 2 + 1e-6 * ((x[1] as number) - 1000) ** 2;
    const r = minimize(f, [0, 0]);
    expect(r.converged).toBe(true);
    expectClose(r.x[0] as number, 1, 1e-8);
    expectClose(r.x[1] as number, 1000, 1e-6);
  });

  it('backs off from NaN regions (treated as +Infinity)', () => {
    // Minimum at (1, 2); the objective is NaN for x₀ ≤ 0, and a full step from (5, 0) lands there.
    const f = (x: readonly number[]): number => ((x[0] as number) <= 0 ? Number.NaN : (x[0] as number) - Math.log(x[0] as number) + ((x[1] as number) - 2) ** 2);
    const r = minimize(f, [5, 0]);
    expect(r.converged).toBe(true);
    expectClose(r.x[0] as number, 1, 1e-7);
    expectClose(r.x[1] as number, 2, 1e-7);
    expect(Number.isFinite(r.value)).toBe(true);
  });

  it('falls back to Nelder–Mead when BFGS cannot work, and reports it', () => {
    // A broken analytic gradient (NaN) stops BFGS at once; the simplex still finds the minimum.
    const f = (x: readonly number[]): number => ((x[0] as number) - 3) ** 2 + 2 * ((x[1] as number) + 1) ** 2 + 0.5 * (x[0] as number) * (x[1] as number);
    const r = minimize(f, [0.5, 0.5], { gradient: () => [Number.NaN, Number.NaN] });
    expect(r.method).toBe('nelder-mead');
    expect(r.converged).toBe(true);
    // Minimum of the quadratic: solve [[2, 0.5], [0.5, 4]]·x = [6, −4] → x = (6.5/7.75·4 − …) by hand:
    // det = 7.75; x₀ = (6·4 − 0.5·(−4))/7.75 = 26/7.75, x₁ = (2·(−4) − 0.5·6)/7.75 = −11/7.75.
    expectClose(r.x[0] as number, 26 / 7.75, 1e-5);
    expectClose(r.x[1] as number, -11 / 7.75, 1e-5);
    expect(r.message).toMatch(/BFGS: gradient not finite/);
  });

  it('reports failure honestly when no finite point exists', () => {
    const r = minimize(() => Number.NaN, [1, 1]);
    expect(r.converged).toBe(false);
    expect(r.value).toBe(Infinity);
  });

  it('fits a 4-parameter gamma negative log-likelihood (log-scale parameters) to the exact MLE', () => {
    // Exact MLE: k solves ln k − ψ(k) = ln mean − mean(ln x), β = k/mean. Computed with
    // mpmath (mp.dps = 40): findroot(lambda k: log(k) - digamma(k) - (log(mean) - meanlog), 2).
    const objective = (t: readonly number[]): number =>
      gammaNll(SAMPLE_1, Math.exp(t[0] as number), Math.exp(t[1] as number)) +
      gammaNll(SAMPLE_2, Math.exp(t[2] as number), Math.exp(t[3] as number));
    const r = minimize(objective, [0, 0, 0, 0]);
    expect(r.converged).toBe(true);
    const [k1, b1, k2, b2] = r.x.map(Math.exp) as [number, number, number, number];
    expectClose(k1, 2.2850865707435597, 1e-6);
    expectClose(b1, 1.226892118520032, 1e-6);
    expectClose(k2, 6.989808010270188, 1e-6);
    expectClose(b2, 0.5703637707278816, 1e-6);
    // mpmath NLL at the MLE: 17.582874986506905 + 29.032230816406248
    expectClose(r.value, 17.582874986506905 + 29.032230816406248, 1e-12);
  });

  it('is deterministic', () => {
    const a = minimize(rosenbrock, [-1.2, 1, 0.3]);
    const b = minimize(rosenbrock, [-1.2, 1, 0.3]);
    expect(b).toEqual(a);
  });

  it('rejects an empty or non-finite start as an internal error', () => {
    expect(() => minimize(rosenbrock, [])).toThrow(/internal minimize/);
    expect(() => minimize(rosenbrock, [Number.NaN, 1])).toThrow(/internal minimize/);
  });
});

describe('minimizeWithGradient', () => {
  it('is minimize with the gradient option: the same run, evaluation for evaluation', () => {
    const f = (x: readonly number[]) => rosenbrock(x) + (x[0] as number) ** 4;
    const g = (x: readonly number[]) => rosenbrockGradient(x).map((v, i) => (i === 0 ? v + 4 * (x[0] as number) ** 3 : v));
    for (const start of [[-1.2, 1], [3, -2, 0.5], [0, 0, 0, 0]]) {
      const options = { maxIterations: 200, gradientTolerance: 1e-9 };
      expect(minimizeWithGradient(f, g, start, options)).toEqual(minimize(f, start, { ...options, gradient: g }));
    }
  });

  it('falls back to Nelder–Mead on a gradient that cannot be computed, as minimize does', () => {
    const f = (x: readonly number[]) => ((x[0] as number) - 1) ** 2 + ((x[1] as number) + 2) ** 2;
    const r = minimizeWithGradient(f, () => [Number.NaN, Number.NaN], [0.5, 0.5]);
    expect(r).toEqual(minimize(f, [0.5, 0.5], { gradient: () => [Number.NaN, Number.NaN] }));
    expect(r.method).toBe('nelder-mead');
  });
});
