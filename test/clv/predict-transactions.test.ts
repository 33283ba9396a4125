import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bgBb,
  bgBbConditionalExpectedTransactions,
  bgBbProbabilityAlive,
  bgNbd,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgBb,
  fitBgNbd,
  paretoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
  predictTransactions,
  simulateBgNbd,
} from '../../src/clv';
import { drawParameters } from '../../src/models/draw-parameters';
import { thrownBy } from '../support/error-code';
import { CxMetricsError } from '../../src/internal/errors';
import { repoRoot } from '../support/doc-examples';
import { cdnowSummary } from './clv-data';
import { donations } from './bg-bb/bg-bb-data';
import { poissonGamma, poissonGammaFit } from './poisson-gamma-model';

interface Reference {
  bgNbd: { params: { r: number; alpha: number; a: number; b: number }; t: number; customers: { frequency: number; recency: number; T: number }[]; values: [number, number][] };
  bgBb: {
    params: { alpha: number; beta: number; gamma: number; delta: number };
    t: number;
    customers: { frequency: number; recency: number; periods: number }[];
    values: [number, number][];
  };
  poissonGamma: { r: number; alpha: number; x: number; T: number; t: number; m: number; ppf: Record<string, number>; mean: number };
}
const reference = JSON.parse(readFileSync(join(repoRoot, 'test', 'clv', 'reference', 'predict-transactions-reference.json'), 'utf8')) as Reference;

const CDNOW = reference.bgNbd.params;
const PARETO = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
/** The call throws a CxMetricsError with this code and a message matching `message`. */
function expectCxError(run: () => unknown, code: string, message: RegExp): void {
  const error = thrownBy(run);
  expect(error).toBeInstanceOf(CxMetricsError);
  expect((error as CxMetricsError).code).toBe(code);
  expect((error as CxMetricsError).message).toMatch(message);
}
const close = (actual: number, expected: number, rtol: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.abs(expected));

describe('predictTransactions: known values (mpmath, published formulas)', () => {
  it('BG/NBD: P(alive) and expected purchases in the next 39 weeks, rtol 1e-10', () => {
    const { customers, t, values } = reference.bgNbd;
    const result = predictTransactions(bgNbd, CDNOW, customers, { t });
    values.forEach(([alive, expected], i) => {
      close(result.probabilityAlive[i]!, alive, 1e-10);
      close(result.expectedPurchases[i]!, expected, 1e-10);
    });
    close(result.totalExpectedPurchases, values.reduce((s, v) => s + v[1], 0), 1e-10);
    expect(Array.from(result.index)).toEqual([0, 1, 2, 3, 4]);
    expect(result.skipped).toBe(0);
    expect(result.intervals).toBeUndefined();
  });

  it('BG/BB: P(alive at the next opportunity) and expected transactions in the next 5 opportunities, rtol 1e-10', () => {
    const { params, customers, t, values } = reference.bgBb;
    const result = predictTransactions(bgBb, params, customers, { t });
    values.forEach(([alive, expected], i) => {
      close(result.probabilityAlive[i]!, alive, 1e-10);
      close(result.expectedPurchases[i]!, expected, 1e-10);
    });
  });
});

describe('predictTransactions: the batch equals the per-customer functions', () => {
  const rows = cdnowSummary().slice(0, 600);
  it('BG/NBD on 600 CDNOW customers: each column to 1e-13 of the model’s own functions', () => {
    const result = predictTransactions(bgNbd, CDNOW, rows, { t: 52 });
    expect(result.index.length).toBe(rows.length);
    rows.forEach((c, i) => {
      close(result.probabilityAlive[i]!, bgNbdProbabilityAlive(CDNOW, c), 1e-13);
      close(result.expectedPurchases[i]!, bgNbdConditionalExpectedPurchases(CDNOW, c, 52), 1e-13);
    });
  });

  it('Pareto/NBD through its kernel, to 1e-12', () => {
    const some = rows.slice(0, 300);
    const result = predictTransactions(paretoNbd, PARETO, some, { t: 39 });
    some.forEach((c, i) => {
      close(result.probabilityAlive[i]!, paretoNbdProbabilityAlive(PARETO, c), 1e-12);
      close(result.expectedPurchases[i]!, paretoNbdConditionalExpectedPurchases(PARETO, c, 39), 1e-12);
    });
  });

  it('BG/BB through its descriptor (weighted donation cells expanded)', () => {
    const params = reference.bgBb.params;
    const cells = donations();
    const result = predictTransactions(bgBb, params, cells, { t: 5 });
    cells.forEach((c, i) => {
      expect(result.probabilityAlive[i]).toBe(bgBbProbabilityAlive(params, c));
      expect(result.expectedPurchases[i]).toBe(bgBbConditionalExpectedTransactions(params, c, 5));
    });
  });

  it('t = 0 predicts no purchases; missing records and fields are skipped and counted; accessors read any record', () => {
    expect(Array.from(predictTransactions(bgNbd, CDNOW, rows.slice(0, 5), { t: 0 }).expectedPurchases)).toEqual([0, 0, 0, 0, 0]);
    const withGaps = [null, rows[0]!, { frequency: 1, recency: undefined, T: 3 }, undefined, rows[1]!];
    const result = predictTransactions(bgNbd, CDNOW, withGaps as never, { t: 10 });
    expect(Array.from(result.index)).toEqual([1, 4]);
    expect(result.skipped).toBe(3);
    const tuples: [number, number, number][] = rows.slice(0, 3).map((c) => [c.frequency, c.recency, c.T]);
    const read = predictTransactions(bgNbd, CDNOW, tuples, { t: 10, frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
    expect(Array.from(read.expectedPurchases)).toEqual(Array.from(predictTransactions(bgNbd, CDNOW, rows.slice(0, 3), { t: 10 }).expectedPurchases));
    // Any iterable (no length), through the generic reader.
    const fromSet = predictTransactions(bgNbd, CDNOW, new Set(rows.slice(0, 3)), { t: 10 });
    expect(Array.from(fromSet.expectedPurchases)).toEqual(Array.from(read.expectedPurchases));
  });
});

describe('predictTransactions: intervals', () => {
  const sample = simulateBgNbd(CDNOW, { customers: 500, T: { min: 20, max: 39 }, seed: 11, resolution: 1 });
  const fit = fitBgNbd(sample);
  const some = sample.slice(0, 80);

  it('are deterministic per seed, bracket P(alive) in [0, 1], and equal the quantiles of the draws evaluated one by one', () => {
    const options = { t: 26, intervals: { level: 0.8, draws: 60, seed: 5 } } as const;
    const a = predictTransactions(bgNbd, fit, some, options);
    const b = predictTransactions(bgNbd, fit, some, options);
    expect(a.intervals).toEqual(b.intervals);
    expect(a.intervals.level).toBe(0.8);
    expect(a.intervals.draws).toBe(60);
    // The point predictions do not depend on the intervals.
    expect(Array.from(a.expectedPurchases)).toEqual(Array.from(predictTransactions(bgNbd, fit, some, { t: 26 }).expectedPurchases));
    const draws = drawParameters(bgNbd, fit, { draws: 60, seed: 5 });
    const type7 = (values: number[], p: number) => {
      const s = [...values].sort((x, y) => x - y);
      const h = (s.length - 1) * p;
      const j = Math.floor(h);
      return j + 1 < s.length ? s[j]! + (h - j) * (s[j + 1]! - s[j]!) : s[j]!;
    };
    for (const i of [0, 7, 50, 79]) {
      const c = some[i]!;
      const alive = draws.map((d) => bgNbdProbabilityAlive(d, c));
      const expected = draws.map((d) => bgNbdConditionalExpectedPurchases(d, c, 26));
      close(a.intervals.probabilityAlive.lower[i]!, type7(alive, 0.1), 1e-12);
      close(a.intervals.probabilityAlive.upper[i]!, type7(alive, 0.9), 1e-12);
      close(a.intervals.expectedPurchases.lower[i]!, type7(expected, 0.1), 1e-12);
      close(a.intervals.expectedPurchases.upper[i]!, type7(expected, 0.9), 1e-12);
      expect(a.intervals.probabilityAlive.lower[i]).toBeGreaterThanOrEqual(0);
      expect(a.intervals.probabilityAlive.upper[i]).toBeLessThanOrEqual(1);
    }
    const totals = draws.map((d) => some.reduce((s, c) => s + bgNbdConditionalExpectedPurchases(d, c, 26), 0));
    close(a.intervals.totalExpectedPurchases.lower, type7(totals, 0.1), 1e-12);
    close(a.intervals.totalExpectedPurchases.upper, type7(totals, 0.9), 1e-12);
    expect(a.intervals.totalPurchases).toBeUndefined();
    // Another seed, other draws.
    expect(predictTransactions(bgNbd, fit, some, { t: 26, intervals: { draws: 60, seed: 6 } }).intervals.totalExpectedPurchases).not.toEqual(
      a.intervals.totalExpectedPurchases,
    );
  });

  it('BG/BB: intervals over the draws of its fit', () => {
    const cells = donations();
    const bbFit = fitBgBb(cells, { weight: (d) => d.weights });
    const result = predictTransactions(bgBb, bbFit, cells, { t: 5, intervals: { draws: 40 } });
    for (let i = 0; i < cells.length; i++) {
      expect(result.intervals.expectedPurchases.lower[i]).toBeLessThanOrEqual(result.intervals.expectedPurchases.upper[i]!);
      expect(result.intervals.probabilityAlive.upper[i]).toBeLessThanOrEqual(1);
    }
    const { lower, upper } = result.intervals.totalExpectedPurchases;
    expect(lower).toBeLessThan(result.totalExpectedPurchases);
    expect(upper).toBeGreaterThan(result.totalExpectedPurchases);
  });

  it('Poisson-gamma with only α uncertain: the interval of the total is the total at α̂·e^(∓1.645σ), to the Monte Carlo error', () => {
    const params = { r: 1.5, alpha: 4 };
    const sigma = 0.2;
    const fitted = poissonGammaFit(params, 1e-5, sigma);
    const customers = Array.from({ length: 30 }, (_, i) => ({ frequency: i % 4, recency: i % 4 === 0 ? 0 : 5, T: 10 + (i % 3) }));
    const result = predictTransactions(poissonGamma, fitted, customers, { t: 6, intervals: { level: 0.9, draws: 4000, seed: 3 } });
    const totalAt = (alpha: number) => customers.reduce((s, c) => s + ((params.r + c.frequency) * 6) / (alpha + c.T), 0);
    // The total falls as α rises: its 5% quantile is at α's 95% quantile. Invert to the z of α.
    const zOf = (total: number) => {
      let lo = 1e-3;
      let hi = 1e3;
      for (let k = 0; k < 200; k++) {
        const mid = Math.sqrt(lo * hi);
        if (totalAt(mid) > total) lo = mid;
        else hi = mid;
      }
      return Math.log(lo / params.alpha) / sigma;
    };
    // Standard error of a 5% sample quantile of 4,000 normal draws: √(0.05·0.95/4000)/φ(1.645) ≈ 0.034.
    expect(Math.abs(zOf(result.intervals.totalExpectedPurchases.lower) - 1.6449)).toBeLessThan(0.12);
    expect(Math.abs(zOf(result.intervals.totalExpectedPurchases.upper) + 1.6449)).toBeLessThan(0.12);
  });
});

describe('predictTransactions: predictive intervals of the realised total', () => {
  it('Poisson-gamma, parameters known: the interval is the 5%–95% of NB(m(r + x), q) (scipy), to the Monte Carlo error', () => {
    const { r, alpha, x, T, t, m, ppf } = reference.poissonGamma;
    const fitted = poissonGammaFit({ r, alpha }, 1e-6, 1e-6);
    const customers = Array.from({ length: m }, () => ({ frequency: x, recency: 5, T }));
    const result = predictTransactions(poissonGamma, fitted, customers, { t, intervals: { level: 0.9, draws: 2000, seed: 9, predictive: true } });
    const { lower, upper } = result.intervals.totalPurchases;
    // ppf at 3% and 7% bracket the 5% quantile: ±4 standard errors of a 5% sample quantile of 2,000 draws.
    expect(lower).toBeGreaterThanOrEqual(ppf['0.03']!);
    expect(lower).toBeLessThanOrEqual(ppf['0.07']!);
    expect(upper).toBeGreaterThanOrEqual(ppf['0.93']!);
    expect(upper).toBeLessThanOrEqual(ppf['0.97']!);
    // The expected total is known exactly, and with no parameter uncertainty its interval is that point.
    close(result.totalExpectedPurchases, reference.poissonGamma.mean, 1e-12);
    close(result.intervals.totalExpectedPurchases.lower, reference.poissonGamma.mean, 1e-6);
    close(result.intervals.totalExpectedPurchases.upper, reference.poissonGamma.mean, 1e-6);
  });

  it('adds the purchase randomness to the parameter uncertainty: wider than the expected-value interval, deterministic per seed', () => {
    const fitted = poissonGammaFit({ r: 1.5, alpha: 4 }, 0.1, 0.2);
    const customers = Array.from({ length: 25 }, (_, i) => ({ frequency: i % 3, recency: i % 3 === 0 ? 0 : 4, T: 8 + (i % 5) }));
    const options = { t: 6, intervals: { draws: 300, seed: 2, predictive: true } } as const;
    const a = predictTransactions(poissonGamma, fitted, customers, options);
    expect(a.intervals.totalPurchases).toEqual(predictTransactions(poissonGamma, fitted, customers, options).intervals.totalPurchases);
    expect(a.intervals.totalPurchases.lower).toBeLessThan(a.intervals.totalExpectedPurchases.lower);
    expect(a.intervals.totalPurchases.upper).toBeGreaterThan(a.intervals.totalExpectedPurchases.upper);
    expect(Number.isInteger(a.intervals.totalPurchases.lower * 2)).toBe(true); // type-7 quantiles of whole counts
  });

  it('refuses a model whose descriptor has no conditional count distribution (INVALID_OPTION, naming the field)', () => {
    const { conditionalPurchaseCountProbability: _omitted, ...withoutCounts } = poissonGamma;
    const fitted = poissonGammaFit({ r: 1.5, alpha: 4 }, 0.1, 0.1);
    expectCxError(
      () => predictTransactions(withoutCounts, fitted, cdnowSummary().slice(0, 5), { t: 10, intervals: { predictive: true } }),
      'INVALID_OPTION',
      /^predictTransactions: .*conditionalPurchaseCountProbability/,
    );
  });

  it('refuses a conditional pmf that is not a probability (OUT_OF_RANGE naming the model)', () => {
    const broken = { ...poissonGamma, conditionalPurchaseCountProbability: () => Number.NaN };
    const fitted = poissonGammaFit({ r: 1.5, alpha: 4 }, 0.1, 0.1);
    expectCxError(
      () => predictTransactions(broken, fitted, [{ frequency: 1, recency: 1, T: 2 }], { t: 1, intervals: { draws: 2, predictive: true } }),
      'OUT_OF_RANGE',
      /^predictTransactions: the poisson-gamma model returned conditionalPurchaseCountProbability NaN/,
    );
  });
});

describe('predictTransactions: bad input', () => {
  const rows = cdnowSummary().slice(0, 10);
  it('names the function, the value and its index', () => {
    expectCxError(() => predictTransactions(bgNbd, CDNOW, [rows[0]!, { frequency: 1.5, recency: 1, T: 2 }], { t: 1 }), 'NOT_AN_INTEGER', /^predictTransactions: frequency 1\.5 at index 1/);
    expectCxError(() => predictTransactions(bgNbd, CDNOW, [{ frequency: 1, recency: 3, T: 2 }], { t: 1 }), 'ORDER_VIOLATION', /^predictTransactions: recency 3 at index 0/);
    expectCxError(() => predictTransactions(bgNbd, CDNOW, [{ frequency: 0, recency: 1, T: 2 }], { t: 1 }), 'INCONSISTENT_INPUT', /recency 1 at index 0/);
    expectCxError(() => predictTransactions(bgBb, reference.bgBb.params, [{ frequency: 3, recency: 2, periods: 6 }], { t: 1 }), 'INCONSISTENT_INPUT', /frequency 3 at index 0/);
    expectCxError(() => predictTransactions(bgBb, reference.bgBb.params, [{ frequency: 1, recency: 2, periods: 6 }], { t: 1.5 }), 'NOT_AN_INTEGER', /^predictTransactions: t 1\.5/);
    expectCxError(() => predictTransactions(bgNbd, CDNOW, rows, { t: -1 }), 'NEGATIVE_VALUE', /^predictTransactions: t -1/);
    expectCxError(() => predictTransactions(bgNbd, CDNOW, rows, {} as never), 'INVALID_OPTION', /^predictTransactions: t is required/);
    expectCxError(() => predictTransactions(bgNbd, { ...CDNOW, a: 0 }, rows, { t: 1 }), 'OUT_OF_RANGE', /^predictTransactions: a 0/);
    expectCxError(() => predictTransactions(CDNOW as never, CDNOW as never, rows, { t: 1 } as never), 'INVALID_INPUT', /is not a transaction model/);
    expectCxError(() => predictTransactions(paretoNbd, { ...PARETO, model: 'bg-nbd' } as never, rows, { t: 1 }), 'INCONSISTENT_INPUT', /bg-nbd.*pareto-nbd/);
  });

  it('intervals need a fit with a covariance, and valid interval options', () => {
    expectCxError(() => predictTransactions(bgNbd, CDNOW as never, rows, { t: 1, intervals: {} }), 'INCONSISTENT_INPUT', /^predictTransactions: intervals need the bg-nbd fit/);
    expectCxError(
      () => predictTransactions(poissonGamma, { ...poissonGammaFit({ r: 1, alpha: 1 }, 0.1, 0.1), logParameterCovariance: undefined }, rows, { t: 1, intervals: {} }),
      'INCONSISTENT_INPUT',
      /^predictTransactions: intervals need a poisson-gamma fit with a logParameterCovariance/,
    );
    const fit = fitBgNbd(cdnowSummary());
    expectCxError(() => predictTransactions(bgNbd, fit, rows, { t: 1, intervals: { level: 90 } }), 'OUT_OF_RANGE', /^predictTransactions: level 90/);
    expectCxError(() => predictTransactions(bgNbd, fit, rows, { t: 1, intervals: { draws: 0 } }), 'OUT_OF_RANGE', /^predictTransactions: draws 0/);
    expectCxError(() => predictTransactions(bgNbd, fit, rows, { t: 1, intervals: { levle: 0.9 } as never }), 'INVALID_OPTION', /"levle".*"level"/);
    expectCxError(() => predictTransactions(bgNbd, fit, rows, { t: 1, intervals: { predictive: 'yes' } as never }), 'INVALID_OPTION', /predictive "yes"/);
  });
});
