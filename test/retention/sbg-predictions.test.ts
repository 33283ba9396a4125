import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sbgDerl } from '../../src/retention/sbg-derl';
import { sbgExpectedLifetime } from '../../src/retention/sbg-expected-lifetime';
import { sbgRetentionRate } from '../../src/retention/sbg-retention-rate';
import { sbgSurvival } from '../../src/retention/sbg-survival';
import { errorCode } from '../support/error-code';

const params = fc.record({
  alpha: fc.double({ min: 0.05, max: 50, noNaN: true }),
  beta: fc.double({ min: 0.05, max: 50, noNaN: true }),
});

/** S(t) by the product of retention rates r(1)…r(t), an independent route to B(α, β + t)/B(α, β). */
function survivalByProduct(alpha: number, beta: number, t: number): number {
  let s = 1;
  for (let k = 1; k <= t; k++) s *= (beta + k - 1) / (alpha + beta + k - 1);
  return s;
}

describe('sBG predictions: known values', () => {
  it('S(t) for α = β = 1 is 1/(t + 1) (θ uniform)', () => {
    for (let t = 0; t < 20; t++) expect(sbgSurvival({ alpha: 1, beta: 1 }, t)).toBeCloseTo(1 / (t + 1), 13);
  });
  it('S(t) matches scipy: exp(betaln(0.704, 1.182 + 12) − betaln(0.704, 1.182))', () => {
    expect(sbgSurvival({ alpha: 0.704, beta: 1.182 }, 12)).toBeCloseTo(0.17006257680605033, 12);
  });
  it('expected lifetime (α + β − 1)/(α − 1), and the restricted mean = Σ S(t)', () => {
    expect(sbgExpectedLifetime({ alpha: 3, beta: 2 })).toBeCloseTo(2, 14);
    expect(sbgExpectedLifetime({ alpha: 1, beta: 2 })).toBeUndefined();
    // scipy: sum(exp(betaln(a, b + t) − betaln(a, b)) for t in range(10)) = 4.039117550682189
    expect(sbgExpectedLifetime({ alpha: 0.704, beta: 1.182 }, { horizon: 10 })).toBeCloseTo(4.039117550682189, 12);
    // A long horizon approaches the full mean.
    expect(sbgExpectedLifetime({ alpha: 3, beta: 2 }, { horizon: 5000 })).toBeCloseTo(2, 6);
  });
  it('long horizons: the closed form agrees with the term-by-term sum', () => {
    for (const [alpha, beta] of [[0.704, 1.182], [1, 2], [1.5, 0.3], [1 + 1e-9, 3]] as const) {
      let sum = 0;
      let s = 1;
      for (let t = 0; t < 300_000; t++) {
        if (t > 0) s = (s * (beta + t - 1)) / (alpha + beta + t - 1);
        sum += s;
      }
      expect(sbgExpectedLifetime({ alpha, beta }, { horizon: 300_000 })).toBeCloseTo(sum, 7);
    }
  });
  it('DERL: the hypergeometric closed form equals the series Σₜ₌ₙ S(t)/S(n−1)/(1+d)^(t−n)', () => {
    // scipy.special.hyp2f1 values: (1,1,d=.1,n=1) 1.8014532800860186; regular, n=5: 5.894422859844158.
    expect(sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0.1 })).toBeCloseTo(1.8014532800860186, 11);
    expect(sbgDerl({ alpha: 0.704, beta: 1.182 }, { discountRate: 0.1, renewals: 4 })).toBeCloseTo(5.894422859844158, 10);
    for (const [alpha, beta, d, renewals] of [[0.668, 3.806, 0.1, 0], [2, 5, 0.2, 3], [0.5, 0.5, 0.15, 10]] as const) {
      let series = 0;
      const sPrev = survivalByProduct(alpha, beta, renewals);
      for (let t = renewals + 1; t < renewals + 4000; t++) series += survivalByProduct(alpha, beta, t) / sPrev / Math.pow(1 + d, t - renewals - 1);
      expect(sbgDerl({ alpha, beta }, { discountRate: d, renewals })).toBeCloseTo(series, 8);
    }
  });
});

describe('sbgDerl near z = 1 with α near a whole number (series fallback)', () => {
  it('matches mpmath (30 digits): (β+n−1)/(α+β+n−1)·hyp2f1(1, β+n, α+β+n, 1/(1+d)), n = 4', () => {
    expect(sbgDerl({ alpha: 2.01, beta: 3 }, { discountRate: 1e-5, renewals: 3 })).toBeCloseTo(5.93704846549107645454538126013, 11);
    expect(sbgDerl({ alpha: 2.001, beta: 3 }, { discountRate: 1e-6, renewals: 3 })).toBeCloseTo(5.9935377791400076067091321209, 11);
  });
});

describe('sBG predictions: properties', () => {
  test.prop([params, fc.integer({ min: 0, max: 200 })], { numRuns: 100 })('S(t) is non-increasing and equals Π r(k)', (p, t) => {
    const s = sbgSurvival(p, t);
    const next = sbgSurvival(p, t + 1);
    expect(next).toBeLessThanOrEqual(s);
    expect(next).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
    expect(s).toBeCloseTo(survivalByProduct(p.alpha, p.beta, t), 9);
    expect(next / s).toBeCloseTo(sbgRetentionRate(p, t + 1), 9);
  });
  test.prop([params, fc.integer({ min: 1, max: 500 })], { numRuns: 100 })('r(t) is non-decreasing, in (0, 1)', (p, t) => {
    const r = sbgRetentionRate(p, t);
    expect(sbgRetentionRate(p, t + 1)).toBeGreaterThanOrEqual(r);
    expect(r).toBeGreaterThan(0);
    expect(r).toBeLessThan(1);
  });
  test.prop([params, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 0, max: 50 })], { numRuns: 60 })(
    'DERL is finite, positive and below the undiscounted bound 1/d·(1+d)',
    (p, d, renewals) => {
      const v = sbgDerl(p, { discountRate: d, renewals });
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual((1 + d) / d + 1e-9);
    },
  );
});

describe('sBG predictions: bad input', () => {
  it('rejects bad parameters, times and options', () => {
    expect(errorCode(() => sbgSurvival({ alpha: 0, beta: 1 }, 1))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => sbgSurvival({ alpha: Number.NaN, beta: 1 }, 1))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgSurvival({ alpha: 1, beta: 1 }, -1))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => sbgSurvival({ alpha: 1, beta: 1 }, 1.5))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => sbgRetentionRate({ alpha: 1, beta: 1 }, 0))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => sbgRetentionRate({ alpha: 1, beta: -2 }, 1))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => sbgExpectedLifetime({ alpha: 1, beta: 1 }, { horizon: 0 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => sbgExpectedLifetime({ alpha: 1, beta: 1 }, { horizon: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: 1 }, { discountRate: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0.1, renewals: 1.5 }))).toBe('NOT_AN_INTEGER');
  });
});
