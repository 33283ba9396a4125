import { describe, expect, it } from 'vitest';
import { bgBbProbabilityAlive, fitBgBb, type DiscreteCustomerHistory } from '../../../src/clv';
import { CxMetricsError } from '../../../src/internal/errors';
import { bgBbNegativeLogLikelihood, bgBbSufficientStatistics } from '../../../src/clv/bg-bb/likelihood';
import { errorCode as code } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { bgBbReference as reference, donations, donorsExpanded, simulateBgBb } from './bg-bb-data';

const table = donations();
const byWeight = { weight: (d: { weights: number }) => d.weights };

function statsOf(rows: readonly { frequency: number; recency: number; periods: number; weights?: number }[], group = true) {
  const n = rows.length;
  const x = Float64Array.from(rows, (d) => d.frequency);
  const tx = Float64Array.from(rows, (d) => d.recency);
  const periods = Float64Array.from(rows, (d) => d.periods);
  const w = Float64Array.from(rows, (d) => d.weights ?? 1);
  return bgBbSufficientStatistics(x, tx, periods, w, n, group);
}

describe('fitBgBb on the donations data (Fader, Hardie & Shang 2010)', () => {
  const fit = fitBgBb(table, byWeight);

  it('reproduces the published estimates and log-likelihood', () => {
    expect(fit.alpha.toFixed(3)).toBe('1.204');
    expect(fit.beta.toFixed(3)).toBe('0.750');
    expect(fit.gamma.toFixed(3)).toBe('0.657');
    expect(fit.delta.toFixed(3)).toBe('2.783');
    // The paper reports LL = −33,225.6.
    expect(fit.logLikelihood.toFixed(1)).toBe('-33225.6');
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(11104);
    expect(fit.rows).toBe(22);
    expect(fit.skipped).toBe(0);
    expect(Object.isFrozen(fit)).toBe(true);
    expect(Object.isFrozen(fit.standardErrors)).toBe(true);
  });

  it('agrees with an independent scipy + mpmath-Newton fit to 7 digits, log-likelihood to 13', () => {
    const ref = reference.donations;
    [fit.alpha, fit.beta, fit.gamma, fit.delta].forEach((v, i) => expect(relativeError(v, ref.params[i] as number)).toBeLessThan(1e-6));
    expect(relativeError(fit.logLikelihood, ref.logLikelihood)).toBeLessThan(1e-13);
  });

  it('standard errors match the inverse of the mpmath Hessian to 5 digits', () => {
    const se = fit.standardErrors!;
    const ref = reference.donations.standardErrors;
    [se.alpha, se.beta, se.gamma, se.delta].forEach((v, i) => expect(relativeError(v, ref[i] as number)).toBeLessThan(1e-5));
  });

  it('is deterministic, bit for bit', () => {
    const again = fitBgBb(table, byWeight);
    expect([again.alpha, again.beta, again.gamma, again.delta, again.logLikelihood]).toEqual([fit.alpha, fit.beta, fit.gamma, fit.delta, fit.logLikelihood]);
  });

  it('fits the 22 weighted cells exactly like the 11,104 donors one by one, in any order', () => {
    const donors = donorsExpanded();
    const expanded = fitBgBb(donors);
    expect(expanded.rows).toBe(11104);
    expect([expanded.alpha, expanded.beta, expanded.gamma, expanded.delta, expanded.logLikelihood]).toEqual([fit.alpha, fit.beta, fit.gamma, fit.delta, fit.logLikelihood]);
    const reversed = fitBgBb([...donors].reverse());
    expect(reversed.alpha).toBe(fit.alpha);
    expect(reversed.logLikelihood).toBe(fit.logLikelihood);
  });

  it('fits a million donors (weights × 100): same estimates, log-likelihood × 100, standard errors / 10', () => {
    const big = fitBgBb(table, { weight: (d) => d.weights * 100 });
    expect(big.n).toBe(1_110_400);
    expect(big.converged).toBe(true);
    for (const k of ['alpha', 'beta', 'gamma', 'delta'] as const) {
      expect(relativeError(big[k], fit[k])).toBeLessThan(1e-6);
      expect(relativeError(big.standardErrors![k] * 10, fit.standardErrors![k])).toBeLessThan(1e-4);
    }
    expect(relativeError(big.logLikelihood, 100 * fit.logLikelihood)).toBeLessThan(1e-12);
  });

  it('stays finite with extreme customers among the rows (x = n = 10,000; x = 0 with n = 10,000)', () => {
    const rows = [
      ...table,
      { frequency: 10_000, recency: 10_000, periods: 10_000, weights: 1 },
      { frequency: 0, recency: 0, periods: 10_000, weights: 1 },
      { frequency: 1, recency: 1, periods: 10_000, weights: 1 },
    ];
    const heavy = fitBgBb(rows, byWeight);
    expect([heavy.alpha, heavy.beta, heavy.gamma, heavy.delta, heavy.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(heavy.converged).toBe(true);
  });

  it('reads any iterable and accessors, and skips and counts missing rows and fields', () => {
    function* gen() {
      yield* table;
    }
    expect(fitBgBb(gen(), byWeight).alpha).toBe(fit.alpha);
    const tuples = table.map((d) => [d.frequency, d.recency, d.periods, d.weights] as const);
    const viaAccessors = fitBgBb(tuples, { frequency: (d) => d[0], recency: (d) => d[1], periods: (d) => d[2], weight: (d) => d[3] });
    expect(viaAccessors.alpha).toBe(fit.alpha);
    const holes = [null, ...table, undefined] as typeof table;
    const withHoles = fitBgBb(holes, byWeight);
    expect(withHoles.skipped).toBe(2);
    expect(withHoles.rows).toBe(22);
    expect(withHoles.alpha).toBe(fit.alpha);
    const missing = fitBgBb([...table, { frequency: 1, recency: undefined, periods: 6, weights: 5 } as unknown as (typeof table)[0], { frequency: 1, recency: 1, periods: 6, weights: null } as unknown as (typeof table)[0]], byWeight);
    expect(missing.skipped).toBe(2);
    expect(missing.alpha).toBe(fit.alpha);
  });

  it('the fitted model reproduces Table 6 of the paper through bgBbProbabilityAlive', () => {
    expect(bgBbProbabilityAlive(fit, { frequency: 0, recency: 0, periods: 6 }).toFixed(2)).toBe('0.11');
    expect(bgBbProbabilityAlive(fit, { frequency: 2, recency: 4, periods: 6 }).toFixed(2)).toBe('0.59');
    expect(bgBbProbabilityAlive(fit, { frequency: 6, recency: 6, periods: 6 }).toFixed(2)).toBe('0.93');
  });
});

describe('BG/BB log-likelihood (internal): value and analytic gradient', () => {
  const published = [1.204, 0.75, 0.657, 2.783];

  it('matches the mpmath likelihood of each reference customer, and the reference total at the MLE', () => {
    for (const [x, tx, n, ll] of reference.likelihood) {
      const value = -bgBbNegativeLogLikelihood(published.map(Math.log), statsOf([{ frequency: x, recency: tx, periods: n }]));
      expect(Math.abs(value - ll)).toBeLessThan(1e-13 * Math.max(1, Math.abs(ll)));
    }
    const stats = statsOf(table.map((d) => ({ ...d })));
    const total = -bgBbNegativeLogLikelihood(reference.donations.params.map(Math.log), stats) * stats.totalWeight;
    expect(relativeError(total, reference.donations.logLikelihood)).toBeLessThan(1e-14);
    for (const e of reference.extreme) {
      const [x, tx, n] = e.customer;
      const value = -bgBbNegativeLogLikelihood(published.map(Math.log), statsOf([{ frequency: x, recency: tx, periods: n }]));
      expect(relativeError(value, e.logLikelihood)).toBeLessThan(1e-13);
    }
  });

  const cases: [string, Parameters<typeof statsOf>[0], number[]][] = [
    ['donations at the start', table, [0, 0, 0, 0]],
    ['donations near the optimum', table, published.map(Math.log)],
    ['donations far away', table, [Math.log(20), Math.log(0.05), Math.log(5), Math.log(0.1)]],
    [
      'mixed n, extreme customers',
      [
        { frequency: 10_000, recency: 10_000, periods: 10_000 },
        { frequency: 50, recency: 80, periods: 120 },
        { frequency: 0, recency: 0, periods: 40 },
        { frequency: 0, recency: 0, periods: 0 },
        { frequency: 3, recency: 3, periods: 40 },
        { frequency: 3, recency: 7, periods: 40 },
        { frequency: 1, recency: 1, periods: 1 },
      ],
      [Math.log(0.5), Math.log(2), Math.log(1.5), Math.log(0.7)],
    ],
  ];
  it.each(cases)('gradient vs central differences: %s', (_name, rows, theta) => {
    const stats = statsOf(rows);
    const g = [0, 0, 0, 0];
    const f0 = bgBbNegativeLogLikelihood(theta, stats, g);
    expect(Number.isFinite(f0)).toBe(true);
    for (let i = 0; i < 4; i++) {
      const h = 1e-3; // five-point stencil: truncation O(h⁴)
      const at = (d: number) => {
        const p = theta.slice();
        p[i] = (p[i] as number) + d;
        return bgBbNegativeLogLikelihood(p, stats);
      };
      const numeric = (at(-2 * h) - 8 * at(-h) + 8 * at(h) - at(2 * h)) / (12 * h);
      expect(Math.abs((g[i] as number) - numeric)).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric), Math.abs(f0)));
    }
  });

  it('grouped and ungrouped statistics give the same likelihood', () => {
    const rows = simulateBgBb(3000, { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, { seed: 5, periods: (_i, u) => 1 + Math.floor(u() * 30) });
    const theta = [0.1, -0.2, -0.4, 1];
    const grouped = statsOf(rows);
    expect(grouped.groupTx.length).toBeLessThan(rows.length / 2);
    expect(relativeError(bgBbNegativeLogLikelihood(theta, grouped), bgBbNegativeLogLikelihood(theta, statsOf(rows, false)))).toBeLessThan(1e-13);
  });

  it('is +Infinity outside the numeric range, with a zero gradient', () => {
    const g = [1, 1, 1, 1];
    expect(bgBbNegativeLogLikelihood([31, 0, 0, 0], statsOf(table), g)).toBe(Infinity);
    expect(g).toEqual([0, 0, 0, 0]);
  });
});

describe('parameter recovery from simulated data', () => {
  it.each([
    [{ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, 21, () => 6],
    [{ alpha: 0.5, beta: 3, gamma: 2, delta: 10 }, 22, (_i: number, u: () => number) => 4 + Math.floor(u() * 20)],
    [{ alpha: 4, beta: 1, gamma: 0.3, delta: 0.8 }, 23, (_i: number, u: () => number) => 1 + Math.floor(u() * 52)],
  ])('recovers %o within 4 standard errors', (truth, seed, periods) => {
    const fit = fitBgBb(simulateBgBb(20_000, truth, { seed, periods }));
    expect(fit.converged).toBe(true);
    const se = fit.standardErrors!;
    for (const k of ['alpha', 'beta', 'gamma', 'delta'] as const) expect(Math.abs(fit[k] - truth[k])).toBeLessThan(4 * se[k]);
  });
});

describe('fitBgBb on too little or degenerate data', () => {
  it('reports a maximum the data cannot identify as not converged, with finite parameters and a reason', () => {
    // One opportunity each: only P(X(1) = 1) is identified, not four parameters.
    const fit = fitBgBb([
      { frequency: 1, recency: 1, periods: 1, weights: 30 },
      { frequency: 0, recency: 0, periods: 1, weights: 70 },
    ], byWeight);
    expect(fit.converged).toBe(false);
    expect([fit.alpha, fit.beta, fit.gamma, fit.delta, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(fit.message).toMatch(/not positive definite|boundary|cannot identify/);
  });

  it('never returns NaN when every customer transacts at every opportunity (a boundary maximum)', () => {
    const fit = fitBgBb([{ frequency: 6, recency: 6, periods: 6, weights: 100 }, { frequency: 3, recency: 3, periods: 3, weights: 100 }], byWeight);
    expect([fit.alpha, fit.beta, fit.gamma, fit.delta, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(fit.converged).toBe(false);
  });

  it('throws INSUFFICIENT_DATA, naming why', () => {
    expect(code(() => fitBgBb([]))).toBe('INSUFFICIENT_DATA');
    expect(() => fitBgBb([{ frequency: 1, recency: 1, periods: 2 }])).toThrow(/at least 4 customers/);
    const none = Array.from({ length: 10 }, () => ({ frequency: 0, recency: 0, periods: 5 }));
    expect(() => fitBgBb(none)).toThrow(/no customer made a repeat transaction/);
    expect(code(() => fitBgBb(none))).toBe('INSUFFICIENT_DATA');
    expect(code(() => fitBgBb([null, null] as unknown as DiscreteCustomerHistory[]))).toBe('INSUFFICIENT_DATA');
    expect(() => fitBgBb(table.slice(0, 4), { weight: () => 0.5 })).toThrow(/at least 4 customers .* got 2/);
  });
});

describe('fitBgBb bad input', () => {
  const ok = donorsExpanded().slice(0, 60);
  const withRow = (row: unknown) => [...ok.slice(0, 3), row, ...ok.slice(3)] as DiscreteCustomerHistory[];
  it.each<[string, unknown, string]>([
    ['negative frequency', { frequency: -1, recency: 0, periods: 5 }, 'NEGATIVE_VALUE'],
    ['fractional frequency', { frequency: 1.5, recency: 2, periods: 5 }, 'NOT_AN_INTEGER'],
    ['fractional recency', { frequency: 1, recency: 1.5, periods: 5 }, 'NOT_AN_INTEGER'],
    ['fractional periods', { frequency: 1, recency: 1, periods: 5.5 }, 'NOT_AN_INTEGER'],
    ['negative periods', { frequency: 0, recency: 0, periods: -5 }, 'NEGATIVE_VALUE'],
    ['negative recency', { frequency: 1, recency: -1, periods: 5 }, 'NEGATIVE_VALUE'],
    ['more than 10⁶ periods', { frequency: 0, recency: 0, periods: 2e6 }, 'OUT_OF_RANGE'],
    ['NaN frequency', { frequency: Number.NaN, recency: 0, periods: 5 }, 'INVALID_NUMBER'],
    ['Infinity periods', { frequency: 0, recency: 0, periods: Infinity }, 'INVALID_NUMBER'],
    ['string recency', { frequency: 1, recency: '2', periods: 5 }, 'INVALID_NUMBER'],
    ['recency > periods', { frequency: 1, recency: 6, periods: 5 }, 'ORDER_VIOLATION'],
    ['recency with no transaction', { frequency: 0, recency: 3, periods: 5 }, 'INCONSISTENT_INPUT'],
    ['frequency > recency', { frequency: 3, recency: 2, periods: 5 }, 'INCONSISTENT_INPUT'],
    ['transactions at recency 0', { frequency: 2, recency: 0, periods: 5 }, 'INCONSISTENT_INPUT'],
  ])('%s → %s with its index', (_name, row, expected) => {
    let error: unknown;
    try {
      fitBgBb(withRow(row));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe(expected);
    expect((error as CxMetricsError).details.index).toBe(3);
    expect((error as CxMetricsError).message).toMatch(/^fitBgBb: .* at index 3/);
  });

  it('rejects bad weights and bad maxIterations', () => {
    expect(code(() => fitBgBb(ok, { weight: (_d, i) => (i === 2 ? -1 : 1) }))).toBe('NEGATIVE_VALUE');
    expect(code(() => fitBgBb(ok, { weight: (_d, i) => (i === 2 ? Number.NaN : 1) }))).toBe('INVALID_NUMBER');
    expect(code(() => fitBgBb(ok, { weight: () => '1' as unknown as number }))).toBe('INVALID_NUMBER');
    expect(code(() => fitBgBb(ok, { maxIterations: 0 }))).toBe('OUT_OF_RANGE');
    expect(code(() => fitBgBb(ok, { maxIterations: 2.5 }))).toBe('NOT_AN_INTEGER');
  });

  it('never mutates its input', () => {
    const rows = table.map((d) => Object.freeze({ ...d }));
    const copy = JSON.stringify(rows);
    fitBgBb(rows, byWeight);
    expect(JSON.stringify(rows)).toBe(copy);
  });

  it('reports converged: false with finite values when the iteration budget is too small', () => {
    const fit = fitBgBb(table, { ...byWeight, maxIterations: 2 });
    expect([fit.alpha, fit.beta, fit.gamma, fit.delta, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(fit.converged).toBe(false);
    expect(fit.message).toMatch(/iteration limit/);
  });
});
