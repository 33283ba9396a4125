import { describe, expect, it } from 'vitest';
import { fitMbgNbd, mbgNbdLogLikelihood, mbgNbd } from '../../../src/clv';
import { cdnowBgNbdSummary, relativeError } from '../clv-data';
import { asCustomer, asParams, CDNOW_MBG, mbgReference } from './mbg-nbd-reference';

const rows = cdnowBgNbdSummary();

describe('mbgNbdLogLikelihood', () => {
  it('gives the 30-digit log-likelihood of CDNOW at the published estimates', () => {
    expect(relativeError(mbgNbdLogLikelihood(CDNOW_MBG, rows), mbgReference.cdnowPublished.logLikelihood)).toBeLessThan(1e-10);
    expect(mbgNbd.logLikelihood(CDNOW_MBG, rows)).toBe(mbgNbdLogLikelihood(CDNOW_MBG, rows));
  });

  it('returns the fit’s log-likelihood at the fit', () => {
    const fit = fitMbgNbd(rows.slice(0, 500));
    expect(mbgNbdLogLikelihood(fit, rows.slice(0, 500))).toBe(fit.logLikelihood);
  });

  it('per customer: the mpmath ln Lᵢ, extreme parameters included (1e-10)', () => {
    for (const [p, h, value] of mbgReference.perCustomer) {
      const each = mbgNbdLogLikelihood(asParams(p), [asCustomer(h)], { perCustomer: true });
      // ln Lᵢ near 0 (r → 0 with α → ∞: L → 1) is compared absolutely.
      expect(Math.abs((each.logLikelihood[0] as number) - value), `${p} ${h}`).toBeLessThan(1e-10 * Math.max(1, Math.abs(value)));
    }
  });

  it('per customer: input positions, skipped rows, and the same total', () => {
    const data = [rows[0], null, rows[1], { frequency: undefined, recency: 0, T: 3 }, rows[2]];
    const each = mbgNbdLogLikelihood(CDNOW_MBG, data as never, { perCustomer: true });
    expect([...each.index]).toEqual([0, 2, 4]);
    expect(each.skipped).toBe(2);
    expect(each.total).toBe(mbgNbdLogLikelihood(CDNOW_MBG, data as never));
    expect(relativeError(each.logLikelihood.reduce((s, v) => s + v, 0), each.total)).toBeLessThan(1e-12);
  });

  it('0 for no rows; weighted rows count like their expansion', () => {
    expect(mbgNbdLogLikelihood(CDNOW_MBG, [])).toBe(0);
    const c = { frequency: 0, recency: 0, T: 38.86 };
    const weighted = mbgNbdLogLikelihood(CDNOW_MBG, [{ ...c, n: 3 }], { frequency: (d) => d.frequency, recency: (d) => d.recency, T: (d) => d.T, weight: (d) => d.n });
    expect(relativeError(weighted, 3 * mbgNbdLogLikelihood(CDNOW_MBG, [c]))).toBeLessThan(1e-14);
  });

  it('bad input', () => {
    expect(() => mbgNbdLogLikelihood({ ...CDNOW_MBG, a: 0 }, rows)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => mbgNbdLogLikelihood({ ...CDNOW_MBG, b: Math.exp(31) }, rows)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => mbgNbdLogLikelihood(CDNOW_MBG, rows, { perCustomer: 'yes' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
