import { describe, expect, it } from 'vitest';
import { gammaGammaMean, requireGammaGammaParams } from '../../../src/clv/gamma-gamma/spend';
import { errorCode } from '../../support/error-code';
import { reference, relativeError } from '../clv-data';

const published = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('gammaGammaMean', () => {
  it('is the posterior mean spend p(γ + x z̄)/(px + q − 1) of the reference values (Fader & Hardie 2013, eq. 5)', () => {
    // reference.gammaGammaSpend was computed at the published estimates 6.25, 3.74, 15.44.
    for (const [x, z, expected] of reference.gammaGammaSpend) {
      expect(relativeError(gammaGammaMean('f', 6.25, 3.74, 15.44, x, z), expected)).toBeLessThan(1e-14);
    }
  });

  it('is the prior mean pγ/(q − 1) without a repeat purchase and tends to z̄ as x grows', () => {
    expect(gammaGammaMean('f', 6.25, 3.74, 15.44, 0, 999)).toBe((6.25 * 15.44) / 2.74);
    const far = gammaGammaMean('f', 6.25, 3.74, 15.44, 1e9, 42);
    expect(Math.abs(far - 42) / 42).toBeLessThan(1e-6);
  });

  it('keeps full precision where p·x + q − 1 nearly cancels', () => {
    // p·x + q − 1 = 1e-13 + 1e-12 exactly in real arithmetic: 1.1e-12.
    const value = gammaGammaMean('f', 1e-13, 1 + 2 ** -40, 1, 1, 0);
    const exact = 1e-13 / (1e-13 + 2 ** -40);
    expect(Math.abs(value - exact) / exact).toBeLessThan(1e-12);
  });

  it('does not overflow where p·(γ + x z̄) alone would', () => {
    const value = gammaGammaMean('f', 1e13, 3, 1, 1, 1e300);
    expect(Number.isFinite(value)).toBe(true);
    expect(Math.abs(value - 1e300) / 1e300).toBeLessThan(1e-12);
  });

  it('throws OUT_OF_RANGE when the posterior mean is infinite (px + q ≤ 1)', () => {
    expect(errorCode(() => gammaGammaMean('f', 1, 0.9, 1, 0, 0))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => gammaGammaMean('f', 0.05, 0.8, 1, 2, 5))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => gammaGammaMean('f', 1, 1, 1, 0, 0))).toBe('OUT_OF_RANGE');
  });
});

describe('requireGammaGammaParams', () => {
  it('returns [p, q, γ] for positive finite parameters', () => {
    expect(requireGammaGammaParams('f', published)).toEqual([6.25, 3.74, 15.44]);
  });

  it.each([
    ['no object', null, 'INVALID_NUMBER'],
    ['p = 0', { ...published, p: 0 }, 'OUT_OF_RANGE'],
    ['q NaN', { ...published, q: Number.NaN }, 'INVALID_NUMBER'],
    ['gamma Infinity', { ...published, gamma: Infinity }, 'INVALID_NUMBER'],
  ])('rejects %s', (_name, params, code) => {
    expect(errorCode(() => requireGammaGammaParams('f', params as never))).toBe(code);
  });
});
