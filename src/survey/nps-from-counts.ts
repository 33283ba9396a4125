import { isSummaryObject } from './survey-scores';
import { readNpsInput } from './nps-state';
import { describeValue, fail } from '../internal/validate';
import type { NpsCounts, NpsResult } from './nps-types';

const FN = 'npsFromCounts';

/**
 * Net Promoter Score from pre-aggregated counts (a SQL `GROUP BY`, a dashboard export): the
 * same result as {@link nps} over the answers they count.
 *
 * ```text
 * NPS = 100 × (promoters − detractors) / (promoters + passives + detractors)
 * ```
 *
 * Source: F. F. Reichheld (2003), "The One Number You Need to Grow", Harvard Business Review 81(12).
 *
 * An {@link npsTally} state is read with its weights (as `npsTally.result` would), so a weighted
 * tally is not taken for unweighted counts; an {@link NpsResult} is returned as it is.
 *
 * @param counts - `{ promoters, passives, detractors }`: whole numbers ≥ 0, at most 2⁵³ − 1; or an npsTally state.
 * @returns Counts, shares, `score` (`undefined` when every count is 0), `skipped` (0 for counts), effective sample size (the total).
 * @throws {@link models!CxMetricsError} `INVALID_INPUT` when `counts` is not an object with a
 *   `promoters` field; `INVALID_NUMBER` for a count that is missing, `NaN`, `±Infinity` or not a
 *   number; `NOT_AN_INTEGER` for a fractional count; `NEGATIVE_VALUE` for a negative one;
 *   `OUT_OF_RANGE` for a count above 2⁵³ − 1; `INVALID_OPTION` for a tally state whose
 *   `weighted` is not a boolean.
 *
 * @example
 * ```ts
 * import { npsFromCounts } from 'cx-metrics/survey';
 * npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }); // => { score: 30, total: 100, shares: { promoters: 0.5, passives: 0.3, detractors: 0.2 } }
 * npsFromCounts({ promoters: 0, passives: 0, detractors: 0 }).score; // => undefined
 * npsFromCounts({ promoters: 1.5, passives: 0, detractors: 0 }); // => throws NOT_AN_INTEGER
 * ```
 */
export function npsFromCounts(counts: NpsCounts): NpsResult {
  if (!isSummaryObject(counts, 'promoters')) {
    throw fail('INVALID_INPUT', FN, `counts ${describeValue(counts)} must be { promoters, passives, detractors } counts or an npsTally state`, {
      field: 'counts',
      value: counts,
    });
  }
  return readNpsInput(FN, counts, undefined, undefined);
}
