import { describe, expect, it } from 'vitest';
import { paretoNbdLogLikelihood, fitParetoNbd } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { cdnowBgNbdSummary, relativeError } from '../clv-data';

const cdnow = cdnowBgNbdSummary();
const published = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('paretoNbdLogLikelihood: known values', () => {
  it('reproduces the published CDNOW log-likelihood at the published estimates (Fader, Hardie & Lee 2005, Pareto/NBD)', () => {
    expect(paretoNbdLogLikelihood(published, cdnow).toFixed(1)).toBe('-9595.0');
  });

  it("equals the fit's logLikelihood at the fit's estimates", () => {
    const fit = fitParetoNbd(cdnow);
    expect(relativeError(paretoNbdLogLikelihood(fit, cdnow), fit.logLikelihood)).toBeLessThan(1e-13);
    // The maximum: any other parameters give less.
    expect(paretoNbdLogLikelihood({ ...fit, s: fit.s * 1.01 }, cdnow)).toBeLessThan(fit.logLikelihood);
  });

  it('matches ln L of Fader & Hardie (2005) eq. 19 by mpmath quadrature (30 digits), one customer at a time', () => {
    // mpmath: ln[Γ(r+x)α^r β^s/Γ(r) · ((α+T)^−(r+x)(β+T)^−s + s ∫ₜₓ^T (α+τ)^−(r+x)(β+τ)^−(s+1) dτ)].
    expect(relativeError(paretoNbdLogLikelihood(published, [{ frequency: 2, recency: 30.43, T: 38.86 }]), -9.5542832451504058)).toBeLessThan(1e-13);
    expect(relativeError(paretoNbdLogLikelihood(published, [{ frequency: 0, recency: 0, T: 38.86 }]), -0.52104629408089031)).toBeLessThan(1e-13);
  });

  it('weights count like repeated rows; null rows and fields are skipped; no rows give 0', () => {
    const rows = cdnow.slice(0, 50);
    const doubled = paretoNbdLogLikelihood(published, rows, { frequency: (d) => d.frequency, recency: (d) => d.recency, T: (d) => d.T, weight: () => 2 });
    expect(relativeError(doubled, paretoNbdLogLikelihood(published, [...rows, ...rows]))).toBeLessThan(1e-13);
    expect(paretoNbdLogLikelihood(published, [null, ...rows, undefined])).toBe(paretoNbdLogLikelihood(published, rows));
    expect(paretoNbdLogLikelihood(published, [])).toBe(0);
    expect(paretoNbdLogLikelihood(published, [{ frequency: 1, recency: 2, T: 3 }], { frequency: (d) => d.frequency, recency: (d) => d.recency, T: (d) => d.T, weight: () => 0 })).toBe(0);
  });

  it('reads any record type through accessors', () => {
    const tuples = cdnow.slice(0, 30).map((d) => [d.frequency, d.recency, d.T] as const);
    const viaAccessors = paretoNbdLogLikelihood(published, tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
    expect(viaAccessors).toBe(paretoNbdLogLikelihood(published, cdnow.slice(0, 30)));
  });
});

describe('paretoNbdLogLikelihood: bad input', () => {
  const ok = [{ frequency: 1, recency: 2, T: 3 }];
  it.each([
    ['r = 0', () => paretoNbdLogLikelihood({ ...published, r: 0 }, ok), 'OUT_OF_RANGE'],
    ['alpha beyond e^30', () => paretoNbdLogLikelihood({ ...published, alpha: Math.exp(31) }, ok), 'OUT_OF_RANGE'],
    ['beta below e^−30', () => paretoNbdLogLikelihood({ ...published, beta: Math.exp(-31) }, ok), 'OUT_OF_RANGE'],
    ['NaN s', () => paretoNbdLogLikelihood({ ...published, s: Number.NaN }, ok), 'INVALID_NUMBER'],
    ['no parameters', () => paretoNbdLogLikelihood(undefined as never, ok), 'INVALID_NUMBER'],
    ['recency > T', () => paretoNbdLogLikelihood(published, [{ frequency: 1, recency: 4, T: 3 }]), 'ORDER_VIOLATION'],
    ['fractional frequency', () => paretoNbdLogLikelihood(published, [{ frequency: 1.5, recency: 2, T: 3 }]), 'NOT_AN_INTEGER'],
    ['unknown option', () => paretoNbdLogLikelihood(published, ok, { wieght: () => 1 } as never), 'INVALID_OPTION'],
    ['rows not iterable', () => paretoNbdLogLikelihood(published, 5 as never), 'INVALID_INPUT'],
  ] as const)('%s → %s', (_name, run, code) => {
    expect(errorCode(run)).toBe(code);
  });
});

describe('paretoNbdLogLikelihood with { perCustomer: true }', () => {
  it('gives each row’s ln Lᵢ (mpmath values of eq. 19), its input position, the weighted total and the rows skipped', () => {
    const rows = [{ frequency: 2, recency: 30.43, T: 38.86 }, null, { frequency: 0, recency: 0, T: 38.86 }, { frequency: 2, recency: 30.43, T: 38.86 }];
    const each = paretoNbdLogLikelihood(published, rows, { perCustomer: true });
    expect(Array.from(each.index)).toEqual([0, 2, 3]);
    expect(each.skipped).toBe(1);
    expect(relativeError(each.logLikelihood[0]!, -9.5542832451504058)).toBeLessThan(1e-13);
    expect(relativeError(each.logLikelihood[1]!, -0.52104629408089031)).toBeLessThan(1e-13);
    expect(each.logLikelihood[2]).toBe(each.logLikelihood[0]);
    expect(each.total).toBe(paretoNbdLogLikelihood(published, rows));
  });

  it('on CDNOW: one value per customer, summing to the total (the published −9595.0); unweighted values with weights', () => {
    const each = paretoNbdLogLikelihood(published, cdnow, { perCustomer: true });
    expect(each.logLikelihood.length).toBe(cdnow.length);
    expect(each.total.toFixed(1)).toBe('-9595.0');
    expect(relativeError(each.logLikelihood.reduce((a, b) => a + b, 0), each.total)).toBeLessThan(1e-12);
    const weighted = paretoNbdLogLikelihood(published, cdnow.slice(0, 20), { perCustomer: true, weight: () => 3, frequency: (d) => d.frequency, recency: (d) => d.recency, T: (d) => d.T });
    expect(Array.from(weighted.logLikelihood)).toEqual(Array.from(each.logLikelihood.subarray(0, 20)));
    expect(relativeError(weighted.total, 3 * each.logLikelihood.subarray(0, 20).reduce((a, b) => a + b, 0))).toBeLessThan(1e-12);
  });

  it('perCustomer: false returns the number; a perCustomer that is not a boolean is refused', () => {
    expect(paretoNbdLogLikelihood(published, cdnow.slice(0, 5), { perCustomer: false })).toBe(paretoNbdLogLikelihood(published, cdnow.slice(0, 5)));
    expect(errorCode(() => paretoNbdLogLikelihood(published, cdnow, { perCustomer: 'yes' as unknown as boolean }))).toBe('INVALID_OPTION');
    const empty = paretoNbdLogLikelihood(published, [], { perCustomer: true });
    expect([empty.index.length, empty.logLikelihood.length, empty.total, empty.skipped]).toEqual([0, 0, 0, 0]);
  });
});
