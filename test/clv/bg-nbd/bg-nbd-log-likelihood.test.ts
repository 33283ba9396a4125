import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, fitBgNbd } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { cdnowBgNbdSummary, relativeError } from '../clv-data';
import { asParams } from './bg-nbd-extreme-reference';
import { asCustomer, residual } from './bg-nbd-residual-reference';

const cdnow = cdnowBgNbdSummary();
const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('bgNbdLogLikelihood: known values', () => {
  it('reproduces the published CDNOW log-likelihood at the published estimates (Fader, Hardie & Lee 2005)', () => {
    expect(bgNbdLogLikelihood(published, cdnow).toFixed(1)).toBe('-9582.4');
  });

  it("equals the fit's logLikelihood at the fit's estimates", () => {
    const fit = fitBgNbd(cdnow);
    expect(relativeError(bgNbdLogLikelihood(fit, cdnow), fit.logLikelihood)).toBeLessThan(1e-13);
    // The maximum: any other parameters give less.
    expect(bgNbdLogLikelihood({ ...fit, r: fit.r * 1.01 }, cdnow)).toBeLessThan(fit.logLikelihood);
  });

  it('matches ln L of FHL 2005 eq. 6 evaluated in mpmath (30 digits), one customer at a time', () => {
    // mpmath: A₁ + A₂ + ln(e^A₃ + δ(x>0) e^A₄) at the published estimates.
    expect(relativeError(bgNbdLogLikelihood(published, [{ frequency: 2, recency: 30.43, T: 38.86 }]), -9.4586063070662712)).toBeLessThan(1e-13);
    expect(relativeError(bgNbdLogLikelihood(published, [{ frequency: 0, recency: 0, T: 38.86 }]), -1.66413982931447535 / 3)).toBeLessThan(1e-13);
  });

  it('weights count like repeated rows; null rows and fields are skipped; no rows give 0', () => {
    const rows = cdnow.slice(0, 50);
    const doubled = bgNbdLogLikelihood(published, rows, { frequency: (d) => d.frequency, recency: (d) => d.recency, T: (d) => d.T, weight: () => 2 });
    expect(relativeError(doubled, bgNbdLogLikelihood(published, [...rows, ...rows]))).toBeLessThan(1e-13);
    expect(bgNbdLogLikelihood(published, [null, ...rows, undefined])).toBe(bgNbdLogLikelihood(published, rows));
    expect(bgNbdLogLikelihood(published, [])).toBe(0);
    expect(bgNbdLogLikelihood(published, [{ frequency: 1, recency: 2, T: 3 }], { frequency: (d) => d.frequency, recency: (d) => d.recency, T: (d) => d.T, weight: () => 0 })).toBe(0);
  });

  it('reads any record type through accessors', () => {
    const tuples = cdnow.slice(0, 30).map((d) => [d.frequency, d.recency, d.T] as const);
    const viaAccessors = bgNbdLogLikelihood(published, tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
    expect(viaAccessors).toBe(bgNbdLogLikelihood(published, cdnow.slice(0, 30)));
  });
});

describe('bgNbdLogLikelihood: bad input', () => {
  const ok = [{ frequency: 1, recency: 2, T: 3 }];
  it.each([
    ['r = 0', () => bgNbdLogLikelihood({ ...published, r: 0 }, ok), 'OUT_OF_RANGE'],
    ['alpha beyond e^30', () => bgNbdLogLikelihood({ ...published, alpha: Math.exp(31) }, ok), 'OUT_OF_RANGE'],
    ['b below e^−30', () => bgNbdLogLikelihood({ ...published, b: Math.exp(-31) }, ok), 'OUT_OF_RANGE'],
    ['NaN a', () => bgNbdLogLikelihood({ ...published, a: Number.NaN }, ok), 'INVALID_NUMBER'],
    ['no parameters', () => bgNbdLogLikelihood(undefined as never, ok), 'INVALID_NUMBER'],
    ['recency > T', () => bgNbdLogLikelihood(published, [{ frequency: 1, recency: 4, T: 3 }]), 'ORDER_VIOLATION'],
    ['fractional frequency', () => bgNbdLogLikelihood(published, [{ frequency: 1.5, recency: 2, T: 3 }]), 'NOT_AN_INTEGER'],
    ['unknown option', () => bgNbdLogLikelihood(published, ok, { wieght: () => 1 } as never), 'INVALID_OPTION'],
    ['rows not iterable', () => bgNbdLogLikelihood(published, 5 as never), 'INVALID_INPUT'],
  ] as const)('%s → %s', (_name, run, code) => {
    expect(errorCode(run)).toBe(code);
  });
});

describe('bgNbdLogLikelihood with perCustomer', () => {
  it('gives each CDNOW customer its ln Lᵢ (independent mpmath, reference/bg_nbd_residual_reference.py) and the same total', () => {
    const { params, rows, logLikelihood } = residual.perCustomer;
    const each = bgNbdLogLikelihood(asParams(params), rows.map(asCustomer), { perCustomer: true });
    expect([...each.index]).toEqual(rows.map((_, i) => i));
    logLikelihood.forEach((expected, i) => expect(relativeError(each.logLikelihood[i] as number, expected)).toBeLessThan(1e-12));
    expect(each.total).toBe(bgNbdLogLikelihood(asParams(params), rows.map(asCustomer)));
    expect(each.skipped).toBe(0);
  });

  it('sums to the total over all of CDNOW, skips null rows, and reports input positions', () => {
    const each = bgNbdLogLikelihood(published, cdnow, { perCustomer: true });
    expect(each.logLikelihood.length).toBe(cdnow.length);
    expect(relativeError(each.logLikelihood.reduce((s, v) => s + v, 0), each.total)).toBeLessThan(1e-12);
    const gappy = bgNbdLogLikelihood(published, [null, cdnow[0], undefined, cdnow[1]], { perCustomer: true });
    expect([...gappy.index]).toEqual([1, 3]);
    expect(gappy.skipped).toBe(2);
    expect(bgNbdLogLikelihood(published, [], { perCustomer: true }).total).toBe(0);
  });

  it('weights count in the total, not in ln Lᵢ', () => {
    const rows = [{ x: 2, tx: 30.43, T: 38.86, w: 3 }];
    const accessors = { frequency: (d: (typeof rows)[0]) => d.x, recency: (d: (typeof rows)[0]) => d.tx, T: (d: (typeof rows)[0]) => d.T, weight: (d: (typeof rows)[0]) => d.w };
    const each = bgNbdLogLikelihood(published, rows, { ...accessors, perCustomer: true });
    expect(relativeError(each.total, 3 * (each.logLikelihood[0] as number))).toBeLessThan(1e-14);
  });

  it('rejects a perCustomer that is not a boolean', () => {
    expect(errorCode(() => bgNbdLogLikelihood(published, cdnow, { perCustomer: 'yes' as never }))).toBe('INVALID_OPTION');
    expect(errorCode(() => bgNbdLogLikelihood(published, cdnow, { perCustomer: 1 as never }))).toBe('INVALID_OPTION');
  });
});
