import { checkRetentionCounts } from './retention-counts';
import type { RetentionCounts } from './retention-rate';

/**
 * The customer churn rate of a period: the share of the customers at its start who were lost
 * by its end. The complement of {@link retentionRate} on the same counts.
 *
 * ```text
 * churn = lost / S = (S − (E − N)) / S = 1 − retention
 * S = customers at the start, E = customers at the end, N = customers acquired in the period
 * ```
 *
 * Source: Farris, Bendle, Pfeifer & Reibstein, *Marketing Metrics* (2010), §5.2.
 *
 * @param counts S, E and N (see {@link RetentionCounts}).
 * @returns A proportion in [0, 1]; `undefined` when S = 0 (nothing to measure).
 * @throws `INVALID_NUMBER`, `NEGATIVE_VALUE`, `NOT_AN_INTEGER` for a bad count,
 *   `INCONSISTENT_INPUT` when E − N < 0 or E − N > S (with S = 0, any customer at the end who
 *   was not acquired).
 *   `INVALID_OPTION` for counts that are not a plain object or an unknown key (the near miss is
 *   suggested).
 *
 * @example
 * ```ts
 * import { churnRate } from 'cx-metrics/retention';
 * churnRate({ start: 200, end: 180, acquired: 20 }); // => 0.2
 * churnRate({ start: 0, end: 5, acquired: 5 }); // => undefined
 * churnRate({ start: 0, end: 5 }); // => throws INCONSISTENT_INPUT
 * ```
 */
export function churnRate(counts: RetentionCounts): number | undefined {
  const { start, kept } = checkRetentionCounts('churnRate', counts);
  return start === 0 ? undefined : (start - kept) / start;
}
