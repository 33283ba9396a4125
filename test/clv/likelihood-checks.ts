/**
 * Checks shared by the direct tests of the models' likelihood files (`*likelihood.ts`): the mean
 * negative log-likelihood they return is checked against central finite differences for its
 * gradient, against the ungrouped baseline, and against reordered rows (tests only).
 */
import { expect } from 'vitest';

/** A likelihood file's pair: statistics from columns, mean negative log-likelihood from them. */
export type NegativeLogLikelihood<S> = (theta: readonly number[], stats: S, gradient?: number[]) => number;

/** Columns of `Float64Array`s from rows (weights 1 unless `w` reads one). */
export function columnsOf<R>(rows: readonly R[], read: readonly ((r: R) => number)[]): Float64Array[] {
  return read.map((f) => Float64Array.from(rows, f));
}

/** The gradient the file fills equals central differences (step 1e-5 in θ) to 1e-6 relative. */
export function expectGradientMatches<S>(nll: NegativeLogLikelihood<S>, theta: readonly number[], stats: S): void {
  const gradient = new Array<number>(theta.length).fill(Number.NaN);
  const value = nll(theta, stats, gradient);
  expect(Number.isFinite(value)).toBe(true);
  // Same value with or without a gradient to fill.
  expect(nll(theta, stats)).toBe(value);
  const h = 1e-5;
  theta.forEach((_, k) => {
    const up = theta.map((t, j) => (j === k ? t + h : t));
    const down = theta.map((t, j) => (j === k ? t - h : t));
    const numeric = (nll(up, stats) - nll(down, stats)) / (2 * h);
    expect(Math.abs((gradient[k] as number) - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
  });
}

/** Outside |θᵢ| ≤ 30 the value is +Infinity and the gradient is zeroed (the optimizer backs off). */
export function expectOutsideRangeIsInfinite<S>(nll: NegativeLogLikelihood<S>, theta: readonly number[], stats: S): void {
  for (let k = 0; k < theta.length; k++) {
    for (const bad of [31, -31, Number.NaN]) {
      const gradient = new Array<number>(theta.length).fill(1);
      expect(nll(theta.map((t, j) => (j === k ? bad : t)), stats, gradient)).toBe(Infinity);
      expect(gradient).toEqual(new Array<number>(theta.length).fill(0));
    }
  }
}

/** Relative difference, for values that are not 0. */
export function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

/** A fixed permutation (reverse, then odd positions first) to show the order does not matter. */
export function permuted<R>(rows: readonly R[]): R[] {
  const reversed = [...rows].reverse();
  return [...reversed.filter((_, i) => i % 2 === 1), ...reversed.filter((_, i) => i % 2 === 0)];
}
