/**
 * The mean that `csat(scores, { scale }).mean` and `ces(scores, { scale }).mean` report, for
 * many small groups of already-validated answers (one journey each): the same option reader,
 * the same bins (`addAnswer`) and the same moments as the public functions, so the figures
 * are identical bit for bit, without their per-call costs (option parsing, a fresh bin set,
 * the frozen result and, for CES, a Student-t quantile per group).
 */
import type { Float64Buffer } from '../internal/float64-buffer';
import type { SurveyScale } from '../models/interaction';
import { moments, readCesSettings, readCsatSettings } from './scale-state';
import { addAnswer, createBins, total, type ScoreBins } from './survey-scores';

export class ScaleMeans {
  /** Bins on the last scale seen, reused (emptied) for each group on it. */
  private bins: ScoreBins | undefined;

  constructor(private readonly metric: 'csat' | 'ces') {}

  /**
   * Mean of `scores` on `scale` as the metric's public function computes it; `undefined` for
   * no scores. A scale that function rejects throws its error, as the call would.
   */
  mean(scores: Float64Buffer, scale: SurveyScale | undefined): number | undefined {
    if (scores.length === 0) return undefined;
    const bins = this.binsFor(scale);
    bins.counts.fill(0);
    bins.weightSums.fill(0);
    bins.weightSquares = 0;
    bins.skipped = 0;
    bins.weighted = false;
    for (let i = 0; i < scores.length; i++) addAnswer(this.metric, bins, scores.data[i], i);
    return moments(bins, total(bins.weightSums))?.mean;
  }

  private binsFor(scale: SurveyScale | undefined): ScoreBins {
    const bins = this.bins;
    if (bins !== undefined && scale !== undefined && bins.min === scale.min && bins.max === scale.max) return bins;
    // Read the scale exactly as `csat`/`ces` read their `scale` option (same checks, same errors).
    const options = scale === undefined ? {} : { scale };
    const { min, max } = this.metric === 'csat' ? readCsatSettings('csat', options) : readCesSettings('ces', options);
    this.bins = createBins(min, max);
    return this.bins;
  }
}
