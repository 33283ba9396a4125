import { describe, expect, it } from 'vitest';
import { fitGammaGamma, type GammaGammaCustomer } from '../../../src/clv';
import { CxMetricsError } from '../../../src/internal/errors';
import { errorCode as code } from '../../support/error-code';
import { gammaGammaNegativeLogLikelihood, gammaGammaSufficientStatistics } from '../../../src/clv/gamma-gamma/likelihood';
import { cdnowSummary, reference, relativeError } from '../clv-data';
import { simulateCustomers } from '../clv-simulate';

const cdnow = cdnowSummary();

describe('fitGammaGamma on the CDNOW repeat customers (Fader, Hardie & Lee 2005)', () => {
  const fit = fitGammaGamma(cdnow);

  it('reproduces the published estimates', () => {
    expect(fit.p.toFixed(2)).toBe('6.25');
    expect(fit.q.toFixed(2)).toBe('3.74');
    expect(fit.gamma.toFixed(2)).toBe('15.45'); // published 15.44: 15.4477 rounds to 15.45 at 2 decimals
    expect(fit.gamma.toPrecision(3)).toBe('15.4');
    expect(fit.n).toBe(946);
    expect(fit.withoutRepeat).toBe(1411);
    expect(fit.converged).toBe(true);
    expect(Object.isFrozen(fit)).toBe(true);
  });

  it('agrees with an independent scipy/mpmath fit (estimates 1e-6, log-likelihood 1e-12, SE 1e-5)', () => {
    const ref = reference.gammaGammaCdnow;
    [fit.p, fit.q, fit.gamma].forEach((v, i) => expect(relativeError(v, ref.params[i] as number)).toBeLessThan(1e-6));
    expect(relativeError(fit.logLikelihood, ref.logLikelihood)).toBeLessThan(1e-12);
    const se = fit.standardErrors!;
    [se.p, se.q, se.gamma].forEach((v, i) => expect(relativeError(v, ref.standardErrors[i] as number)).toBeLessThan(1e-5));
  });

  it('reports the frequency–spend correlation (lifetimes documents 0.1139 on this data)', () => {
    expect(fit.frequencySpendCorrelation!.toFixed(4)).toBe('0.1139');
  });

  it('fits weighted grouped rows like the expanded rows', () => {
    const groups = new Map<string, { frequency: number; monetaryValue: number; count: number }>();
    for (const d of cdnow) {
      const k = `${d.frequency}|${d.monetaryValue}`;
      const g = groups.get(k);
      if (g) g.count++;
      else groups.set(k, { frequency: d.frequency, monetaryValue: d.monetaryValue, count: 1 });
    }
    const grouped = fitGammaGamma([...groups.values()], { weight: (d) => d.count });
    expect(grouped.n).toBe(946);
    // Same maximum; the optimizer's stopping point differs only below its tolerance.
    for (const k of ['p', 'q', 'gamma'] as const) expect(relativeError(grouped[k], fit[k])).toBeLessThan(5e-6);
    expect(relativeError(grouped.logLikelihood, fit.logLikelihood)).toBeLessThan(1e-12);
  });

  it('rescaling money by k rescales γ by k and leaves p, q unchanged', () => {
    const scaled = fitGammaGamma(cdnow.map((d) => ({ frequency: d.frequency, monetaryValue: d.monetaryValue * 8 })));
    expect(relativeError(scaled.gamma, fit.gamma * 8)).toBeLessThan(1e-6);
    expect(relativeError(scaled.p, fit.p)).toBeLessThan(1e-6);
    expect(relativeError(scaled.q, fit.q)).toBeLessThan(1e-6);
  });

  it('skips and counts missing rows; reads accessors', () => {
    const withHoles = fitGammaGamma([null, ...cdnow, { frequency: 2, monetaryValue: null }] as unknown as GammaGammaCustomer[]);
    expect(withHoles.skipped).toBe(2);
    expect(withHoles.p).toBe(fit.p);
    const tuples = cdnow.map((d) => [d.frequency, d.monetaryValue] as const);
    expect(fitGammaGamma(tuples, { frequency: (d) => d[0], monetaryValue: (d) => d[1] }).p).toBe(fit.p);
  });
});

describe('Gamma-Gamma gradient (analytic vs five-point differences)', () => {
  const rows = cdnow.filter((d) => d.frequency > 0);
  const x = Float64Array.from(rows, (d) => d.frequency);
  const z = Float64Array.from(rows, (d) => d.monetaryValue);
  const w = new Float64Array(rows.length).fill(1);
  const stats = gammaGammaSufficientStatistics(x, z, w, rows.length);
  it.each([
    [[0, 0, 0]],
    [[Math.log(6), Math.log(3.7), Math.log(15)]],
    [[-2, 3, 6]],
  ])('at %o', (theta) => {
    const g = [0, 0, 0];
    const f0 = gammaGammaNegativeLogLikelihood(theta, stats, g);
    for (let i = 0; i < 3; i++) {
      const h = 1e-3;
      const at = (d: number) => {
        const p = theta.slice();
        p[i] = (p[i] as number) + d;
        return gammaGammaNegativeLogLikelihood(p, stats);
      };
      const numeric = (at(-2 * h) - 8 * at(-h) + 8 * at(h) - at(2 * h)) / (12 * h);
      expect(Math.abs((g[i] as number) - numeric)).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric), Math.abs(f0)));
    }
  });
});

describe('Gamma-Gamma parameter recovery from simulated data', () => {
  it('recovers p, q, γ within 4 standard errors', () => {
    const truth = { p: 6, q: 4, gamma: 20 };
    const rows = simulateCustomers(30_000, { r: 1, alpha: 5, a: 1, b: 3 }, { seed: 21, age: () => 52, spend: truth });
    const fit = fitGammaGamma(rows);
    expect(fit.converged).toBe(true);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit[k] - truth[k])).toBeLessThan(4 * fit.standardErrors![k]);
  });
});

describe('fitGammaGamma bad input', () => {
  const ok = cdnow.slice(0, 60);
  it.each<[string, unknown, string]>([
    ['negative frequency', { frequency: -1, monetaryValue: 3 }, 'NEGATIVE_VALUE'],
    ['fractional frequency', { frequency: 0.5, monetaryValue: 3 }, 'NOT_AN_INTEGER'],
    ['negative money', { frequency: 1, monetaryValue: -3 }, 'NEGATIVE_VALUE'],
    ['NaN money', { frequency: 1, monetaryValue: Number.NaN }, 'INVALID_NUMBER'],
    ['infinite money', { frequency: 1, monetaryValue: Number.POSITIVE_INFINITY }, 'INVALID_NUMBER'],
    ['money as a string', { frequency: 1, monetaryValue: '3' }, 'INVALID_NUMBER'],
    ['NaN frequency', { frequency: Number.NaN, monetaryValue: 3 }, 'INVALID_NUMBER'],
    ['zero spend of a repeat customer', { frequency: 2, monetaryValue: 0 }, 'OUT_OF_RANGE'],
  ])('%s → %s, naming the input index', (_name, row, expected) => {
    // Two skipped rows first: the index must be the input position, not the position among kept rows.
    const rows = [null, ...ok.slice(0, 3), { frequency: 1, monetaryValue: undefined }, row, ...ok.slice(3)] as GammaGammaCustomer[];
    let error: unknown;
    try {
      fitGammaGamma(rows);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe(expected);
    expect((error as CxMetricsError).details.index).toBe(5);
    expect((error as CxMetricsError).message).toMatch(/^fitGammaGamma: .* at index 5 /);
  });

  it('too little data: INSUFFICIENT_DATA saying why', () => {
    expect(() => fitGammaGamma([{ frequency: 1, monetaryValue: 3 }, { frequency: 0, monetaryValue: 0 }])).toThrow(/at least 3 repeat customers/);
    expect(code(() => fitGammaGamma([]))).toBe('INSUFFICIENT_DATA');
    const same = Array.from({ length: 5 }, () => ({ frequency: 2, monetaryValue: 10 }));
    expect(() => fitGammaGamma(same)).toThrow(/no variation/);
    expect(code(() => fitGammaGamma([null, undefined] as unknown as GammaGammaCustomer[]))).toBe('INSUFFICIENT_DATA');
    // Three rows, but weights of 0.5 each: 1.5 customers.
    expect(() => fitGammaGamma(ok.filter((d) => d.frequency > 0).slice(0, 3), { weight: () => 0.5 })).toThrow(/at least 3 repeat customers .* got 1\.5/);
  });

  it('rejects bad weights and options', () => {
    expect(code(() => fitGammaGamma(ok, { weight: () => -1 }))).toBe('NEGATIVE_VALUE');
    expect(code(() => fitGammaGamma(ok, { weight: () => Number.NaN }))).toBe('INVALID_NUMBER');
    expect(code(() => fitGammaGamma(ok, { maxIterations: 0 }))).toBe('OUT_OF_RANGE');
    expect(code(() => fitGammaGamma(ok, { maxIterations: 1.5 }))).toBe('NOT_AN_INTEGER');
  });

  it('never mutates its input', () => {
    const rows = ok.map((d) => Object.freeze({ ...d }));
    const copy = JSON.stringify(rows);
    fitGammaGamma(rows);
    expect(JSON.stringify(rows)).toBe(copy);
  });

  it('a fit that cannot identify q says so, with finite values', () => {
    // Every customer with the same z̄ per x but different x: no heterogeneity to estimate q.
    const fit = fitGammaGamma([
      { frequency: 1, monetaryValue: 10 },
      { frequency: 2, monetaryValue: 10 },
      { frequency: 3, monetaryValue: 10 },
      { frequency: 4, monetaryValue: 10 },
    ]);
    expect([fit.p, fit.q, fit.gamma, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(fit.converged).toBe(false);
  });
});
