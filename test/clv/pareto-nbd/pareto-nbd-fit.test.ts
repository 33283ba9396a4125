import { describe, expect, it } from 'vitest';
import { fitParetoNbd, simulateParetoNbd, paretoNbdConditionalExpectedPurchases, paretoNbdProbabilityAlive, type CustomerHistory } from '../../../src/clv';
import { CxMetricsError } from '../../../src/internal/errors';
import { paretoNbdNegativeLogLikelihood, paretoNbdSufficientStatistics } from '../../../src/clv/pareto-nbd/pareto-nbd-likelihood';
import { errorCode as code } from '../../support/error-code';
import { cdnowBgNbdSummary, relativeError } from '../clv-data';
import { paretoNbdReference as reference } from './pareto-nbd-data';

const cdnow = cdnowBgNbdSummary();

function statsOf(rows: readonly CustomerHistory[], group = true, weights?: readonly number[]) {
  const n = rows.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = weights ? Float64Array.from(weights) : new Float64Array(n).fill(1);
  rows.forEach((d, i) => {
    x[i] = d.frequency;
    tx[i] = d.recency;
    T[i] = d.T;
  });
  return paretoNbdSufficientStatistics(x, tx, T, w, n, group);
}

/** Σ w ln L at natural parameters. */
function logLikelihoodAt(params: readonly number[], rows: readonly CustomerHistory[]): number {
  const stats = statsOf(rows);
  return -paretoNbdNegativeLogLikelihood(params.map(Math.log), stats) * stats.totalWeight;
}

describe('fitParetoNbd on CDNOW (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee 2005)', () => {
  const fit = fitParetoNbd(cdnow);

  it('reproduces the published estimates (three significant digits) and log-likelihood', () => {
    // Published: r = 0.553, α = 10.578, s = 0.606, β = 11.669, ln L = −9595.0.
    expect(fit.r.toPrecision(3)).toBe('0.553');
    expect(fit.alpha.toPrecision(3)).toBe('10.6');
    expect(fit.s.toPrecision(3)).toBe('0.606');
    expect(fit.beta.toPrecision(3)).toBe('11.7');
    expect(fit.logLikelihood.toFixed(1)).toBe('-9595.0');
    // To the published decimals: r, α, s exactly; β = 11.668 against 11.669, a twentieth of a
    // standard error (6.2) away: the likelihood is that flat in β (scipy also gives 11.66791).
    expect(fit.r.toFixed(3)).toBe('0.553');
    expect(fit.alpha.toFixed(3)).toBe('10.578');
    expect(fit.s.toFixed(3)).toBe('0.606');
    expect(Math.abs(fit.beta - 11.669)).toBeLessThan(0.002);
    expect(fit.converged).toBe(true);
    expect(fit.method).toBe('bfgs');
    expect(fit.n).toBe(2357);
    expect(fit.rows).toBe(2357);
    expect(fit.skipped).toBe(0);
    expect(Object.isFrozen(fit)).toBe(true);
    expect(Object.isFrozen(fit.standardErrors)).toBe(true);
  });

  it('agrees with an independent scipy/mpmath fit of the note’s likelihood: estimates to 1e-6, log-likelihood to 1e-12', () => {
    const ref = reference.cdnow;
    [fit.r, fit.alpha, fit.s, fit.beta].forEach((v, i) => expect(relativeError(v, ref.params[i]!)).toBeLessThan(1e-6));
    expect(relativeError(fit.logLikelihood, ref.logLikelihood)).toBeLessThan(1e-12);
  });

  it('standard errors match the mpmath Hessian to 1e-5 (0.0476, 0.843, 0.187, 6.21)', () => {
    const se = fit.standardErrors!;
    const ref = reference.cdnow.standardErrors;
    [se.r, se.alpha, se.s, se.beta].forEach((v, i) => expect(relativeError(v, ref[i]!)).toBeLessThan(1e-5));
  });

  it('is deterministic, bit for bit', () => {
    const again = fitParetoNbd(cdnow);
    expect([again.r, again.alpha, again.s, again.beta, again.logLikelihood]).toEqual([fit.r, fit.alpha, fit.s, fit.beta, fit.logLikelihood]);
  });

  it('fits grouped rows with weights exactly like the expanded rows', () => {
    const groups = new Map<string, { frequency: number; recency: number; T: number; count: number }>();
    for (const d of [...cdnow].reverse()) {
      const key = `${d.frequency}|${d.recency}|${d.T}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { frequency: d.frequency, recency: d.recency, T: d.T, count: 1 });
    }
    const grouped = [...groups.values()];
    expect(grouped.length).toBe(1016);
    const weighted = fitParetoNbd(grouped, { weight: (d) => d.count });
    expect(weighted.n).toBe(2357);
    expect(weighted.rows).toBe(1016);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) expect(relativeError(weighted[k], fit[k])).toBeLessThan(1e-7);
    expect(relativeError(weighted.logLikelihood, fit.logLikelihood)).toBeLessThan(1e-12);
  });

  it('rescaling every time by k rescales α and β by k and leaves r, s unchanged', () => {
    const sumX = cdnow.reduce((s, d) => s + d.frequency, 0);
    for (const k of [7, 1 / 7, 12]) {
      const scaled = fitParetoNbd(cdnow.map((d) => ({ frequency: d.frequency, recency: d.recency * k, T: d.T * k })));
      expect(relativeError(scaled.alpha, fit.alpha * k)).toBeLessThan(1e-6);
      expect(relativeError(scaled.beta, fit.beta * k)).toBeLessThan(1e-5);
      for (const p of ['r', 's'] as const) expect(relativeError(scaled[p], fit[p])).toBeLessThan(1e-6);
      // ln L shifts by −Σx·ln k (the density of the purchase times picks up a Jacobian).
      expect(scaled.logLikelihood).toBeCloseTo(fit.logLikelihood - sumX * Math.log(k), 6);
    }
  });

  it('fits the model on times scaled by k to predictions that agree at scaled times', () => {
    const k = 7; // weeks → days
    const days = fitParetoNbd(cdnow.map((d) => ({ frequency: d.frequency, recency: d.recency * k, T: d.T * k })));
    for (const c of [cdnow[0]!, cdnow[17]!, { frequency: 0, recency: 0, T: 20 }]) {
      const inDays = { frequency: c.frequency, recency: c.recency * k, T: c.T * k };
      expect(relativeError(paretoNbdProbabilityAlive(days, inDays), paretoNbdProbabilityAlive(fit, c))).toBeLessThan(1e-6);
      expect(relativeError(paretoNbdConditionalExpectedPurchases(days, inDays, 52 * k), paretoNbdConditionalExpectedPurchases(fit, c, 52))).toBeLessThan(1e-6);
    }
  });

  it('fits millions of customers (grouped rows of weight 1,000): same estimates, log-likelihood × 1,000', () => {
    const million = fitParetoNbd(cdnow, { weight: () => 1000 });
    expect(million.n).toBe(2_357_000);
    expect(million.converged).toBe(true);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) expect(relativeError(million[k], fit[k])).toBeLessThan(1e-7);
    expect(relativeError(million.logLikelihood, 1000 * fit.logLikelihood)).toBeLessThan(1e-12);
    expect(relativeError(million.standardErrors!.beta * Math.sqrt(1000), fit.standardErrors!.beta)).toBeLessThan(1e-4);
  });

  it('stays finite with a customer of 10,000 purchases (tₓ = T) among the rows', () => {
    const heavy = fitParetoNbd([...cdnow, { frequency: 10_000, recency: 38.86, T: 38.86 }]);
    expect([heavy.r, heavy.alpha, heavy.s, heavy.beta, heavy.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(heavy.converged).toBe(true);
    // The extreme buyer raises the heterogeneity of rates: a smaller shape r.
    expect(heavy.r).toBeLessThan(fit.r);
  });

  it('reads any iterable and accessors, and skips and counts missing rows and fields', () => {
    function* gen() {
      yield* cdnow;
    }
    expect(fitParetoNbd(gen()).r).toBe(fit.r);
    const tuples = cdnow.map((d) => [d.frequency, d.recency, d.T] as const);
    expect(fitParetoNbd(tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] }).r).toBe(fit.r);
    const withHoles = fitParetoNbd([null, ...cdnow, undefined] as unknown as CustomerHistory[]);
    expect(withHoles.skipped).toBe(2);
    expect(withHoles.r).toBe(fit.r);
    const missingField = fitParetoNbd([...cdnow, { frequency: 1, recency: undefined, T: 3 } as unknown as CustomerHistory]);
    expect(missingField.skipped).toBe(1);
    expect(missingField.r).toBe(fit.r);
  });
});

describe('Pareto/NBD log-likelihood', () => {
  const params = reference.loglikParams;

  it('per customer, matches the note’s two ₂F₁ cases and A₀ by quadrature (mpmath, 60 digits)', () => {
    for (const [set, x, tx, T, paper, quad] of reference.loglik) {
      expect(relativeError(paper, quad) < 1e-13 || Math.abs(paper - quad) < 1e-14).toBe(true); // the two reference forms agree
      const value = logLikelihoodAt(params[set]!, [{ frequency: x, recency: tx, T }]);
      expect(Math.abs(value - paper)).toBeLessThan(1e-13 * Math.max(1, Math.abs(paper)));
    }
  });

  it('per customer, for x = 10,000 and tₓ close to T', () => {
    for (const [set, x, tx, T, want] of reference.loglikLarge) {
      const value = logLikelihoodAt(params[set]!, [{ frequency: x, recency: tx, T }]);
      expect(Math.abs(value - want)).toBeLessThan(1e-13 * Math.abs(want));
    }
  });

  it('grouped and ungrouped statistics give the same likelihood, the reference’s at its optimum', () => {
    const theta = reference.cdnow.params.map(Math.log);
    const grouped = paretoNbdNegativeLogLikelihood(theta, statsOf(cdnow));
    const plain = paretoNbdNegativeLogLikelihood(theta, statsOf(cdnow, false));
    expect(relativeError(grouped, plain)).toBeLessThan(1e-13);
    expect(relativeError(-grouped * 2357, reference.cdnow.logLikelihood)).toBeLessThan(1e-13);
  });

  const cases: [string, CustomerHistory[], number[]][] = [
    ['CDNOW at the start', cdnow, [0, Math.log(42), 0, Math.log(32)]],
    ['CDNOW near the optimum', cdnow, [Math.log(0.55), Math.log(10.6), Math.log(0.6), Math.log(11.7)]],
    ['CDNOW, α ≫ β', cdnow, [Math.log(3), Math.log(200), Math.log(0.2), Math.log(0.05)]],
    ['CDNOW, s, β → ∞ (no dropout)', cdnow, [Math.log(0.5), Math.log(10), Math.log(7000), Math.log(7.8e6)]],
    [
      'heavy buyers, tₓ = T, T = 0',
      [
        { frequency: 10000, recency: 38, T: 38 },
        { frequency: 50, recency: 20, T: 38 },
        { frequency: 0, recency: 0, T: 10 },
        { frequency: 0, recency: 0, T: 0 },
        { frequency: 1, recency: 0.5, T: 1 },
      ],
      [Math.log(0.5), Math.log(2), Math.log(1.5), Math.log(0.7)],
    ],
  ];
  it.each(cases)('analytic gradient matches central differences: %s', (_name, rows, theta) => {
    const stats = statsOf(rows);
    const g = [0, 0, 0, 0];
    const f0 = paretoNbdNegativeLogLikelihood(theta, stats, g);
    expect(Number.isFinite(f0)).toBe(true);
    // The value is the same with or without the gradient.
    expect(paretoNbdNegativeLogLikelihood(theta, stats)).toBe(f0);
    for (let i = 0; i < 4; i++) {
      const h = 1e-3;
      const at = (d: number) => {
        const p = theta.slice();
        p[i] = p[i]! + d;
        return paretoNbdNegativeLogLikelihood(p, stats);
      };
      const numeric = (at(-2 * h) - 8 * at(-h) + 8 * at(h) - at(2 * h)) / (12 * h);
      expect(Math.abs(g[i]! - numeric)).toBeLessThan(1e-8 * Math.max(1, Math.abs(numeric), Math.abs(f0)));
    }
  });

  it('is +Infinity, with a zero gradient, outside the numeric range of the log-parameters', () => {
    const g = [1, 1, 1, 1];
    expect(paretoNbdNegativeLogLikelihood([0, 0, 31, 0], statsOf(cdnow), g)).toBe(Infinity);
    expect(g).toEqual([0, 0, 0, 0]);
  });
});

describe('fitParetoNbd on too little or degenerate data', () => {
  it('reports a boundary maximum as not converged, with finite parameters and a reason', () => {
    // Few customers and no sign of dropout: s and β run off together to the numeric limit.
    const rows: [number, number, number][] = [
      [1, 1, 30], [1, 12, 30], [1, 7, 30], [0, 0, 30], [3, 14, 30], [9, 24, 30], [12, 29, 30],
      [1, 14, 30], [4, 28, 30], [4, 30, 30], [1, 25, 30], [1, 10, 30], [1, 2, 30], [6, 14, 30],
    ];
    const fit = fitParetoNbd(rows, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
    expect(fit.converged).toBe(false);
    expect([fit.r, fit.alpha, fit.s, fit.beta, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(fit.message).toMatch(/boundary|not positive definite|cannot identify/);
  });

  it('says so quickly when a large sample shows no dropout (s, β → ∞)', () => {
    // Dropout rate s/β = 5e-4 a week: invisible in 13–39 weeks. Day-resolution times.
    const rows = simulateParetoNbd({ r: 2, alpha: 20, s: 50, beta: 1e5 }, { customers: 5000, seed: 14, T: { min: 13, max: 39 }, resolution: 1 / 7 });
    const fit = fitParetoNbd(rows);
    expect([fit.r, fit.alpha, fit.s, fit.beta, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    // The purchase process is still estimated well.
    expect(Math.abs(fit.r - 2)).toBeLessThan(0.3);
    if (fit.converged) expect(fit.s / fit.beta).toBeLessThan(0.01);
    else expect(fit.message).toMatch(/boundary|not positive definite|cannot identify/);
  });

  it('throws INSUFFICIENT_DATA, naming why', () => {
    expect(code(() => fitParetoNbd([]))).toBe('INSUFFICIENT_DATA');
    expect(() => fitParetoNbd([{ frequency: 1, recency: 1, T: 2 }])).toThrow(/at least 4 customers/);
    const noRepeat = Array.from({ length: 10 }, () => ({ frequency: 0, recency: 0, T: 5 }));
    expect(() => fitParetoNbd(noRepeat)).toThrow(/no customer made a repeat purchase/);
    expect(code(() => fitParetoNbd(noRepeat))).toBe('INSUFFICIENT_DATA');
    expect(code(() => fitParetoNbd([null, null] as unknown as CustomerHistory[]))).toBe('INSUFFICIENT_DATA');
    expect(() => fitParetoNbd(cdnow.slice(0, 4), { weight: () => 0.5 })).toThrow(/at least 4 customers .* got 2/);
  });
});

describe('fitParetoNbd bad input', () => {
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
      fitParetoNbd(withRow(row));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe(expected);
    expect((error as CxMetricsError).details.index).toBe(3);
    expect((error as CxMetricsError).message).toMatch(/^fitParetoNbd: .* at index 3/);
  });

  it('rejects bad weights and bad maxIterations', () => {
    expect(code(() => fitParetoNbd(ok, { weight: (_d, i) => (i === 2 ? -1 : 1) }))).toBe('NEGATIVE_VALUE');
    expect(code(() => fitParetoNbd(ok, { weight: (_d, i) => (i === 2 ? Number.NaN : 1) }))).toBe('INVALID_NUMBER');
    expect(code(() => fitParetoNbd(ok, { weight: () => '1' as unknown as number }))).toBe('INVALID_NUMBER');
    expect(code(() => fitParetoNbd(ok, { maxIterations: 0 }))).toBe('OUT_OF_RANGE');
    expect(code(() => fitParetoNbd(ok, { maxIterations: 2.5 }))).toBe('NOT_AN_INTEGER');
  });

  it('never mutates its input', () => {
    const rows = ok.map((d) => Object.freeze({ ...d }));
    const copy = JSON.stringify(rows);
    fitParetoNbd(rows);
    expect(JSON.stringify(rows)).toBe(copy);
  });

  it('reports converged: false with finite values when the iteration budget is too small', () => {
    const fit = fitParetoNbd(cdnow, { maxIterations: 2 });
    expect([fit.r, fit.alpha, fit.s, fit.beta, fit.logLikelihood].every(Number.isFinite)).toBe(true);
    expect(fit.converged).toBe(false);
    expect(fit.message).toMatch(/iteration limit/);
  });
});

describe('fitParetoNbd robustness on random simulated data sets', () => {
  it('never returns NaN, and a converged fit beats the true parameters’ likelihood', () => {
    let converged = 0;
    for (let k = 0; k < 24; k++) {
      // Parameters spread over orders of magnitude, deterministic per k (α < β and α > β).
      const truth = {
        r: 0.05 * 3 ** (k % 5),
        alpha: 0.5 * 4 ** (k % 4),
        s: 0.2 * 3 ** (k % 3),
        beta: 0.3 * 5 ** ((k >> 1) % 4),
      };
      const rows = simulateParetoNbd(truth, { customers: 400, seed: 1000 + k, T: { min: 5, max: 55 } });
      let fit;
      try {
        fit = fitParetoNbd(rows);
      } catch (error) {
        // Only a documented refusal (e.g. no repeat purchase at all) is acceptable.
        expect((error as CxMetricsError).code).toBe('INSUFFICIENT_DATA');
        continue;
      }
      expect([fit.r, fit.alpha, fit.s, fit.beta, fit.logLikelihood].every(Number.isFinite)).toBe(true);
      if (fit.converged) {
        converged++;
        expect(fit.logLikelihood).toBeGreaterThanOrEqual(logLikelihoodAt([truth.r, truth.alpha, truth.s, truth.beta], rows) - 1e-6);
      } else {
        expect(fit.message.length).toBeGreaterThan(0);
      }
    }
    expect(converged).toBeGreaterThan(10);
  });
});
