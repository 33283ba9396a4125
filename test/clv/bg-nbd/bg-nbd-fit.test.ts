import { describe, expect, it } from 'vitest';
import { bgNbdConditionalExpectedPurchases, bgNbdProbabilityAlive, fitBgNbd, fitParetoNbd, simulateBgNbd, type CustomerHistory } from '../../../src/clv';
import { CxMetricsError } from '../../../src/internal/errors';
import { errorCode as code } from '../../support/error-code';
import { bgNbdNegativeLogLikelihood, bgNbdSufficientStatistics } from '../../../src/clv/bg-nbd/bg-nbd-likelihood';
import { cdnowBgNbdSummary, reference, relativeError } from '../clv-data';
import { extreme } from './bg-nbd-extreme-reference';

const cdnow = cdnowBgNbdSummary();

function statsOf(rows: readonly CustomerHistory[]) {
  const n = rows.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = new Float64Array(n).fill(1);
  rows.forEach((d, i) => {
    x[i] = d.frequency;
    tx[i] = d.recency;
    T[i] = d.T;
  });
  return bgNbdSufficientStatistics(x, tx, T, w, n);
}

/** The mean negative log-likelihood without grouping: each row's own statistics, averaged. */
function ungroupedNll(theta: readonly number[], rows: readonly CustomerHistory[]): number {
  return rows.reduce((sum, row) => sum + bgNbdNegativeLogLikelihood(theta, statsOf([row])), 0) / rows.length;
}

describe('fitBgNbd on CDNOW (Fader, Hardie & Lee 2005)', () => {
  const fit = fitBgNbd(cdnow);

  it('reproduces the published estimates and log-likelihood', () => {
    expect(fit.r.toFixed(3)).toBe('0.243');
    expect(fit.alpha.toFixed(3)).toBe('4.414');
    expect(fit.a.toFixed(3)).toBe('0.793');
    expect(fit.b.toFixed(3)).toBe('2.426');
    expect(fit.logLikelihood.toFixed(1)).toBe('-9582.4');
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(2357);
    expect(fit.rows).toBe(2357);
    expect(fit.skipped).toBe(0);
    expect(Object.isFrozen(fit)).toBe(true);
  });

  it('agrees with an independent scipy/mpmath fit to 6 digits, log-likelihood to 12', () => {
    const ref = reference.bgnbdCdnow;
    [fit.r, fit.alpha, fit.a, fit.b].forEach((v, i) => expect(relativeError(v, ref.params[i] as number)).toBeLessThan(1e-6));
    expect(relativeError(fit.logLikelihood, ref.logLikelihood)).toBeLessThan(1e-12);
  });

  it('standard errors match the mpmath Hessian to 5 digits (and lifetimes: 0.0126, 0.378, 0.186, 0.705)', () => {
    const se = fit.standardErrors;
    expect(se).toBeDefined();
    const ref = reference.bgnbdCdnow.standardErrors;
    [se!.r, se!.alpha, se!.a, se!.b].forEach((v, i) => expect(relativeError(v, ref[i] as number)).toBeLessThan(1e-5));
  });

  it('is deterministic, bit for bit', () => {
    const again = fitBgNbd(cdnow);
    expect([again.r, again.alpha, again.a, again.b, again.logLikelihood]).toEqual([fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood]);
  });

  it('fits grouped rows with weights exactly like the expanded rows', () => {
    const groups = new Map<string, { frequency: number; recency: number; T: number; count: number }>();
    // Group in reverse order so the grouped input is not just the expansion's order.
    for (const d of [...cdnow].reverse()) {
      const key = `${d.frequency}|${d.recency}|${d.T}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { frequency: d.frequency, recency: d.recency, T: d.T, count: 1 });
    }
    const grouped = [...groups.values()];
    expect(grouped.length).toBeLessThan(cdnow.length);
    const weighted = fitBgNbd(grouped, { weight: (d) => d.count });
    expect(weighted.n).toBe(2357);
    expect(weighted.rows).toBe(grouped.length);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(relativeError(weighted[k], fit[k])).toBeLessThan(1e-7);
    expect(relativeError(weighted.logLikelihood, fit.logLikelihood)).toBeLessThan(1e-12);
  });

  it('rescaling every time by k rescales α by k and leaves r, a, b unchanged', () => {
    for (const k of [7, 1 / 7, 12]) {
      const scaled = fitBgNbd(cdnow.map((d) => ({ frequency: d.frequency, recency: d.recency * k, T: d.T * k })));
      expect(relativeError(scaled.alpha, fit.alpha * k)).toBeLessThan(1e-6);
      for (const p of ['r', 'a', 'b'] as const) expect(relativeError(scaled[p], fit[p])).toBeLessThan(1e-6);
      // ln L shifts by −Σx·ln k (the density of the times picks up a Jacobian).
      const sumX = cdnow.reduce((s, d) => s + d.frequency, 0);
      expect(scaled.logLikelihood).toBeCloseTo(fit.logLikelihood - sumX * Math.log(k), 6);
    }
  });

  it('fits the model on times scaled by k to predictions that agree at scaled times', () => {
    const k = 7; // weeks → days
    const days = fitBgNbd(cdnow.map((d) => ({ frequency: d.frequency, recency: d.recency * k, T: d.T * k })));
    for (const c of [cdnow[0]!, cdnow[17]!, { frequency: 0, recency: 0, T: 20 }]) {
      const inDays = { frequency: c.frequency, recency: c.recency * k, T: c.T * k };
      expect(relativeError(bgNbdProbabilityAlive(days, inDays), bgNbdProbabilityAlive(fit, c))).toBeLessThan(1e-6);
      expect(relativeError(bgNbdConditionalExpectedPurchases(days, inDays, 52 * k), bgNbdConditionalExpectedPurchases(fit, c, 52))).toBeLessThan(1e-6);
    }
  });

  it('fits millions of customers (grouped rows of weight 1,000): same estimates, log-likelihood × 1,000', () => {
    const million = fitBgNbd(cdnow, { weight: () => 1000 });
    expect(million.n).toBe(2_357_000);
    expect(million.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(relativeError(million[k], fit[k])).toBeLessThan(1e-7);
    expect(relativeError(million.logLikelihood, 1000 * fit.logLikelihood)).toBeLessThan(1e-12);
    // Standard errors shrink by √1000.
    expect(relativeError(million.standardErrors!.r * Math.sqrt(1000), fit.standardErrors!.r)).toBeLessThan(1e-4);
  });

  it('stays finite with a customer of 10,000 purchases (tₓ = T) among the rows', () => {
    const heavy = fitBgNbd([...cdnow, { frequency: 10_000, recency: 38.86, T: 38.86 }]);
    expect([heavy.r, heavy.alpha, heavy.a, heavy.b, heavy.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(heavy.converged).toBe(true);
    // The extreme buyer raises the heterogeneity of rates: a smaller shape r.
    expect(heavy.r).toBeLessThan(fit.r);
  });

  it('reads any iterable and accessors, and skips and counts missing rows and fields', () => {
    function* gen() {
      yield* cdnow;
    }
    expect(fitBgNbd(gen()).r).toBe(fit.r);
    const tuples = cdnow.map((d) => [d.frequency, d.recency, d.T] as const);
    const viaAccessors = fitBgNbd(tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
    expect(viaAccessors.r).toBe(fit.r);
    const holes: (CustomerHistory | null | undefined)[] = [null, ...cdnow, undefined];
    const withHoles = fitBgNbd(holes as CustomerHistory[]);
    expect(withHoles.skipped).toBe(2);
    expect(withHoles.r).toBe(fit.r);
    const missingField = fitBgNbd([...cdnow, { frequency: 1, recency: undefined, T: 3 } as unknown as CustomerHistory]);
    expect(missingField.skipped).toBe(1);
  });
});

describe('BG/NBD log-likelihood gradient (analytic vs central differences)', () => {
  const cases: [string, CustomerHistory[], number[]][] = [
    ['CDNOW at the start', cdnow, [0, Math.log(10), 0, 0]],
    ['CDNOW near the optimum', cdnow, [Math.log(0.25), Math.log(4.4), Math.log(0.8), Math.log(2.4)]],
    ['CDNOW far away', cdnow, [Math.log(3), Math.log(0.2), Math.log(20), Math.log(0.05)]],
    [
      'heavy buyers, tₓ = T',
      [
        { frequency: 10000, recency: 38, T: 38 },
        { frequency: 50, recency: 20, T: 38 },
        { frequency: 0, recency: 0, T: 10 },
        { frequency: 1, recency: 0.5, T: 1 },
      ],
      [Math.log(0.5), Math.log(2), Math.log(1.5), Math.log(0.7)],
    ],
  ];
  it.each(cases)('%s', (_name, rows, theta) => {
    const stats = statsOf(rows);
    const g = [0, 0, 0, 0];
    const f0 = bgNbdNegativeLogLikelihood(theta, stats, g);
    expect(Number.isFinite(f0)).toBe(true);
    for (let i = 0; i < 4; i++) {
      // Five-point stencil: truncation O(h⁴), rounding ~ε|f|/h.
      const h = 1e-3;
      const at = (d: number) => {
        const p = theta.slice();
        p[i] = (p[i] as number) + d;
        return bgNbdNegativeLogLikelihood(p, stats);
      };
      const numeric = (at(-2 * h) - 8 * at(-h) + 8 * at(h) - at(2 * h)) / (12 * h);
      expect(Math.abs((g[i] as number) - numeric)).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric), Math.abs(f0)));
    }
  });

  it('grouped and ungrouped statistics give the same likelihood', () => {
    const theta = reference.bgnbdCdnow.params.map(Math.log);
    const grouped = bgNbdNegativeLogLikelihood(theta, statsOf(cdnow));
    const plain = ungroupedNll(theta, cdnow);
    expect(relativeError(grouped, plain)).toBeLessThan(1e-13);
    expect(grouped * 2357).toBeCloseTo(-reference.bgnbdCdnow.logLikelihood, 6);
  });

  it('is finite for a customer with 10,000 purchases, tₓ = T, x = 0 and T = 0', () => {
    const stats = statsOf([
      { frequency: 10000, recency: 52, T: 52 },
      { frequency: 10000, recency: 1, T: 52 },
      { frequency: 0, recency: 0, T: 0 },
      { frequency: 0, recency: 0, T: 52 },
    ]);
    const g = [0, 0, 0, 0];
    expect(Number.isFinite(bgNbdNegativeLogLikelihood([0, 0, 0, 0], stats, g))).toBe(true);
    expect(g.every(Number.isFinite)).toBe(true);
  });
});

describe('parameter recovery from simulated data', () => {
  it.each([
    [{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 11],
    [{ r: 1.5, alpha: 10, a: 2, b: 5 }, 12],
  ])('recovers %o within 4 standard errors', (truth, seed) => {
    const rows = simulateBgNbd(truth, { customers: 20_000, seed, T: { min: 13, max: 39 } });
    const fit = fitBgNbd(rows);
    expect(fit.converged).toBe(true);
    const se = fit.standardErrors!;
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit[k] - truth[k])).toBeLessThan(4 * se[k]);
    }
  });

  it('fits a day-resolution million-customer-style sample through grouping identically to no grouping', () => {
    const rows = simulateBgNbd({ r: 0.5, alpha: 5, a: 1, b: 3 }, { customers: 20_000, seed: 3, T: { min: 26, max: 38 }, resolution: 1 / 7 });
    const grouped = statsOf(rows);
    expect(grouped.zeroT.length + grouped.repeatX.length).toBeLessThan(rows.length * 0.7);
    const theta = [Math.log(0.5), Math.log(5), 0, Math.log(3)];
    expect(relativeError(bgNbdNegativeLogLikelihood(theta, grouped), ungroupedNll(theta, rows))).toBeLessThan(1e-12);
  });
});

describe('fitBgNbd on too little or degenerate data', () => {
  it('reports a boundary maximum as not converged, with finite parameters and a reason', () => {
    const fit = fitBgNbd([
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 1, recency: 10, T: 30 },
      { frequency: 2, recency: 25, T: 30 },
    ]);
    expect(fit.converged).toBe(false);
    expect([fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(fit.message).toMatch(/not positive definite|boundary|cannot identify/);
  });

  it('throws INSUFFICIENT_DATA, naming why', () => {
    expect(code(() => fitBgNbd([]))).toBe('INSUFFICIENT_DATA');
    expect(() => fitBgNbd([{ frequency: 1, recency: 1, T: 2 }])).toThrow(/at least 4 customers/);
    const noRepeat = Array.from({ length: 10 }, () => ({ frequency: 0, recency: 0, T: 5 }));
    expect(() => fitBgNbd(noRepeat)).toThrow(/no customer made a repeat purchase/);
    expect(code(() => fitBgNbd(noRepeat))).toBe('INSUFFICIENT_DATA');
    expect(code(() => fitBgNbd([null, null] as unknown as CustomerHistory[]))).toBe('INSUFFICIENT_DATA');
    // Four rows standing for two customers: the weights decide.
    expect(() => fitBgNbd(cdnow.slice(0, 4), { weight: () => 0.5 })).toThrow(/at least 4 customers .* got 2/);
  });
});

describe('fitBgNbd bad input', () => {
  const ok = cdnow.slice(0, 50);
  const withRow = (row: unknown) => [...ok.slice(0, 3), row, ...ok.slice(3)] as CustomerHistory[];
  it.each<[string, unknown, string]>([
    ['negative frequency', { frequency: -1, recency: 0, T: 5 }, 'NEGATIVE_VALUE'],
    ['fractional frequency', { frequency: 1.5, recency: 1, T: 5 }, 'NOT_AN_INTEGER'],
    ['recency > T', { frequency: 1, recency: 6, T: 5 }, 'ORDER_VIOLATION'],
    ['negative T', { frequency: 0, recency: 0, T: -5 }, 'NEGATIVE_VALUE'],
    ['negative recency', { frequency: 1, recency: -1, T: 5 }, 'NEGATIVE_VALUE'],
    ['NaN frequency', { frequency: Number.NaN, recency: 0, T: 5 }, 'INVALID_NUMBER'],
    ['Infinity T', { frequency: 0, recency: 0, T: Infinity }, 'INVALID_NUMBER'],
    ['string recency', { frequency: 1, recency: '2', T: 5 }, 'INVALID_NUMBER'],
    ['recency with no repeat purchase', { frequency: 0, recency: 3, T: 5 }, 'INCONSISTENT_INPUT'],
  ])('%s → %s with its index', (_name, row, expected) => {
    let error: unknown;
    try {
      fitBgNbd(withRow(row));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe(expected);
    expect((error as CxMetricsError).details.index).toBe(3);
    expect((error as CxMetricsError).message).toMatch(/^fitBgNbd: .* at index 3/);
  });

  it('rejects bad weights and bad maxIterations', () => {
    expect(code(() => fitBgNbd(ok, { weight: (_d, i) => (i === 2 ? -1 : 1) }))).toBe('NEGATIVE_VALUE');
    expect(code(() => fitBgNbd(ok, { weight: (_d, i) => (i === 2 ? Number.NaN : 1) }))).toBe('INVALID_NUMBER');
    expect(code(() => fitBgNbd(ok, { weight: () => '1' as unknown as number }))).toBe('INVALID_NUMBER');
    expect(code(() => fitBgNbd(ok, { maxIterations: 0 }))).toBe('OUT_OF_RANGE');
    expect(code(() => fitBgNbd(ok, { maxIterations: 2.5 }))).toBe('NOT_AN_INTEGER');
  });

  it('never mutates its input', () => {
    const rows = ok.map((d) => Object.freeze({ ...d }));
    const copy = JSON.stringify(rows);
    fitBgNbd(rows);
    expect(JSON.stringify(rows)).toBe(copy);
  });

  it('reports converged: false with finite values when the iteration budget is too small', () => {
    const fit = fitBgNbd(cdnow, { maxIterations: 2 });
    expect([fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(fit.converged).toBe(false);
    expect(fit.message).toMatch(/iteration limit/);
  });
});

describe('fitBgNbd robustness on random simulated data sets', () => {
  it('never returns NaN, and a converged fit beats the true parameters’ likelihood', () => {
    let converged = 0;
    for (let k = 0; k < 24; k++) {
      // Parameters spread over orders of magnitude, deterministic per k.
      const truth = {
        r: 0.05 * 3 ** (k % 5),
        alpha: 0.5 * 4 ** (k % 4),
        a: 0.2 * 3 ** (k % 3),
        b: 0.3 * 3 ** ((k >> 1) % 4),
      };
      const rows = simulateBgNbd(truth, { customers: 400, seed: 1000 + k, T: { min: 5, max: 55 } });
      let fit;
      try {
        fit = fitBgNbd(rows);
      } catch (error) {
        // Only a documented refusal (e.g. no repeat purchase at all) is acceptable.
        expect((error as CxMetricsError).code).toBe('INSUFFICIENT_DATA');
        continue;
      }
      expect([fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood].every(Number.isFinite)).toBe(true);
      if (fit.converged) {
        converged++;
        const stats = statsOf(rows);
        const atTruth = -bgNbdNegativeLogLikelihood([truth.r, truth.alpha, truth.a, truth.b].map(Math.log), stats) * stats.totalWeight;
        expect(fit.logLikelihood).toBeGreaterThanOrEqual(atTruth - 1e-6);
      }
    }
    expect(converged).toBeGreaterThan(12);
  });
});

describe('fitBgNbd with recency 0 and repeat purchases (rounded exports)', () => {
  const zero = extreme.recencyZero;
  const rows = cdnowBgNbdSummary().map((d, i) => (zero.rows.includes(i) ? { ...d, recency: 0 } : d));

  it('the reference shows the likelihood unbounded along alpha = r^m → 0 (so no global maximum exists)', () => {
    const values = zero.logLikelihoodNearBoundary.map(([, ll]) => ll);
    expect(values[2]!).toBeGreaterThan(zero.logLikelihood);
    expect(values[2]!).toBeGreaterThan(values[1]!);
  });

  it('returns the interior local maximum found from lifetimes\' start (its published log-likelihood, scipy), and says so', () => {
    expect(rows.filter((d) => d.frequency > 0 && d.recency === 0).length).toBe(5);
    const fit = fitBgNbd(rows);
    expect(fit.converged).toBe(true);
    expect(fit.message).toMatch(/interior local maximum: the likelihood is unbounded as alpha → 0 with r → 0 because 5 customers have repeat purchases with recency 0/);
    expect(Math.abs(fit.logLikelihood - zero.logLikelihood)).toBeLessThan(1e-6);
    const [r, alpha, a, b] = zero.params;
    expect(relativeError(fit.r, r)).toBeLessThan(1e-4);
    expect(relativeError(fit.alpha, alpha)).toBeLessThan(1e-4);
    expect(relativeError(fit.a, a)).toBeLessThan(1e-4);
    expect(relativeError(fit.b, b)).toBeLessThan(1e-4);
    // Predictions for such a row are well defined: P(alive) from eq. 11 with tₓ = 0.
    const alive = bgNbdProbabilityAlive(fit, { frequency: 2, recency: 0, T: 30 });
    expect(alive).toBeGreaterThan(0);
    expect(alive).toBeLessThan(bgNbdProbabilityAlive(fit, { frequency: 2, recency: 15, T: 30 }));
  });

  it('fitParetoNbd on the same data returns finite parameters (no NaN, no throw)', () => {
    const fit = fitParetoNbd(rows);
    expect([fit.r, fit.alpha, fit.s, fit.beta, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(fit.converged).toBe(true);
  });
});
