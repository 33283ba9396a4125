import { describe, expect, it } from 'vitest';
import { fitMbgNbd, fitBgNbd } from '../../../src/clv';
import { cdnowBgNbdSummary, relativeError } from '../clv-data';
import { mbgReference } from './mbg-nbd-reference';

const rows = cdnowBgNbdSummary();
const fit = fitMbgNbd(rows);

describe('fitMbgNbd: CDNOW', () => {
  it('gives the BTYDplus estimates r = 0.525, α = 6.183, a = 0.891, b = 1.614 (rtol 1e-3)', () => {
    expect(fit.model).toBe('mbg-nbd');
    expect(fit.converged).toBe(true);
    expect(relativeError(fit.r, 0.525)).toBeLessThan(1e-3);
    expect(relativeError(fit.alpha, 6.183)).toBeLessThan(1e-3);
    expect(relativeError(fit.a, 0.891)).toBeLessThan(1e-3);
    expect(relativeError(fit.b, 1.614)).toBeLessThan(1e-3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.13, 2);
    expect(fit.n).toBe(2357);
  });

  it('agrees with the independent scipy maximum (rtol 1e-4) and its 30-digit log-likelihood', () => {
    const [r, alpha, a, b] = mbgReference.cdnowFit.params;
    expect(relativeError(fit.r, r)).toBeLessThan(1e-4);
    expect(relativeError(fit.alpha, alpha)).toBeLessThan(1e-4);
    expect(relativeError(fit.a, a)).toBeLessThan(1e-4);
    expect(relativeError(fit.b, b)).toBeLessThan(1e-4);
    expect(relativeError(fit.logLikelihood, mbgReference.cdnowFit.logLikelihood)).toBeLessThan(1e-9);
  });

  it('fits CDNOW slightly better than the BG/NBD with the same number of parameters', () => {
    expect(fit.logLikelihood).toBeGreaterThan(fitBgNbd(rows).logLikelihood);
  });

  it('has standard errors and a covariance in the order r, α, a, b', () => {
    expect(fit.standardErrors?.r).toBeGreaterThan(0);
    expect(fit.logParameterCovariance).toHaveLength(4);
    const se = Math.sqrt((fit.logParameterCovariance?.[2]?.[2] as number)) * fit.a;
    expect(relativeError(se, fit.standardErrors?.a as number)).toBeLessThan(1e-12);
    expect(Object.isFrozen(fit)).toBe(true);
  });

  it('weighted grouped rows fit like their expansion', () => {
    const sample = rows.slice(0, 300);
    const grouped = new Map<string, { frequency: number; recency: number; T: number; n: number }>();
    for (const c of sample) {
      const key = `${c.frequency},${c.recency},${c.T}`;
      const g = grouped.get(key);
      if (g) g.n++;
      else grouped.set(key, { frequency: c.frequency, recency: c.recency, T: c.T, n: 1 });
    }
    const byWeight = fitMbgNbd([...grouped.values()], { weight: (d) => d.n });
    const plain = fitMbgNbd(sample);
    expect(relativeError(byWeight.logLikelihood, plain.logLikelihood)).toBeLessThan(1e-10);
    expect(relativeError(byWeight.r, plain.r)).toBeLessThan(1e-6);
  });

  it('says when rows with repeat purchases and recency 0 make the likelihood unbounded', () => {
    const rounded = rows.slice(0, 400).map((c, i) => (i % 50 === 1 && c.frequency > 0 ? { ...c, recency: 0 } : c));
    const result = fitMbgNbd(rounded);
    expect(result.message).toMatch(/recency 0/);
    expect(Number.isFinite(result.logLikelihood)).toBe(true);
  });
});

describe('fitMbgNbd: bad input', () => {
  it('needs repeat purchases and enough customers', () => {
    expect(() => fitMbgNbd([{ frequency: 0, recency: 0, T: 30 }])).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
    expect(() => fitMbgNbd(rows, { maxIterations: 0 })).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => fitMbgNbd([{ frequency: 2, recency: 31, T: 30 }])).toThrow(/fitMbgNbd: /);
  });
});
