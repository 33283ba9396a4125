import { CxMetricsError } from '../../src/errors';

/** The CxMetricsError code thrown by `run`, or undefined when nothing is thrown. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error.code;
    throw error;
  }
  return undefined;
}

/** Bad scores of every invalid class, with the code each must raise, for a 1–5 scale. */
export const BAD_SCORES_1_TO_5: readonly (readonly [unknown, string])[] = [
  [Number.NaN, 'INVALID_NUMBER'],
  [Infinity, 'INVALID_NUMBER'],
  [-Infinity, 'INVALID_NUMBER'],
  ['4', 'INVALID_NUMBER'],
  [6, 'OUT_OF_RANGE'],
  [0, 'OUT_OF_RANGE'],
  [-1, 'OUT_OF_RANGE'],
  [3.5, 'NOT_AN_INTEGER'],
];

export const BAD_WEIGHTS: readonly (readonly [unknown, string])[] = [
  [-1, 'NEGATIVE_VALUE'],
  [Number.NaN, 'INVALID_NUMBER'],
  [Infinity, 'INVALID_NUMBER'],
  ['1', 'INVALID_NUMBER'],
  [1e101, 'OUT_OF_RANGE'],
];

export const BAD_LEVELS: readonly (readonly [unknown, string])[] = [
  [0, 'OUT_OF_RANGE'],
  [1, 'OUT_OF_RANGE'],
  [95, 'OUT_OF_RANGE'],
  [-0.1, 'OUT_OF_RANGE'],
  [Number.NaN, 'INVALID_NUMBER'],
  ['0.9', 'INVALID_NUMBER'],
];
