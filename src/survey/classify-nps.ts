import { requireScore } from '../internal/validate';

/** The three groups of the Net Promoter System. */
export type NpsCategory = 'detractor' | 'passive' | 'promoter';

/**
 * The Net Promoter category of one answer to "How likely are you to recommend us to a friend
 * or colleague?" on the 0–10 scale.
 *
 * ```text
 * 0–6  → 'detractor'
 * 7–8  → 'passive'
 * 9–10 → 'promoter'
 * ```
 *
 * Source: F. F. Reichheld (2003), "The One Number You Need to Grow", Harvard Business Review
 * 81(12); the cut-offs of the Net Promoter System (Bain & Company, Satmetrix).
 *
 * @param score - An integer from 0 to 10.
 * @returns `'detractor'`, `'passive'` or `'promoter'`.
 * @throws {@link models!CxMetricsError} `INVALID_NUMBER` for `NaN`, `±Infinity`, a string or any
 *   non-number; `OUT_OF_RANGE` outside 0–10; `NOT_AN_INTEGER` for a fraction such as 7.5.
 *
 * @example
 * ```ts
 * import { classifyNps } from 'cx-metrics/survey';
 * classifyNps(10); // => 'promoter'
 * classifyNps(7); // => 'passive'
 * classifyNps(6); // => 'detractor'
 * classifyNps(11); // => throws OUT_OF_RANGE
 * ```
 */
export function classifyNps(score: number): NpsCategory {
  const s = requireScore('classifyNps', score, 0, 10);
  return s >= 9 ? 'promoter' : s >= 7 ? 'passive' : 'detractor';
}
