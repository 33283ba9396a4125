import { describe, expect, it } from 'vitest';
import { fitSbg, sbgSurvival, simulateSbg } from '../../../src/retention';
import { errorCode } from '../../support/error-code';

const truth = { alpha: 0.704, beta: 1.182 };
const accessors = { renewals: (c: { renewals: number }) => c.renewals, churned: (c: { churned: boolean }) => c.churned };

describe('simulateSbg', () => {
  it('is deterministic: the same seed gives the same customers, another seed others', () => {
    const a = simulateSbg(truth, { customers: 500, periods: 7, seed: 3 });
    expect(simulateSbg(truth, { customers: 500, periods: 7, seed: 3 })).toEqual(a);
    expect(simulateSbg(truth, { customers: 500, periods: 7, seed: 4 })).not.toEqual(a);
  });

  it('censors at the requested periods: churned customers made fewer renewals, the others exactly that many', () => {
    const rows = simulateSbg({ alpha: 0.02, beta: 0.03 }, { customers: 3000, periods: (i) => i % 9, seed: 2 });
    rows.forEach((c, i) => {
      if (c.churned) expect(c.renewals).toBeLessThan(i % 9);
      else expect(c.renewals).toBe(i % 9);
      expect(Object.is(c.renewals, -0)).toBe(false);
    });
  });

  it('has the survival curve the model implies: the share still a customer after t renewals is S(t) within 4 standard errors', () => {
    const n = 40_000;
    const rows = simulateSbg(truth, { customers: n, periods: 12, seed: 17 });
    for (const t of [1, 2, 5, 12]) {
      const share = rows.filter((c) => c.renewals >= t).length / n;
      const s = sbgSurvival(truth, t);
      expect(Math.abs(share - s)).toBeLessThan(4 * Math.sqrt((s * (1 - s)) / n));
    }
  });

  it.each([
    [truth, 51, 12],
    [{ alpha: 3, beta: 8 }, 52, 20],
    [{ alpha: 0.4, beta: 0.9 }, 53, 6],
  ])('recovers %o within 4 standard errors (seed %i, %i periods)', (params, seed, periods) => {
    const fit = fitSbg(simulateSbg(params, { customers: 20_000, periods, seed }), accessors);
    expect(fit.converged).toBe(true);
    for (const k of ['alpha', 'beta'] as const) expect(Math.abs(fit[k] - params[k])).toBeLessThan(4 * fit.standardErrors![k]);
  });

  it('refuses bad parameters and options', () => {
    expect(errorCode(() => simulateSbg({ alpha: 0, beta: 1 }, { customers: 1, periods: 1 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => simulateSbg(truth, { customers: -1, periods: 1 }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => simulateSbg(truth, { customers: 1, periods: 2.5 }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => simulateSbg(truth, { customers: 1, periods: 2e9 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => simulateSbg(truth, { customers: 1, periods: 1, seed: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => simulateSbg(truth, { customer: 1, periods: 1 } as never))).toBe('INVALID_OPTION');
  });
});
