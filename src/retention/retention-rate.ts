import { checkRetentionCounts } from './retention-counts';

/** Customer counts of one period, the input of {@link retentionRate} and {@link churnRate}. */
export interface RetentionCounts {
  /** S: customers at the start of the period, a whole number ≥ 0 (with 0 the rates are `undefined`: nothing to measure). */
  readonly start: number;
  /** E: customers at the end of the period (those acquired during it included), a whole number ≥ 0. */
  readonly end: number;
  /** N: customers acquired during the period, a whole number ≥ 0. Default 0. */
  readonly acquired?: number;
}

/**
 * The textbook customer retention rate of a period: the share of the customers at its start
 * who are still customers at its end, new customers excluded.
 *
 * ```text
 * retention = (E − N) / S
 * S = customers at the start, E = customers at the end, N = customers acquired in the period
 * ```
 *
 * Source: the customer retention rate as defined in e.g. Farris, Bendle, Pfeifer & Reibstein,
 * *Marketing Metrics* (2010), §5.2 (retention = 1 − churn).
 *
 * @param counts S, E and N (see {@link RetentionCounts}).
 * @returns A proportion in [0, 1]; `undefined` when S = 0 (no customer at the start: nothing to
 *   measure, as for every calculator without data).
 * @throws `INVALID_NUMBER` when a count is not a finite number, `NEGATIVE_VALUE` when negative,
 *   `NOT_AN_INTEGER` when fractional, `INCONSISTENT_INPUT` when E − N < 0 or E − N > S (with
 *   S = 0, any customer at the end who was not acquired).
 *   `INVALID_OPTION` for counts that are not a plain object or an unknown key (the near miss is
 *   suggested).
 *
 * @example
 * ```ts
 * import { retentionRate } from 'cx-metrics/retention';
 * retentionRate({ start: 200, end: 180, acquired: 20 }); // => 0.8
 * retentionRate({ start: 200, end: 150 }); // => 0.75
 * retentionRate({ start: 200, end: 10, acquired: 20 }); // => throws INCONSISTENT_INPUT
 * retentionRate({ start: 0, end: 20, acquired: 20 }); // => undefined
 * ```
 */
export function retentionRate(counts: RetentionCounts): number | undefined {
  const { start, kept } = checkRetentionCounts('retentionRate', counts);
  return start === 0 ? undefined : kept / start;
}
