import { describe, expect, it } from 'vitest';
import { bgBb, bgNbd, fitBgBb, fitBgNbd, fitGammaGamma, predictClv, simulateBgBb, simulateBgNbd, simulateGammaGamma } from '../../src/clv';
import { drawParameters } from '../../src/models';
import { quantile } from '../../src/internal/quantile';
import { errorCode } from '../support/error-code';

const TRUTH = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
const SPEND = { p: 6, q: 4, gamma: 15 };
const quarter = { timeUnit: 'week', horizon: 1, horizonUnit: 'quarter' } as const;

/** Customers simulated from known parameters, with Gamma-Gamma spend, and the two fits. */
function sample(customers: number, seed: number) {
  const histories = simulateBgNbd(TRUTH, { customers, T: 39, seed, resolution: 1 / 7 });
  const spend = simulateGammaGamma(SPEND, { customers, frequency: (i) => histories[i]!.frequency, seed: seed + 1 });
  const rows = histories.map((h, i) => ({ ...h, monetaryValue: h.frequency > 0 ? spend[i]!.monetaryValue : 0 }));
  return { rows, fit: fitBgNbd(rows), spend: fitGammaGamma(rows) };
}

describe('predictClv intervals', () => {
  const { rows, fit, spend } = sample(300, 11);
  const options = { timeUnit: 'week', horizon: 6, horizonUnit: 'month', discountRate: 0.01, margin: 0.3 } as const;
  const withIntervals = predictClv(bgNbd, fit, { gammaGamma: spend }, rows, { ...options, intervals: { draws: 150, seed: 5 } });

  it('leave the point estimates those at the fit', () => {
    const plain = predictClv(bgNbd, fit, { gammaGamma: spend }, rows, options);
    expect(Array.from(withIntervals.clv)).toEqual(Array.from(plain.clv));
    expect(withIntervals.total).toBe(plain.total);
    expect(withIntervals.intervals).toMatchObject({ level: 0.9, draws: 150 });
  });

  it('are deterministic per seed, and move with it', () => {
    const again = predictClv(bgNbd, fit, { gammaGamma: spend }, rows, { ...options, intervals: { draws: 150, seed: 5 } });
    expect(again.intervals).toEqual(withIntervals.intervals);
    const other = predictClv(bgNbd, fit, { gammaGamma: spend }, rows, { ...options, intervals: { draws: 150, seed: 6 } });
    expect(other.intervals.total).not.toEqual(withIntervals.intervals.total);
  });

  it('hold lower ≤ upper always and lower ≤ estimate ≤ upper for nearly every customer', () => {
    const { intervals } = withIntervals;
    let inside = 0;
    for (let i = 0; i < rows.length; i++) {
      for (const column of ['clv', 'expectedPurchases', 'probabilityAlive'] as const) {
        expect(intervals[column].lower[i]).toBeLessThanOrEqual(intervals[column].upper[i]!);
      }
      if (intervals.clv.lower[i]! <= withIntervals.clv[i]! && withIntervals.clv[i]! <= intervals.clv.upper[i]!) inside++;
    }
    expect(inside / rows.length).toBeGreaterThan(0.95);
    expect(intervals.total.lower).toBeLessThan(withIntervals.total);
    expect(intervals.total.upper).toBeGreaterThan(withIntervals.total);
    expect(intervals.periodPurchases).toHaveLength(6);
    intervals.periodPurchases.forEach((band, j) => {
      expect(band.lower).toBeLessThanOrEqual(withIntervals.schedule.expectedPurchases[j]!);
      expect(band.upper).toBeGreaterThanOrEqual(withIntervals.schedule.expectedPurchases[j]!);
    });
  });

  it('are the type-7 quantiles of the predictions at drawParameters’ draws (both one-pass and selection paths)', () => {
    const probe = [rows[3]!, { frequency: 4, recency: 30, T: 39, monetaryValue: 40 }];
    for (const level of [0.9, 0.5]) {
      const result = predictClv(bgNbd, fit, { valuePerPurchase: 10 }, probe, { ...quarter, intervals: { draws: 120, seed: 3, level } });
      const draws = drawParameters(bgNbd, fit, { draws: 120, seed: 3 });
      probe.forEach((c, i) => {
        const alive = draws.map((d) => bgNbd.probabilityAlive(d, c));
        const purchases = draws.map((d) => bgNbd.conditionalExpectedPurchases(d, c, 13.044375));
        const low = (1 - level) / 2;
        expect(result.intervals.probabilityAlive.lower[i]).toBeCloseTo(quantile(alive, low)!, 12);
        expect(result.intervals.probabilityAlive.upper[i]).toBeCloseTo(quantile(alive, 1 - low)!, 12);
        expect(result.intervals.expectedPurchases.lower[i]! / quantile(purchases, low)!).toBeCloseTo(1, 10);
        expect(result.intervals.clv.upper[i]! / (10 * quantile(purchases, 1 - low)!)).toBeCloseTo(1, 10);
      });
    }
  });

  it('shrink as the sample grows', () => {
    // The same probe customer valued with fits on 200 and on 2,000 customers, for two seeds.
    const probe = [{ frequency: 3, recency: 25, T: 39, monetaryValue: 30 }];
    for (const seed of [1, 2]) {
      const width = (customers: number) => {
        const s = sample(customers, seed);
        const r = predictClv(bgNbd, s.fit, { gammaGamma: s.spend }, probe, { ...quarter, intervals: { draws: 100, seed } });
        return (r.intervals.clv.upper[0]! - r.intervals.clv.lower[0]!) / r.clv[0]!;
      };
      expect(width(2000)).toBeLessThan(width(200));
    }
  });

  it('cover the total expected holdout purchases at the true parameters about as often as their level', () => {
    // 40 samples of 150 customers: the 90% and 50% intervals of Σ E[Y(quarter) | history] at the
    // fit's draws, against the same total at the true parameters. Binomial(40, 0.9) lies in
    // [31, 40] with probability 0.998, Binomial(40, 0.5) in [12, 28] with 0.998; intervals that ignore the
    // covariance (width 0) or are twice too wide fail one of the two.
    let covered90 = 0;
    let covered50 = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const customers = simulateBgNbd(TRUTH, { customers: 150, T: 39, seed: 1000 + seed });
      const fit = fitBgNbd(customers);
      const truth = predictClv(bgNbd, TRUTH, { valuePerPurchase: 1 }, customers, quarter).total;
      const at90 = predictClv(bgNbd, fit, { valuePerPurchase: 1 }, customers, { ...quarter, intervals: { draws: 80, seed } }).intervals.total;
      const at50 = predictClv(bgNbd, fit, { valuePerPurchase: 1 }, customers, { ...quarter, intervals: { draws: 80, seed, level: 0.5 } }).intervals.total;
      if (at90.lower <= truth && truth <= at90.upper) covered90++;
      if (at50.lower <= truth && truth <= at50.upper) covered50++;
    }
    expect(covered90).toBeGreaterThanOrEqual(31);
    expect(covered50).toBeGreaterThanOrEqual(12);
    expect(covered50).toBeLessThanOrEqual(28);
  });

  it('work with BG/BB and a fixed spend', () => {
    const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
    const donors = simulateBgBb(truth, { customers: 1500, periods: 6, seed: 4 });
    const bgBbFit = fitBgBb(donors);
    const result = predictClv(bgBb, bgBbFit, { valuePerPurchase: 50 }, donors, { horizon: 5, intervals: { draws: 100, seed: 2 } });
    expect(result.intervals.total.lower).toBeLessThan(result.total);
    expect(result.intervals.total.upper).toBeGreaterThan(result.total);
    expect(result.intervals.periodPurchases).toHaveLength(5);
  });

  it.each<[string, () => unknown, string]>([
    ['bare transaction parameters', () => predictClv(bgNbd, TRUTH as never, { valuePerPurchase: 1 }, rows, { ...quarter, intervals: {} }), 'INCONSISTENT_INPUT'],
    ['bare Gamma-Gamma parameters', () => predictClv(bgNbd, fit, { gammaGamma: SPEND as never }, rows, { ...quarter, intervals: {} }), 'INCONSISTENT_INPUT'],
    ['a fit without covariance', () => predictClv(bgNbd, { ...fit, logParameterCovariance: undefined }, { valuePerPurchase: 1 }, rows, { ...quarter, intervals: {} }), 'INCONSISTENT_INPUT'],
    ['level 90', () => predictClv(bgNbd, fit, { valuePerPurchase: 1 }, rows, { ...quarter, intervals: { level: 90 } }), 'OUT_OF_RANGE'],
    ['no draw', () => predictClv(bgNbd, fit, { valuePerPurchase: 1 }, rows, { ...quarter, intervals: { draws: 0 } }), 'OUT_OF_RANGE'],
    ['a fractional seed', () => predictClv(bgNbd, fit, { valuePerPurchase: 1 }, rows, { ...quarter, intervals: { seed: 1.5 } }), 'NOT_AN_INTEGER'],
    ['an unknown key', () => predictClv(bgNbd, fit, { valuePerPurchase: 1 }, rows, { ...quarter, intervals: { lvl: 0.9 } as never }), 'INVALID_OPTION'],
  ])('refuse %s → %s', (_what, run, code) => {
    expect(errorCode(run)).toBe(code);
  });
});
