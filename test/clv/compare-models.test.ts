import { describe, expect, it } from 'vitest';
import { compareModels } from '../../src/clv';
import { errorCode } from '../support/error-code';

describe('compareModels: known values', () => {
  it('BG/NBD against Pareto/NBD on CDNOW: AIC, BIC by hand (n = 2,357, k = 4 each)', () => {
    // The fits' diagnostics as the fitters return them on cdnow_customers_summary.csv (parameters omitted).
    const bg = { model: 'bg-nbd', logLikelihood: -9582.429206673942, n: 2357 } as const;
    const pn = { model: 'pareto-nbd', logLikelihood: -9594.97617893955, n: 2357 } as const;
    const result = compareModels({ 'BG/NBD': bg, 'Pareto/NBD': pn });
    expect(result.n).toBe(2357);
    const [a, b] = result.models;
    expect(a).toMatchObject({ name: 'BG/NBD', parameters: 4, logLikelihood: bg.logLikelihood });
    expect(a!.aic).toBeCloseTo(8 - 2 * bg.logLikelihood, 9);
    expect(b!.bic).toBeCloseTo(4 * Math.log(2357) - 2 * pn.logLikelihood, 9);
    // Published maxima: BG/NBD −9,582.4 (Fader, Hardie & Lee 2005), Pareto/NBD −9,595.0 (Fader & Hardie 2005 note).
    expect(bg.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(pn.logLikelihood).toBeCloseTo(-9595.0, 1);
    expect(result.bestAic).toBe('BG/NBD');
    expect(result.bestBic).toBe('BG/NBD');
    expect(b!.deltaAic).toBeCloseTo(2 * (bg.logLikelihood - pn.logLikelihood), 9);
    expect(a!.akaikeWeight).toBeCloseTo(1 / (1 + Math.exp(-b!.deltaAic / 2)), 12);
  });

  it('likelihood-ratio test: statistic, df and the χ² tail (df 2: p = e^(−LR/2))', () => {
    const result = compareModels(
      { small: { logLikelihood: -105, n: 50, parameters: 2 }, big: { logLikelihood: -102, n: 50, parameters: 4 } },
      { nested: [{ restricted: 'small', full: 'big' }] },
    );
    const [test] = result.likelihoodRatioTests;
    expect(test).toEqual({ restricted: 'small', full: 'big', statistic: 6, df: 2, pValue: expect.closeTo(Math.exp(-3), 14) });
    // df 1: p = erfc(√(LR/2)); LR = 3.841458820694124 gives 0.05.
    const one = compareModels(
      { a: { logLikelihood: -10, n: 9, parameters: 1 }, b: { logLikelihood: -10 + 3.841458820694124 / 2, n: 9, parameters: 2 } },
      { nested: [{ restricted: 'a', full: 'b' }] },
    );
    expect(one.likelihoodRatioTests[0]!.pValue).toBeCloseTo(0.05, 12);
    // A full fit below the restricted one (an optimizer that stopped early) gives LR 0, p 1.
    const below = compareModels({ a: { logLikelihood: -10, n: 9, parameters: 1 }, b: { logLikelihood: -11, n: 9, parameters: 2 } }, { nested: [{ restricted: 'a', full: 'b' }] });
    expect(below.likelihoodRatioTests[0]).toMatchObject({ statistic: 0, pValue: 1 });
  });

  it('refuses fits on different n, unknown names, a full fit without more parameters, unknown models', () => {
    const f = { logLikelihood: -10, n: 9, parameters: 2 };
    expect(errorCode(() => compareModels({ a: f, b: { ...f, n: 10 } }))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => compareModels({ a: f, b: f }, { nested: [{ restricted: 'a', full: 'c' }] }))).toBe('UNKNOWN_REFERENCE');
    expect(errorCode(() => compareModels({ a: f, b: f }, { nested: [{ restricted: 'a', full: 'b' }] }))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => compareModels({ a: { model: 'nbd', logLikelihood: -1, n: 3 } } as never))).toBe('INVALID_INPUT');
    expect(errorCode(() => compareModels({}))).toBe('INVALID_INPUT');
    expect(errorCode(() => compareModels([f] as never))).toBe('INVALID_INPUT');
    expect(errorCode(() => compareModels({ a: { ...f, parameters: 1.5 } }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => compareModels({ a: { ...f, parameters: 0 } }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => compareModels({ a: { ...f, n: 0 } }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => compareModels({ a: { ...f, logLikelihood: Number.NaN } }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => compareModels({ a: f }, { nested: 'a' as never }))).toBe('INVALID_OPTION');
  });
});
