import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGammaLogLikelihood } from '../../../src/clv';
import { logGamma } from '../../../src/internal/special';
import { errorCode as code } from '../../support/error-code';
import { cdnowSummary, reference, relativeError } from '../clv-data';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/doc-examples';

const cdnow = cdnowSummary();
const published = { p: 6.25, q: 3.74, gamma: 15.44 };

/** ln f(z̄ | x) written out term by term (Fader & Hardie 2013, eq. 3), for an independent check. */
function direct(p: number, q: number, g: number, x: number, z: number): number {
  return logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(g) + (p * x - 1) * Math.log(z) + p * x * Math.log(x) - (p * x + q) * Math.log(g + x * z);
}

describe('gammaGammaLogLikelihood', () => {
  it('matches the reference log-likelihood on CDNOW at the reference MLE', () => {
    const ref = reference.gammaGammaCdnow;
    const [p, q, gamma] = ref.params as [number, number, number];
    expect(relativeError(gammaGammaLogLikelihood({ p, q, gamma }, cdnow), ref.logLikelihood)).toBeLessThan(1e-12);
  });

  it("returns the fit's logLikelihood at the fit's estimates", () => {
    const fit = fitGammaGamma(cdnow);
    expect(relativeError(gammaGammaLogLikelihood(fit, cdnow), fit.logLikelihood)).toBeLessThan(1e-12);
  });

  it('equals the density written out, customer by customer; customers without repeat add nothing', () => {
    for (const [x, z] of [[1, 8], [2, 22.35], [7, 140], [40, 3.5]] as const) {
      const value = gammaGammaLogLikelihood(published, [{ frequency: x, monetaryValue: z }]);
      expect(Math.abs(value - direct(6.25, 3.74, 15.44, x, z))).toBeLessThan(1e-12 * Math.max(1, Math.abs(value)));
    }
    expect(gammaGammaLogLikelihood(published, [{ frequency: 0, monetaryValue: 0 }])).toBe(0);
    expect(gammaGammaLogLikelihood(published, [])).toBe(0);
  });

  it('weights like the expansion and reads other record types through accessors', () => {
    const rows: [number, number, number][] = [[1, 8, 3], [2, 60, 2], [3, 22, 1]];
    const weighted = gammaGammaLogLikelihood(published, rows, { frequency: (d) => d[0], monetaryValue: (d) => d[1], weight: (d) => d[2] });
    const expanded = rows.flatMap(([x, z, w]) => Array.from({ length: w }, () => ({ frequency: x, monetaryValue: z })));
    expect(relativeError(weighted, gammaGammaLogLikelihood(published, expanded))).toBeLessThan(1e-14);
  });

  it('refuses parameters outside the numeric range and bad rows', () => {
    const one = [{ frequency: 1, monetaryValue: 10 }];
    expect(code(() => gammaGammaLogLikelihood({ ...published, p: 1e14 }, one))).toBe('OUT_OF_RANGE');
    expect(code(() => gammaGammaLogLikelihood({ ...published, q: 0 }, one))).toBe('OUT_OF_RANGE');
    expect(code(() => gammaGammaLogLikelihood(published, [{ frequency: 1, monetaryValue: 0 }]))).toBe('OUT_OF_RANGE');
    expect(code(() => gammaGammaLogLikelihood(published, [{ frequency: -1, monetaryValue: 3 }]))).toBe('NEGATIVE_VALUE');
    expect(code(() => gammaGammaLogLikelihood(published, one, { wieght: () => 1 } as never))).toBe('INVALID_OPTION');
  });
});

/** Values of reference/gamma_gamma_per_customer_reference.py: [[p, q, γ], x, z̄, ln f(z̄ | x)] (mpmath, 40 digits). */
const perCustomerReference = (
  JSON.parse(readFileSync(join(repoRoot, 'test', 'clv', 'gamma-gamma', 'reference', 'gamma-gamma-per-customer-reference.json'), 'utf8')) as {
    logDensity: [[number, number, number], number, number, number][];
  }
).logDensity;

describe('gammaGammaLogLikelihood per customer ({ perCustomer: true })', () => {
  it('matches the mpmath log-density of each customer (closed form checked against the mixture by quadrature), at rtol 1e-12', () => {
    for (const [[p, q, gamma], x, z, expected] of perCustomerReference) {
      const each = gammaGammaLogLikelihood({ p, q, gamma }, [{ frequency: x, monetaryValue: z }], { perCustomer: true });
      expect(Math.abs((each.logLikelihood[0] as number) - expected), JSON.stringify([p, q, gamma, x, z])).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
    }
  });

  it('CDNOW: one value per row, 0 for x = 0, Σ ln Lᵢ = the total, which is the plain log-likelihood', () => {
    const each = gammaGammaLogLikelihood(published, cdnow, { perCustomer: true });
    expect(each.index.length).toBe(cdnow.length);
    expect(each.total).toBe(gammaGammaLogLikelihood(published, cdnow));
    let sum = 0;
    cdnow.forEach((c, i) => {
      const l = each.logLikelihood[i] as number;
      if (c.frequency === 0) expect(l).toBe(0);
      else expect(Math.abs(l - direct(published.p, published.q, published.gamma, c.frequency, c.monetaryValue))).toBeLessThan(1e-12 * Math.max(1, Math.abs(l)));
      sum += l;
    });
    expect(Math.abs(sum - each.total)).toBeLessThan(1e-11 * Math.abs(each.total));
  });

  it('aligns with input positions and skips missing rows; weights enter only the total', () => {
    const rows = [{ frequency: 2, monetaryValue: 22.35, w: 3 }, null, { frequency: 1, monetaryValue: undefined, w: 1 }, { frequency: 0, monetaryValue: 0, w: 5 }];
    const each = gammaGammaLogLikelihood(published, rows as never[], { weight: (d: { w: number }) => d.w, perCustomer: true });
    expect([...each.index]).toEqual([0, 3]);
    expect(each.skipped).toBe(2);
    const one = gammaGammaLogLikelihood(published, [{ frequency: 2, monetaryValue: 22.35 }]);
    expect(Math.abs((each.logLikelihood[0] as number) - direct(published.p, published.q, published.gamma, 2, 22.35))).toBeLessThan(1e-13);
    expect(Math.abs(each.total - 3 * one)).toBeLessThan(1e-13);
    expect(code(() => gammaGammaLogLikelihood(published, [], { perCustomer: 'yes' as never }))).toBe('INVALID_OPTION');
  });
});
