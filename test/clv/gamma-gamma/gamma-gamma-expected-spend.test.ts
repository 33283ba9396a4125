import { describe, expect, it } from 'vitest';
import { gammaGammaExpectedSpend, type GammaGammaCustomer } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { reference, relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError, extremeReference } from '../extreme-data';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/doc-examples';

const cdnow = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('gammaGammaExpectedSpend: known values', () => {
  it('matches the closed form computed independently (FHL 2013 eq. 5, mpmath)', () => {
    for (const [x, z, expected] of reference.gammaGammaSpend) {
      expect(relativeError(gammaGammaExpectedSpend(cdnow, { frequency: x, monetaryValue: z }), expected)).toBeLessThan(1e-14);
    }
  });

  it('gives the population mean p·γ/(q − 1) without a repeat purchase, whatever z̄ says', () => {
    // Hand computation: 6.25 × 15.44 / 2.74 = 96.5 / 2.74 = 35.2189781…
    expect(relativeError(gammaGammaExpectedSpend(cdnow, { frequency: 0, monetaryValue: 0 }), 96.5 / 2.74)).toBeLessThan(1e-15);
    expect(gammaGammaExpectedSpend(cdnow, { frequency: 0, monetaryValue: 1e6 })).toBe(gammaGammaExpectedSpend(cdnow, { frequency: 0, monetaryValue: 0 }));
  });

  it('stays finite for 10,000 purchases and tends to the customer’s own mean', () => {
    const value = gammaGammaExpectedSpend(cdnow, { frequency: 10_000, monetaryValue: 20 });
    // p(γ + x z̄)/(p x + q − 1) = 6.25 × 200015.44 / 62502.74
    expect(relativeError(value, (6.25 * 200015.44) / 62502.74)).toBeLessThan(1e-14);
  });

  it('matches the whole-range references (p, q, γ in [e^-30, e^30], x to 1e6, p·x + q − 1 near 0) at rtol 1e-6', () => {
    for (const [p, q, gamma, x, z, expected] of extremeReference.gammaGamma as number[][]) {
      const value = gammaGammaExpectedSpend({ p: p!, q: q!, gamma: gamma! }, { frequency: x!, monetaryValue: z! });
      expect(extremeError(value, expected!), JSON.stringify([p, q, gamma, x, z])).toBeLessThan(EXTREME_RTOL);
    }
  });
});

describe('gammaGammaExpectedSpend: bad input', () => {
  const ok = { frequency: 1, monetaryValue: 5 };
  it.each<[string, unknown, unknown, string]>([
    ['q ≤ 1 (no finite population mean)', { p: 1, q: 1, gamma: 2 }, { frequency: 0, monetaryValue: 0 }, 'OUT_OF_RANGE'],
    ['p·x + q ≤ 1 (no finite mean for this customer)', { p: 0.1, q: 0.5, gamma: 2 }, { frequency: 1, monetaryValue: 5 }, 'OUT_OF_RANGE'],
    ['p = 0', { p: 0, q: 3, gamma: 2 }, ok, 'OUT_OF_RANGE'],
    ['negative γ', { p: 1, q: 3, gamma: -2 }, ok, 'OUT_OF_RANGE'],
    ['NaN γ', { p: 1, q: 3, gamma: Number.NaN }, ok, 'INVALID_NUMBER'],
    ['q missing', { p: 1, gamma: 2 }, ok, 'INVALID_NUMBER'],
    ['no parameters', null, ok, 'INVALID_NUMBER'],
    ['negative money', { p: 1, q: 3, gamma: 2 }, { frequency: 1, monetaryValue: -5 }, 'NEGATIVE_VALUE'],
    ['NaN money', { p: 1, q: 3, gamma: 2 }, { frequency: 1, monetaryValue: Number.NaN }, 'INVALID_NUMBER'],
    ['money as a string', { p: 1, q: 3, gamma: 2 }, { frequency: 1, monetaryValue: '5' }, 'INVALID_NUMBER'],
    ['negative frequency', { p: 1, q: 3, gamma: 2 }, { frequency: -1, monetaryValue: 5 }, 'NEGATIVE_VALUE'],
    ['fractional frequency', { p: 1, q: 3, gamma: 2 }, { frequency: 1.5, monetaryValue: 5 }, 'NOT_AN_INTEGER'],
    ['NaN frequency', { p: 1, q: 3, gamma: 2 }, { frequency: Number.NaN, monetaryValue: 5 }, 'INVALID_NUMBER'],
    ['no customer', { p: 1, q: 3, gamma: 2 }, undefined, 'INVALID_NUMBER'],
  ])('%s → %s', (_what, params, customer, code) => {
    expect(errorCode(() => gammaGammaExpectedSpend(params as typeof cdnow, customer as GammaGammaCustomer))).toBe(code);
  });

  it('names the function and the value', () => {
    expect(() => gammaGammaExpectedSpend(cdnow, { frequency: 1, monetaryValue: -5 })).toThrow(/^gammaGammaExpectedSpend: monetaryValue -5 is negative/);
  });
});

/** [[p, q, γ], x, z̄, E[Z | z̄, x]] where x z̄ or p x is near or beyond a double (reference/gamma_gamma_per_customer_reference.py, mpmath). */
const farOut = (
  JSON.parse(readFileSync(join(repoRoot, 'test', 'clv', 'gamma-gamma', 'reference', 'gamma-gamma-per-customer-reference.json'), 'utf8')) as {
    expectedSpend: [[number, number, number], number, number, number][];
  }
).expectedSpend;

describe('gammaGammaExpectedSpend: spends and counts near the largest double', () => {
  it('is finite and matches mpmath where x z̄ or p x overflows but the mean does not', () => {
    for (const [[p, q, gamma], frequency, monetaryValue, expected] of farOut) {
      const value = gammaGammaExpectedSpend({ p, q, gamma }, { frequency, monetaryValue });
      expect(Math.abs(value - expected), JSON.stringify([p, q, gamma, frequency, monetaryValue])).toBeLessThanOrEqual(1e-14 * expected);
    }
  });
  it('is OUT_OF_RANGE, not Infinity, where the mean itself is beyond a double', () => {
    expect(errorCode(() => gammaGammaExpectedSpend({ p: 6.25, q: 0.5, gamma: 15.44 }, { frequency: 1, monetaryValue: 1.79e308 }))).toBe('OUT_OF_RANGE');
  });
});
