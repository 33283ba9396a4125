import { describe, expect, it } from 'vitest';
import { sbgDerl } from '../../../src/retention/sbg/sbg-derl';
import { CxMetricsError } from '../../../src/internal/errors';
import { errorCode, expectCxMetricsError, thrownBy } from '../../support/error-code';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/doc-examples';
import { reference, relativeError } from '../retention-data';

/** reference/sbg_euler_reference.py: [alpha, beta, renewals, discountRate, DERL] at 50 digits. */
const euler = JSON.parse(readFileSync(join(repoRoot, 'test', 'retention', 'sbg', 'reference', 'sbg-euler-reference.json'), 'utf8')) as {
  derl: [number, number, number, number, number][];
};

/** reference/sbg_derl_extreme_reference.py: [alpha, beta, renewals, discountRate, DERL, method] over α, β in [e^-30, e^30]. */
const extreme = JSON.parse(readFileSync(join(repoRoot, 'test', 'retention', 'sbg', 'reference', 'sbg-derl-extreme-reference.json'), 'utf8')) as {
  derl: [number, number, number, number, number, string][];
  leftOut: unknown[];
};

describe('sbgDerl: known values', () => {
  it('α = β = 1 in closed form by hand', () => {
    // S(t)/S(n − 1) = n/(t + 1), x = 1/(1 + d):
    // DERL = n Σₜ≥ₙ xᵗ⁻ⁿ/(t + 1) = n x^−(n+1) (−ln(1 − x) − Σₖ₌₁ⁿ xᵏ/k).
    // d = 0.1, n = 1: (−ln(1 − x) − x)/x² = 1.801453280086028358…; n = 5: 4.696455403536437264…
    expect(sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0.1 })).toBeCloseTo(1.8014532800860284, 13);
    expect(sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0.1, renewals: 4 })).toBeCloseTo(4.696455403536437, 13);
  });
  it('a customer who is sure to stay (θ → 0) is worth the annuity 1 + 1/d', () => {
    expect(sbgDerl({ alpha: 1e-13, beta: 0.5 }, { discountRate: 0.1 })).toBeCloseTo(11, 10);
  });
  it('equals the defining series Σ S(t)/S(n − 1)/(1 + d)^(t − n) in 60 digits (and mpmath hyp2f1 where it converges)', () => {
    for (const [alpha, beta, discountRate, renewals, value] of reference.sbgDerl) {
      expect(relativeError(sbgDerl({ alpha, beta }, { discountRate, renewals }), value)).toBeLessThan(1e-13);
    }
  });
  it('where the kernel ₂F₁ declines, Euler\'s integral matches mpmath (reference/sbg_euler_reference.py) at 1e-12', () => {
    for (const [alpha, beta, renewals, discountRate, value] of euler.derl) {
      expect(relativeError(sbgDerl({ alpha, beta }, { discountRate, renewals }), value), JSON.stringify([alpha, beta, renewals, discountRate])).toBeLessThan(1e-12);
    }
  });
  it('matches the whole-range references (α, β in [e^-30, e^30], renewals to 100,000, d from 1e-4 to 1) at rtol 1e-6, or refuses naming the cause', () => {
    // 125 points: 95 where 2F1 and the defining series agree to 1e-14, 30 by the series alone (hyp2f1 fails).
    expect(extreme.derl.length).toBe(125);
    expect(extreme.leftOut.length).toBe(0);
    let refusals = 0;
    for (const [alpha, beta, renewals, discountRate, expected] of extreme.derl) {
      const where = JSON.stringify([alpha, beta, renewals, discountRate]);
      let value = Number.NaN;
      const error = thrownBy(() => (value = sbgDerl({ alpha, beta }, { discountRate, renewals })));
      if (error !== undefined) {
        expect(error, where).toBeInstanceOf(CxMetricsError);
        expect((error as CxMetricsError).code, where).toBe('OUT_OF_RANGE');
        refusals++;
        continue;
      }
      expect(relativeError(value, expected), where).toBeLessThan(1e-6);
    }
    expect(refusals).toBe(0);
  });
  it('near z = 1 with α near a whole number matches mpmath (30 digits)', () => {
    // (β+n−1)/(α+β+n−1)·hyp2f1(1, β+n, α+β+n, 1/(1+d)), n = 4.
    expect(sbgDerl({ alpha: 2.01, beta: 3 }, { discountRate: 1e-5, renewals: 3 })).toBeCloseTo(5.93704846549107645454538126013, 11);
    expect(sbgDerl({ alpha: 2.001, beta: 3 }, { discountRate: 1e-6, renewals: 3 })).toBeCloseTo(5.9935377791400076067091321209, 11);
  });
});

describe('sbgDerl: bad input', () => {
  it('rejects bad parameters, discount rates and renewals with codes', () => {
    expectCxMetricsError(() => sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0 }), 'OUT_OF_RANGE', 'sbgDerl');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: 1 }, { discountRate: -0.1 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: 1 }, { discountRate: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: 1 }, {} as never))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: 1 }, undefined as never))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0.1, renewals: 1.5 }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0.1, renewals: -1 }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: 1 }, { discountRate: 0.1, renewals: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => sbgDerl({ alpha: 0, beta: 1 }, { discountRate: 0.1 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => sbgDerl({ alpha: 1, beta: Number.NaN }, { discountRate: 0.1 }))).toBe('INVALID_NUMBER');
  });
});
