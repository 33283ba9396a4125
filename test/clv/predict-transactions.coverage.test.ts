/**
 * Coverage of predictTransactions' intervals over repeated simulated samples: customers
 * simulated from known BG/NBD parameters over a calibration period and its holdout continuation,
 * the model fitted on the calibration histories, and the nominal 90% intervals checked against
 * the truth — the interval of the total EXPECTED holdout purchases against that total at the true
 * parameters, and the predictive interval against the REALISED holdout purchases.
 */
import { describe, expect, it } from 'vitest';
import { bgNbd, bgNbdProbabilityAlive, bgNbdPurchaseCountProbability, fitBgNbd, predictTransactions, type CustomerHistory } from '../../src/clv';
import type { BgNbdParams } from '../../src/clv/bg-nbd/bg-nbd-fit';
import { betaVariate, gammaVariate, seededUniform } from '../support/random';

const TRUE: BgNbdParams = { r: 0.5, alpha: 6, a: 0.7, b: 2.5 };
const CALIBRATION = 26;
const HOLDOUT = 26;
const SEEDS = 40;
const CUSTOMERS = 300;

/** BG/NBD purchase times (λ ~ Gamma(r, α), p ~ Beta(a, b), dropout after each repeat purchase), split at the end of calibration. */
function simulate(seed: number): { calibration: CustomerHistory[]; holdout: number } {
  const u = seededUniform(seed);
  const calibration: CustomerHistory[] = [];
  let holdout = 0;
  for (let i = 0; i < CUSTOMERS; i++) {
    const lambda = gammaVariate(u, TRUE.r, TRUE.alpha);
    const p = betaVariate(u, TRUE.a, TRUE.b);
    // One cohort and whole weeks of recency, so histories repeat: the work is per distinct history.
    const T = CALIBRATION;
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (t > T + HOLDOUT) break;
      if (t <= T) {
        x++;
        tx = Math.round(t);
      } else holdout++;
      if (u() < p) break;
    }
    calibration.push({ frequency: x, recency: Math.min(tx, T), T });
  }
  return { calibration, holdout };
}

/**
 * BG/NBD's conditional count distribution, for the test: dead, no purchase; alive at T, the
 * customer is a new BG/NBD customer with (r + x, α + T, a, b + x) (Fader, Hardie & Lee 2005,
 * eq. 8). The machinery asks for n = 0, 1, 2, … of one (params, customer) in turn, so the terms
 * are extended by their ratios (O(1) a call) and kept until the next (params, customer); checked
 * against bgNbdPurchaseCountProbability below.
 */
function bgNbdConditionalCounts(): (params: BgNbdParams, c: CustomerHistory, n: number, t: number) => number {
  let lastParams: BgNbdParams | undefined;
  let lastCustomer: CustomerHistory | undefined;
  let lastT = Number.NaN;
  let alive = 0;
  let values: number[] = [];
  let nb = 0; // NB(r', α'/(α'+t)) pmf at j
  let nbBelow = 0; // Σ_{i<j} NB pmf
  let ratioA = 1; // B(a, b'+j)/B(a, b') = (b')_j/(a+b')_j
  let ratioB = 0; // B(a+1, b'+j−1)/B(a, b') = a (b')_{j−1}/(a+b')_j
  return (params, c, n, t) => {
    if (params !== lastParams || c !== lastCustomer || t !== lastT) {
      lastParams = params;
      lastCustomer = c;
      lastT = t;
      alive = bgNbd.probabilityAlive(params, c);
      values = [];
    }
    const r = params.r + c.frequency;
    const u = params.alpha + c.T;
    const a = params.a;
    const b = params.b + c.frequency;
    const z = t / (u + t);
    while (values.length <= n) {
      const j = values.length;
      if (j === 0) {
        nb = Math.exp(-r * Math.log1p(t / u));
        nbBelow = 0;
        ratioA = 1;
        ratioB = 0;
      } else {
        nbBelow += nb;
        nb *= ((r + j - 1) / j) * z;
        ratioA *= (b + j - 1) / (a + b + j - 1);
        ratioB = j === 1 ? a / (a + b) : (ratioB * (b + j - 2)) / (a + b + j - 1);
      }
      const ifAlive = ratioA * nb + (j === 0 ? 0 : ratioB * Math.max(0, 1 - nbBelow));
      values.push(alive * ifAlive + (j === 0 ? 1 - alive : 0));
    }
    return values[n] as number;
  };
}

const bgNbdWithCounts = { ...bgNbd, conditionalPurchaseCountProbability: bgNbdConditionalCounts() };

function coverage(model: typeof bgNbdWithCounts | typeof bgNbd) {
  let expectedCovered = 0;
  let realisedCovered = 0;
  let samples = 0;
  for (let seed = 1; samples < SEEDS; seed++) {
    const { calibration, holdout } = simulate(seed);
    const fit = fitBgNbd(calibration);
    if (!fit.converged || fit.logParameterCovariance === undefined) continue;
    samples++;
    const predictive = typeof model.conditionalPurchaseCountProbability === 'function';
    const result = predictTransactions(model, fit, calibration, { t: HOLDOUT, intervals: { level: 0.9, draws: 100, seed, predictive } });
    const truth = predictTransactions(model, TRUE, calibration, { t: HOLDOUT }).totalExpectedPurchases;
    const { lower, upper } = result.intervals.totalExpectedPurchases;
    if (lower <= truth && truth <= upper) expectedCovered++;
    const realised = result.intervals.totalPurchases;
    if (realised !== undefined && realised.lower <= holdout && holdout <= realised.upper) realisedCovered++;
    expect(seed).toBeLessThan(SEEDS + 20); // non-converged samples are rare
  }
  return { expected: expectedCovered / samples, realised: realisedCovered / samples };
}

describe('the test’s BG/NBD conditional count distribution', () => {
  it('is eq. 8 at the updated parameters, mixed with P(alive): to 1e-10 of bgNbdPurchaseCountProbability', () => {
    const counts = bgNbdConditionalCounts();
    for (const c of [{ frequency: 0, recency: 0, T: 26 }, { frequency: 3, recency: 20, T: 26 }, { frequency: 9, recency: 25, T: 26 }]) {
      const alive = bgNbdProbabilityAlive(TRUE, c);
      const updated = { r: TRUE.r + c.frequency, alpha: TRUE.alpha + c.T, a: TRUE.a, b: TRUE.b + c.frequency };
      let sum = 0;
      for (let n = 0; n < 40; n++) {
        const expected = alive * bgNbdPurchaseCountProbability(updated, n, HOLDOUT) + (n === 0 ? 1 - alive : 0);
        expect(Math.abs(counts(TRUE, c, n, HOLDOUT) - expected)).toBeLessThanOrEqual(1e-10 * expected + 1e-15);
        sum += expected;
      }
      expect(sum).toBeGreaterThan(1 - 1e-6);
    }
  });
});

describe('predictTransactions: coverage of the nominal 90% intervals over 40 simulated samples of 300 BG/NBD customers', () => {
  it('the interval of the total expected holdout purchases covers its value at the true parameters; the predictive interval covers the realised purchases', () => {
    const { expected, realised } = coverage(bgNbdWithCounts);
    expect(expected).toBeGreaterThanOrEqual(0.75);
    expect(expected).toBeLessThanOrEqual(0.98);
    expect(realised).toBeGreaterThanOrEqual(0.75);
    expect(realised).toBeLessThanOrEqual(0.98);
  });

  // Runs once the BG/NBD descriptor carries its own conditional count distribution.
  it('the same with the BG/NBD descriptor’s own conditionalPurchaseCountProbability', () => {
    const { expected, realised } = coverage(bgNbd);
    expect(expected).toBeGreaterThanOrEqual(0.75);
    expect(expected).toBeLessThanOrEqual(0.98);
    expect(realised).toBeGreaterThanOrEqual(0.75);
    expect(realised).toBeLessThanOrEqual(0.98);
  });
});
