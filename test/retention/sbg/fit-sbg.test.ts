import { describe, expect, it } from 'vitest';
import { fitSbg } from '../../../src/retention/sbg/fit-sbg';
import { errorCode, expectCxMetricsError } from '../../support/error-code';
import { paperSurvivors, reference, relativeError } from '../retention-data';

const sig3 = (x: number): number => Number(x.toPrecision(3));
const sig4 = (x: number): number => Number(x.toPrecision(4));
type Customer = { renewals: number; churned: boolean };
const accessors = { renewals: (c: Customer) => c.renewals, churned: (c: Customer) => c.churned };

/** Per-customer records of a cohort from its survivor counts, survivors censored after `counts.length − 1` renewals. */
function customersOf(counts: readonly number[]): Customer[] {
  const customers: Customer[] = [];
  for (let t = 1; t < counts.length; t++) {
    for (let k = 0; k < (counts[t - 1] as number) - (counts[t] as number); k++) customers.push({ renewals: t - 1, churned: true });
  }
  for (let k = 0; k < (counts.at(-1) as number); k++) customers.push({ renewals: counts.length - 1, churned: false });
  return customers;
}

describe('fitSbg: the published estimates (Fader & Hardie 2007, Table 1, years 0–7)', () => {
  const { regular, highEnd } = paperSurvivors();
  it('reads 1,000-customer cohorts from the CSV', () => {
    expect(regular).toEqual([1000, 631, 468, 382, 326, 289, 262, 241]);
    expect(highEnd).toEqual([1000, 869, 743, 653, 593, 551, 517, 491]);
  });
  it('regular: α = 0.704, β = 1.182', () => {
    const fit = fitSbg(regular);
    expect(fit.converged).toBe(true);
    expect(sig3(fit.alpha)).toBe(0.704);
    expect(sig4(fit.beta)).toBe(1.182);
    expect([fit.n, fit.churned, fit.periods, fit.skipped]).toEqual([1000, 759, 7, 0]);
    expect(Object.isFrozen(fit)).toBe(true);
  });
  it('high end: α = 0.668, β = 3.806', () => {
    const fit = fitSbg(highEnd);
    expect(fit.converged).toBe(true);
    expect(sig3(fit.alpha)).toBe(0.668);
    expect(sig4(fit.beta)).toBe(3.806);
  });
  it('estimates, log-likelihood and standard errors equal an independent fit (scipy betaln + Nelder–Mead, mpmath Hessian)', () => {
    for (const [counts, ref] of [
      [regular, reference.sbgRegular],
      [highEnd, reference.sbgHighEnd],
    ] as const) {
      const fit = fitSbg(counts);
      expect(relativeError(fit.alpha, ref.alpha)).toBeLessThan(1e-6);
      expect(relativeError(fit.beta, ref.beta)).toBeLessThan(1e-6);
      expect(fit.logLikelihood).toBeCloseTo(ref.logLikelihood, 7);
      expect(relativeError(fit.standardErrors?.alpha as number, ref.se[0])).toBeLessThan(1e-4);
      expect(relativeError(fit.standardErrors?.beta as number, ref.se[1])).toBeLessThan(1e-4);
    }
  });
  it('the log-likelihood at the estimates equals the closed form evaluated by hand', () => {
    // ln L by the recursion P(1) = α/(α+β), P(t) = P(t−1)(β+t−2)/(α+β+t−1), S(7) = 1 − Σ P(t).
    const fit = fitSbg(regular);
    let p = fit.alpha / (fit.alpha + fit.beta);
    let s = 1 - p;
    let ll = (1000 - 631) * Math.log(p);
    for (let t = 2; t <= 7; t++) {
      p = (p * (fit.beta + t - 2)) / (fit.alpha + fit.beta + t - 1);
      s -= p;
      ll += ((regular[t - 1] as number) - (regular[t] as number)) * Math.log(p);
    }
    ll += 241 * Math.log(s);
    expect(fit.logLikelihood).toBeCloseTo(ll, 8);
  });
});

describe('fitSbg: per-customer records with censoring', () => {
  const { regular, highEnd } = paperSurvivors();
  it('records of one cohort give the fit of its survivor counts', () => {
    const customers: (Customer | null)[] = customersOf(regular);
    customers.push(null, { renewals: null, churned: true } as never);
    const fit = fitSbg(customers as Customer[], accessors);
    const counts = fitSbg(regular);
    expect(fit.alpha).toBeCloseTo(counts.alpha, 6);
    expect(fit.beta).toBeCloseTo(counts.beta, 6);
    expect(fit.logLikelihood).toBeCloseTo(counts.logLikelihood, 6);
    expect([fit.n, fit.churned, fit.periods, fit.skipped]).toEqual([1000, 759, 7, 2]);
  });
  it('cohorts censored at different ages: the independent maximum likelihood', () => {
    // The regular cohort observed 7 years and the high-end one only 4 (its 593 survivors censored at 4).
    const customers = [...customersOf(regular), ...customersOf(highEnd.slice(0, 5))];
    const fit = fitSbg(customers, accessors);
    const ref = reference.sbgMixed;
    expect(fit.converged).toBe(true);
    expect(relativeError(fit.alpha, ref.alpha)).toBeLessThan(1e-6);
    expect(relativeError(fit.beta, ref.beta)).toBeLessThan(1e-6);
    expect(fit.logLikelihood).toBeCloseTo(ref.logLikelihood, 6);
    expect(relativeError(fit.standardErrors?.beta as number, ref.se[1])).toBeLessThan(1e-4);
    expect([fit.n, fit.periods]).toEqual([2000, 7]);
  });
  it('customers still active with 0 renewals add nothing to the likelihood but count as customers', () => {
    const base = customersOf(regular);
    const fit = fitSbg([...base, { renewals: 0, churned: false }, { renewals: 0, churned: false }], accessors);
    expect(fit.logLikelihood).toBeCloseTo(fitSbg(base, accessors).logLikelihood, 8);
    expect(fit.n).toBe(1002);
  });
  it('a customer with a huge renewal count costs one entry, not an array that long', () => {
    const fit = fitSbg([...customersOf(regular), { renewals: 1e9, churned: false }], accessors);
    expect(fit.converged).toBe(true);
    expect(fit.periods).toBe(1e9);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });
});

describe('fitSbg: boundary maxima are reported honestly', () => {
  it('nobody churned: not converged, finite parameters', () => {
    const fit = fitSbg([100, 100, 100]);
    expect(fit.converged).toBe(false);
    expect(Number.isFinite(fit.alpha) && Number.isFinite(fit.beta)).toBe(true);
    expect(fit.logLikelihood).toBeLessThanOrEqual(0);
  });
  it('falling retention (no heterogeneity fits): the likelihood reaches the homogeneous geometric supremum', () => {
    // r = 0.50, 0.50, 0.48: the sBG only makes retention rise, so the supremum is at α, β → ∞
    // with α/(α + β) → θ̂ = churned / exposures. A difference of ln B values would lose every
    // digit here; the fit must still report the right log-likelihood and converged = false.
    const ref = reference.sbgFallingSupremum;
    const fit = fitSbg(ref.survivors);
    expect(fit.converged).toBe(false);
    expect(fit.logLikelihood).toBeLessThanOrEqual(ref.logLikelihood + 1e-9);
    expect(fit.logLikelihood).toBeCloseTo(ref.logLikelihood, 5);
    expect(fit.alpha / (fit.alpha + fit.beta)).toBeCloseTo(ref.theta, 5);
  });
});

describe('fitSbg: bad input', () => {
  it('rejects impossible survivor series with codes and positions', () => {
    expectCxMetricsError(() => fitSbg([1000, 631, 700]), 'ORDER_VIOLATION', 'fitSbg');
    expect(() => fitSbg([1000, 631, 700])).toThrow(/700 at index 2/);
    expect(errorCode(() => fitSbg([100, 120]))).toBe('INCONSISTENT_INPUT');
    expect(() => fitSbg([100, 50, 120])).toThrow(/120 at index 2 exceeds the cohort/);
    expect(errorCode(() => fitSbg([100, -1]))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => fitSbg([-100, -100]))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => fitSbg([100, Number.NaN]))).toBe('INVALID_NUMBER');
    expect(errorCode(() => fitSbg([100, Number.POSITIVE_INFINITY]))).toBe('INVALID_NUMBER');
    expect(errorCode(() => fitSbg([100, null as never]))).toBe('INVALID_NUMBER');
    expect(errorCode(() => fitSbg([100, '50' as never]))).toBe('INVALID_NUMBER');
    expect(errorCode(() => fitSbg([100, 50.5]))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => fitSbg([]))).toBe('INSUFFICIENT_DATA');
    expect(errorCode(() => fitSbg([100]))).toBe('INSUFFICIENT_DATA');
    expect(errorCode(() => fitSbg([0, 0]))).toBe('INSUFFICIENT_DATA');
  });
  it('rejects bad customer records', () => {
    const acc = { renewals: (c: { r: unknown; c: unknown }) => c.r as number, churned: (c: { r: unknown; c: unknown }) => c.c as boolean };
    expectCxMetricsError(() => fitSbg([{ r: 1, c: true }, { r: Number.NaN, c: true }], acc), 'INVALID_NUMBER', 'fitSbg');
    expect(() => fitSbg([{ r: 1, c: true }, { r: Number.NaN, c: true }], acc)).toThrow(/NaN at index 1/);
    expect(errorCode(() => fitSbg([{ r: -1, c: true }], acc))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => fitSbg([{ r: 1.5, c: true }], acc))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => fitSbg([{ r: 1, c: 'yes' }], acc))).toBe('INVALID_RECORD');
    expect(errorCode(() => fitSbg([], acc))).toBe('INSUFFICIENT_DATA');
    expect(errorCode(() => fitSbg([null as never], acc))).toBe('INSUFFICIENT_DATA');
    expect(errorCode(() => fitSbg([{ r: 1, c: true }], { renewals: acc.renewals } as never))).toBe('INVALID_OPTION');
  });
  it('rejects a bad iteration budget', () => {
    expect(errorCode(() => fitSbg([100, 50], { maxIterations: 0 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => fitSbg([100, 50], { maxIterations: 2.5 }))).toBe('NOT_AN_INTEGER');
  });
});
