import { describe, expect, it } from 'vitest';
import { fitBgBbStatistics } from '../../../src/clv/bg-bb/fit-statistics';
import { bgBbSufficientStatistics } from '../../../src/clv/bg-bb/likelihood';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { bgBbReference as reference, donations } from './bg-bb-data';

function statsOf(rows: readonly { frequency: number; recency: number; periods: number; weights: number }[]) {
  const col = (f: (d: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
  return bgBbSufficientStatistics(col((d) => d.frequency), col((d) => d.recency), col((d) => d.periods), col((d) => d.weights), rows.length);
}

describe('fitBgBbStatistics', () => {
  const table = donations();
  const fit = fitBgBbStatistics(statsOf(table), table.length, 3, 200);

  it('finds the reference MLE of the donations, with its log-likelihood and standard errors', () => {
    const ref = reference.donations;
    [fit.alpha, fit.beta, fit.gamma, fit.delta].forEach((v, i) => expect(relativeError(v, ref.params[i] as number)).toBeLessThan(1e-6));
    expect(relativeError(fit.logLikelihood, ref.logLikelihood)).toBeLessThan(1e-13);
    const se = fit.standardErrors;
    expect(se).toBeDefined();
    [se!.alpha, se!.beta, se!.gamma, se!.delta].forEach((v, i) => expect(relativeError(v, ref.standardErrors[i] as number)).toBeLessThan(1e-5));
  });

  it('returns a frozen BG/BB fit that reports n from the weights and rows/skipped as given', () => {
    expect(Object.isFrozen(fit)).toBe(true);
    expect(fit.model).toBe('bg-bb');
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(11104);
    expect(fit.rows).toBe(table.length);
    expect(fit.skipped).toBe(3);
  });

  it('throws INSUFFICIENT_DATA for fewer than 4 customers or no repeat transaction', () => {
    expect(errorCode(() => fitBgBbStatistics(statsOf([{ frequency: 1, recency: 2, periods: 6, weights: 3 }]), 1, 0, 200))).toBe('INSUFFICIENT_DATA');
    expect(errorCode(() => fitBgBbStatistics(statsOf([{ frequency: 0, recency: 0, periods: 6, weights: 10 }]), 1, 0, 200))).toBe('INSUFFICIENT_DATA');
  });
});
