/** Shared by the survey tests: the bad-input classes of issue 3, error assertions, data splitting. */
import { expect } from 'vitest';
import { CxMetricsError } from '../../src/internal/errors';
import { errorCode, thrownBy } from '../support/error-code';

export { errorCode as codeOf };

/** A bad value and the code it must raise. */
export type BadCase = readonly [value: unknown, code: string];

/** Bad NPS scores (issue 3, "Bad input"): NaN, ±Infinity, 11, −1, 7.5, "9". */
export const BAD_NPS_SCORES: readonly BadCase[] = [
  [Number.NaN, 'INVALID_NUMBER'],
  [Infinity, 'INVALID_NUMBER'],
  [-Infinity, 'INVALID_NUMBER'],
  ['9', 'INVALID_NUMBER'],
  [11, 'OUT_OF_RANGE'],
  [-1, 'OUT_OF_RANGE'],
  [7.5, 'NOT_AN_INTEGER'],
];

/** Bad scores on the default CSAT scale 1–5. */
export const BAD_SCORES_1_TO_5: readonly BadCase[] = [
  [Number.NaN, 'INVALID_NUMBER'],
  [Infinity, 'INVALID_NUMBER'],
  [-Infinity, 'INVALID_NUMBER'],
  ['4', 'INVALID_NUMBER'],
  [6, 'OUT_OF_RANGE'],
  [0, 'OUT_OF_RANGE'],
  [-1, 'OUT_OF_RANGE'],
  [3.5, 'NOT_AN_INTEGER'],
];

/** Bad scores on the default CES scale 1–7. */
export const BAD_SCORES_1_TO_7: readonly BadCase[] = [
  [Number.NaN, 'INVALID_NUMBER'],
  [Infinity, 'INVALID_NUMBER'],
  [-Infinity, 'INVALID_NUMBER'],
  ['7', 'INVALID_NUMBER'],
  [8, 'OUT_OF_RANGE'],
  [0, 'OUT_OF_RANGE'],
  [6.5, 'NOT_AN_INTEGER'],
];

/** Negative, non-finite and out-of-range weights (0 and [1e-100, 1e100] are valid). */
export const BAD_WEIGHTS: readonly BadCase[] = [
  [-1, 'NEGATIVE_VALUE'],
  [Number.NaN, 'INVALID_NUMBER'],
  [Infinity, 'INVALID_NUMBER'],
  [-Infinity, 'INVALID_NUMBER'],
  ['1', 'INVALID_NUMBER'],
  [1e101, 'OUT_OF_RANGE'],
  [1e-101, 'OUT_OF_RANGE'],
  [5e-324, 'OUT_OF_RANGE'],
];

/** Confidence levels outside (0, 1). */
export const BAD_LEVELS: readonly BadCase[] = [
  [0, 'OUT_OF_RANGE'],
  [1, 'OUT_OF_RANGE'],
  [95, 'OUT_OF_RANGE'],
  [-0.1, 'OUT_OF_RANGE'],
  [Number.NaN, 'INVALID_NUMBER'],
  [Infinity, 'INVALID_NUMBER'],
  ['0.9', 'INVALID_NUMBER'],
];

/** Pre-aggregated counts that are negative, fractional, not numbers, or too large to be exact. */
export const BAD_COUNTS: readonly BadCase[] = [
  [-1, 'NEGATIVE_VALUE'],
  [1.5, 'NOT_AN_INTEGER'],
  [Number.NaN, 'INVALID_NUMBER'],
  [Infinity, 'INVALID_NUMBER'],
  ['3', 'INVALID_NUMBER'],
  [2 ** 53, 'OUT_OF_RANGE'],
];

/**
 * Assert that `run` throws a CxMetricsError with `code`, naming `fn` (in the message and
 * `details.function`), the offending value (`details.value`, `Object.is`) and, when given, its
 * index (in `details.index` and the message).
 */
export function expectRejected(run: () => unknown, code: string, fn: string, value: unknown, index?: number): void {
  const error = thrownBy(run);
  expect(error, `expected ${fn} to throw ${code}`).toBeInstanceOf(CxMetricsError);
  const e = error as CxMetricsError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(new RegExp(`^${fn}: `));
  expect(e.details.function).toBe(fn);
  expect(Object.is(e.details.value, value), `details.value ${String(e.details.value)} is not ${String(value)}`).toBe(true);
  if (index !== undefined) {
    expect(e.details.index).toBe(index);
    expect(e.message).toContain(`at index ${index}`);
  }
}

/** Cut `values` at the given points (taken modulo length + 1): every way of splitting a list. */
export function split<T>(values: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (values.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let from = 0;
  for (const p of [...points, values.length]) {
    parts.push(values.slice(from, p));
    from = p;
  }
  return parts;
}

/** A seeded Fisher–Yates shuffle (a copy). */
export function shuffle<T>(values: readonly T[], seed: number): T[] {
  const out = [...values];
  let x = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
