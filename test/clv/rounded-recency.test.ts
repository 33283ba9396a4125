/**
 * Rounded external data (issue 10): a customer with frequency ≥ 1 and recency 0 — two purchases
 * inside the rounding step of a 2-decimal export — is accepted by every continuous-time model,
 * every prediction on its door and the batch functions, with finite values inside their bounds.
 * P(alive) is checked against the closed forms written out here (Fader, Hardie & Lee 2005 eq. 8
 * note; Batislam et al. 2007): at tx = 0 they are
 *   BG/NBD   1 / (1 + a/(b+x-1) ((α+T)/α)^(r+x))
 *   MBG/NBD  1 / (1 + a/(b+x)   ((α+T)/α)^(r+x))
 * (The discrete BG/BB has no such row: a repeat transaction sits in an opportunity ≥ 1.)
 */
import { describe, expect, it } from 'vitest';
import {
  bgNbd,
  bgNbdConditionalExpectedPurchases,
  bgNbdConditionalPurchaseCountProbability,
  bgNbdDert,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  calibrationVsHoldout,
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  mbgNbd,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdConditionalPurchaseCountProbability,
  mbgNbdDert,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  paretoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdConditionalPurchaseCountProbability,
  paretoNbdDert,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  predictClv,
  predictTransactions,
  repeatPurchaseHistogram,
} from '../../src/clv/index';
import { cdnowSummary } from './clv-data';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const MBG = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const PARETO = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 };
const GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 };
const T = 38.86;
const ROUNDED = [1, 2, 5].map((frequency) => ({ frequency, recency: 0, T }));

/**
 * CDNOW's first 600 customers with the repeaters at every 50th row rounded to recency 0 (7
 * customers), as a 2-decimal export would. (With far more such rows — every 5th row, 49 customers — the
 * likelihood has no interior maximum: it grows without bound as α → 0 with r → 0, and the fits
 * say so with `converged: false` and that reason; a real limit of the continuous-time models.)
 */
const ROWS = cdnowSummary()
  .slice(0, 600)
  .map((row, i) => (row.frequency > 0 && i % 50 === 0 ? { ...row, recency: 0 } : row));

describe('recency 0 with frequency ≥ 1 (rounded exports)', () => {
  it('has rounded rows in the fit data', () => {
    expect(ROWS.filter((r) => r.frequency > 0 && r.recency === 0).length).toBeGreaterThan(5);
  });

  it('P(alive) matches the closed forms at tx = 0 (BG/NBD, MBG/NBD)', () => {
    for (const c of ROUNDED) {
      const x = c.frequency;
      const bg = 1 / (1 + (BG.a / (BG.b + x - 1)) * ((BG.alpha + T) / BG.alpha) ** (BG.r + x));
      const mbg = 1 / (1 + (MBG.a / (MBG.b + x)) * ((MBG.alpha + T) / MBG.alpha) ** (MBG.r + x));
      expect(bgNbdProbabilityAlive(BG, c)).toBeCloseTo(bg, 12);
      expect(mbgNbdProbabilityAlive(MBG, c, 0)).toBeCloseTo(mbg, 12);
    }
  });

  const models = [
    ['BG/NBD', BG, bgNbdConditionalExpectedPurchases, (c: (typeof ROUNDED)[number]) => bgNbdProbabilityAlive(BG, c), bgNbdConditionalPurchaseCountProbability, bgNbdDert, bgNbdLogLikelihood],
    ['MBG/NBD', MBG, mbgNbdConditionalExpectedPurchases, (c: (typeof ROUNDED)[number]) => mbgNbdProbabilityAlive(MBG, c, 0), mbgNbdConditionalPurchaseCountProbability, mbgNbdDert, mbgNbdLogLikelihood],
    ['Pareto/NBD', PARETO, paretoNbdConditionalExpectedPurchases, (c: (typeof ROUNDED)[number]) => paretoNbdProbabilityAlive(PARETO, c, 0), paretoNbdConditionalPurchaseCountProbability, paretoNbdDert, paretoNbdLogLikelihood],
  ] as const;

  it.each(models)('%s: every per-customer prediction is finite and inside its bounds', (_, params, conditional, alive, countProbability, dert, logLikelihood) => {
    const p = params as never;
    for (const c of ROUNDED) {
      const e = conditional(p, c, 10);
      const pa = alive(c);
      // Conditional E[Y(t)] ≤ (r + x)/(α + T) · t.
      expect(e).toBeGreaterThan(0);
      expect(e).toBeLessThanOrEqual((((params as { r: number }).r + c.frequency) / ((params as { alpha: number }).alpha + T)) * 10);
      expect(pa).toBeGreaterThan(0);
      expect(pa).toBeLessThan(1);
      const pmf = [0, 1, 2, 3].map((n) => countProbability(p, c, n, 10));
      for (const q of pmf) expect(q >= 0 && q <= 1).toBe(true);
      expect(pmf.reduce((s, q) => s + q, 0)).toBeLessThanOrEqual(1 + 1e-12);
      expect(Number.isFinite(dert(p, c, { discountRate: 0.01 }))).toBe(true);
    }
    const ll = (logLikelihood as (params: never, rows: unknown, options: object) => number)(p, ROUNDED, {});
    expect(Number.isFinite(ll)).toBe(true);
    expect(ll).toBeLessThan(0);
  });

  it.each([
    ['fitBgNbd', fitBgNbd],
    ['fitMbgNbd', fitMbgNbd],
    ['fitParetoNbd', fitParetoNbd],
  ] as const)('%s fits data with rounded rows', (_, fit) => {
    const f = fit(ROWS, { maxIterations: 500 });
    expect(f.converged).toBe(true);
    expect(Number.isFinite(f.logLikelihood)).toBe(true);
  });

  it.each([
    ['bg-nbd', bgNbd, BG],
    ['mbg-nbd', mbgNbd, MBG],
    ['pareto-nbd', paretoNbd, PARETO],
  ] as const)('%s: predictTransactions, predictClv, calibrationVsHoldout and repeatPurchaseHistogram take the rounded rows', (_, model, params) => {
    const m = model as never;
    const p = params as never;
    const tx = predictTransactions(m, p, ROWS as never, { t: 39 } as never);
    expect(tx.expectedPurchases.every(Number.isFinite)).toBe(true);
    expect(tx.skipped).toBe(0);
    const clv = predictClv(m, p, { gammaGamma: GAMMA_GAMMA }, ROWS, { timeUnit: 'week', horizon: 12, horizonUnit: 'month' });
    expect(clv.probabilityAlive.every((q) => q >= 0 && q <= 1)).toBe(true);
    expect(Number.isFinite(clv.total)).toBe(true);
    const holdout = calibrationVsHoldout(m, p, ROWS.map((r) => ({ ...r, holdoutFrequency: 0, holdoutDuration: 39 })));
    expect(holdout.groups.every((g) => g.expected === undefined || Number.isFinite(g.expected))).toBe(true);
    const histogram = repeatPurchaseHistogram(m, p, ROWS, { maxFrequency: 5 });
    expect(Number.isFinite(histogram.chiSquare.statistic ?? 0)).toBe(true);
  });
});
