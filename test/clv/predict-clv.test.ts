import { describe, expect, it } from 'vitest';
import {
  bgNbd as bgNbdModel,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
  gammaGammaExpectedSpend,
  paretoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
  predictClv,
  type PredictClvCustomer,
} from '../../src/clv';
import { CxMetricsError } from '../../src/internal/errors';
import { UNIT_MILLISECONDS } from '../../src/models';
import { errorCode } from '../support/error-code';
import { BAD_BG_NBD_PARAMS, BAD_CUSTOMERS } from './clv-bad-input';
import { cdnowSummary, reference, relativeError } from './clv-data';
import { extreme } from './bg-nbd/bg-nbd-extreme-reference';

const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gammaGamma = { p: 6.25, q: 3.74, gamma: 15.44 };
const monthly = { timeUnit: 'week', horizon: 12, horizonUnit: 'month' } as const;

describe('predictClv: known values', () => {
  it('matches an independent mpmath computation (eq. 10 differences × eq. 5 spend × margin, discounted)', () => {
    for (const [x, tx, T, z, horizon, discountRate, margin, expected] of reference.clv) {
      const result = predictClv(bgNbdModel, bgNbd, { gammaGamma }, [{ frequency: x, recency: tx, T, monetaryValue: z }], {
        timeUnit: 'week',
        horizon,
        horizonUnit: 'month',
        discountRate,
        margin,
      });
      expect(relativeError(result.clv[0] as number, expected)).toBeLessThan(1e-10);
    }
  });

  it('its columns agree with the single-customer functions', () => {
    const customers = cdnowSummary().slice(0, 200);
    const result = predictClv(bgNbdModel, bgNbd, { gammaGamma }, customers, monthly);
    const horizonWeeks = (12 * UNIT_MILLISECONDS.month) / UNIT_MILLISECONDS.week;
    customers.forEach((c, i) => {
      expect(result.index[i]).toBe(i);
      expect(relativeError(result.probabilityAlive[i] as number, bgNbdProbabilityAlive(bgNbd, c))).toBeLessThan(1e-14);
      expect(relativeError(result.expectedSpend[i] as number, gammaGammaExpectedSpend(gammaGamma, c))).toBeLessThan(1e-14);
      const purchases = bgNbdConditionalExpectedPurchases(bgNbd, c, horizonWeeks);
      expect(relativeError(result.expectedPurchases[i] as number, purchases)).toBeLessThan(1e-12);
      // Without discounting, CLV = spend × purchases over the horizon.
      expect(relativeError(result.clv[i] as number, (result.expectedSpend[i] as number) * purchases)).toBeLessThan(1e-12);
    });
    expect(result.total).toBeCloseTo(Array.from(result.clv).reduce((s, v) => s + v, 0), 8);
  });

  it('uses the documented unit constants, not a 30-day month', () => {
    const one = [{ frequency: 3, recency: 20, T: 30, monetaryValue: 40 }];
    const inDays = predictClv(
      bgNbdModel,
      { ...bgNbd, alpha: bgNbd.alpha * 7 },
      { gammaGamma },
      [{ frequency: 3, recency: 140, T: 210, monetaryValue: 40 }],
      { timeUnit: 'day', horizon: 12, horizonUnit: 'month' },
    );
    const inWeeks = predictClv(bgNbdModel, bgNbd, { gammaGamma }, one, monthly);
    expect(inWeeks.periodLength).toBeCloseTo(30.436875 / 7, 14);
    expect(inDays.periodLength).toBe(30.436875);
    expect(relativeError(inDays.clv[0] as number, inWeeks.clv[0] as number)).toBeLessThan(1e-10);
    // A year of 12 months equals a horizon of 1 year without discounting.
    const yearly = predictClv(bgNbdModel, bgNbd, { gammaGamma }, one, { timeUnit: 'week', horizon: 1, horizonUnit: 'year' });
    expect(relativeError(yearly.clv[0] as number, inWeeks.clv[0] as number)).toBeLessThan(1e-12);
  });

  it('gives 0 over a zero horizon, and the population spend to a customer without repeat purchase', () => {
    const c = [{ frequency: 0, recency: 0, T: 10, monetaryValue: 0 }];
    expect(predictClv(bgNbdModel, bgNbd, { gammaGamma }, c, { ...monthly, horizon: 0 }).clv[0]).toBe(0);
    expect(relativeError(predictClv(bgNbdModel, bgNbd, { gammaGamma }, c, monthly).expectedSpend[0] as number, (6.25 * 15.44) / 2.74)).toBeLessThan(1e-15);
  });

  it('skips and counts missing customers, reporting the input positions of the others', () => {
    const result = predictClv(
      bgNbdModel,
      bgNbd,
      { gammaGamma },
      [null, { frequency: 1, recency: 2, T: 3, monetaryValue: 10 }, { frequency: 1, recency: null, T: 3, monetaryValue: 10 }] as unknown as PredictClvCustomer[],
      monthly,
    );
    expect(result.skipped).toBe(2);
    expect(Array.from(result.index)).toEqual([1]);
    const empty = predictClv(bgNbdModel, bgNbd, { gammaGamma }, [], monthly);
    expect(empty.clv.length).toBe(0);
    expect(empty.total).toBe(0);
  });

  it('reads other records through accessors, from any iterable', () => {
    const tuples = cdnowSummary()
      .slice(0, 50)
      .map((d) => [d.frequency, d.recency, d.T, d.monetaryValue] as const);
    function* generate() {
      yield* tuples;
    }
    const accessors = { frequency: (d: readonly number[]) => d[0], recency: (d: readonly number[]) => d[1], T: (d: readonly number[]) => d[2], monetaryValue: (d: readonly number[]) => d[3] };
    const fromTuples = predictClv(bgNbdModel, bgNbd, { gammaGamma }, generate(), { ...monthly, ...accessors });
    expect(Array.from(fromTuples.clv)).toEqual(Array.from(predictClv(bgNbdModel, bgNbd, { gammaGamma }, cdnowSummary().slice(0, 50), monthly).clv));
  });
});

describe('predictClv: bad input', () => {
  const ok = { frequency: 2, recency: 10, T: 20, monetaryValue: 30 };
  it.each(BAD_CUSTOMERS)('a customer with %s → %s, naming its index', (_what, customer, code) => {
    let error: unknown;
    try {
      predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok, { ...customer, monetaryValue: 30 } as PredictClvCustomer], monthly);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe(code);
    expect((error as CxMetricsError).details.index).toBe(1);
  });
  it('a CLV beyond a double is OUT_OF_RANGE naming the customer, never Infinity', () => {
    const rich = { frequency: 20, recency: 19.5, T: 20, monetaryValue: 1e308 }; // ≈ 40 purchases a year
    expect(errorCode(() => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok, rich], monthly))).toBe('OUT_OF_RANGE');
    expect(() => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok, rich], monthly)).toThrow(/^predictClv: CLV of the customer at index 1 overflows/);
  });
  it.each(BAD_BG_NBD_PARAMS)('BG/NBD parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => predictClv(bgNbdModel, params as typeof bgNbd, { gammaGamma }, [ok], monthly))).toBe(code);
  });
  it.each<[string, () => unknown, string]>([
    ['negative money', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [{ ...ok, monetaryValue: -1 }], monthly), 'NEGATIVE_VALUE'],
    ['NaN money', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [{ ...ok, monetaryValue: Number.NaN }], monthly), 'INVALID_NUMBER'],
    ['Gamma-Gamma with q ≤ 1', () => predictClv(bgNbdModel, bgNbd, { gammaGamma: { ...gammaGamma, q: 0.5 } }, [{ frequency: 0, recency: 0, T: 5, monetaryValue: 0 }], monthly), 'OUT_OF_RANGE'],
    ['Gamma-Gamma with NaN p', () => predictClv(bgNbdModel, bgNbd, { gammaGamma: { ...gammaGamma, p: Number.NaN } }, [ok], monthly), 'INVALID_NUMBER'],
    ['no spend model', () => predictClv(bgNbdModel, bgNbd, { gammaGamma: undefined as never }, [ok], monthly), 'INVALID_INPUT'],
    ['Gamma-Gamma parameters that are not an object', () => predictClv(bgNbdModel, bgNbd, { gammaGamma: 5 as never }, [ok], monthly), 'INVALID_NUMBER'],
    ['unknown time unit', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok], { ...monthly, timeUnit: 'fortnight' as 'week' }), 'INVALID_OPTION'],
    ['missing horizon unit', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok], { ...monthly, horizonUnit: undefined as never }), 'INVALID_OPTION'],
    ['missing horizon', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok], { ...monthly, horizon: undefined as never }), 'INVALID_NUMBER'],
    ['fractional horizon', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok], { ...monthly, horizon: 1.5 }), 'NOT_AN_INTEGER'],
    ['negative horizon', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok], { ...monthly, horizon: -1 }), 'NEGATIVE_VALUE'],
    ['horizon 2⁴⁰ (beyond 10,000 periods)', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok], { ...monthly, horizon: 2 ** 40 }), 'OUT_OF_RANGE'],
    ['negative discount rate', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok], { ...monthly, discountRate: -0.1 }), 'NEGATIVE_VALUE'],
    ['NaN discount rate', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok], { ...monthly, discountRate: Number.NaN }), 'INVALID_NUMBER'],
    ['margin of 30 (percent)', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok], { ...monthly, margin: 30 }), 'OUT_OF_RANGE'],
    ['NaN margin', () => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [ok], { ...monthly, margin: Number.NaN }), 'INVALID_NUMBER'],
  ])('%s → %s', (_name, run, expected) => {
    expect(errorCode(run)).toBe(expected);
  });
});

describe('predictClv: extreme parameters and rounded data', () => {
  it('never exceeds (r + x)/(α + T) · horizon purchases (issue: r = 73.8, α = 1, 57 days gave 2,498 > 2,103)', () => {
    const params = { r: 73.8, alpha: 1, a: 2, b: 1 };
    const customers = [
      { frequency: 0, recency: 0, T: 0, monetaryValue: 0 },
      { frequency: 10, recency: 30, T: 40, monetaryValue: 20 },
      { frequency: 3, recency: 0, T: 5, monetaryValue: 20 }, // recency 0 with repeat purchases
    ];
    const result = predictClv(bgNbdModel, params, { gammaGamma }, customers, { timeUnit: 'day', horizon: 57, horizonUnit: 'day' });
    customers.forEach((c, i) => {
      const bound = ((params.r + c.frequency) / (params.alpha + c.T)) * 57;
      expect(result.expectedPurchases[i]!).toBeLessThanOrEqual(bound);
      expect(relativeError(result.expectedPurchases[i]!, bgNbdConditionalExpectedPurchases(params, c, 57))).toBeLessThan(1e-9);
    });
    // New customer: FHL eq. 9 at 60 digits (reference/bg_nbd_extreme_reference.py).
    const [, , expected] = extreme.expected.find(([p, t]) => p[0] === 73.8 && t === 57)!;
    expect(relativeError(result.expectedPurchases[0]!, expected)).toBeLessThan(1e-9);
  });

  it('refuses more than 10,000 periods, the documented limit, before any work', () => {
    expect(() => predictClv(bgNbdModel, bgNbd, { gammaGamma }, [{ frequency: 1, recency: 1, T: 2, monetaryValue: 10 }], { timeUnit: 'week', horizon: 10_001, horizonUnit: 'day' })).toThrow(
      /^predictClv: horizon 10001 exceeds the limit of 10000 periods/,
    );
  });
});

describe('predictClv: any transaction model', () => {
  const customers = cdnowSummary();
  const pareto = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // published CDNOW estimates, weeks
  const options = { timeUnit: 'week', horizon: 12, horizonUnit: 'month', discountRate: 0.01, margin: 0.3 } as const;

  it('with Pareto/NBD on CDNOW: per-period differences of paretoNbdConditionalExpectedPurchases × spend × margin, discounted', () => {
    const result = predictClv(paretoNbd, pareto, { gammaGamma }, customers, options);
    const L = UNIT_MILLISECONDS.month / UNIT_MILLISECONDS.week;
    customers.forEach((c, i) => {
      // Independent of predictClv's grouping and factorisation: the public per-customer function, period by period.
      let value = 0;
      for (let k = 1; k <= 12; k++) {
        const increment = paretoNbdConditionalExpectedPurchases(pareto, c, k * L) - paretoNbdConditionalExpectedPurchases(pareto, c, (k - 1) * L);
        value += increment / 1.01 ** k;
      }
      const expected = 0.3 * gammaGammaExpectedSpend(gammaGamma, c) * value;
      expect(relativeError(result.clv[i]!, expected)).toBeLessThan(1e-11);
      expect(relativeError(result.probabilityAlive[i]!, paretoNbdProbabilityAlive(pareto, c))).toBeLessThan(1e-14);
      expect(relativeError(result.expectedPurchases[i]!, paretoNbdConditionalExpectedPurchases(pareto, c, 12 * L))).toBeLessThan(1e-12);
    });
  });

  it('the same call takes BG/NBD and Pareto/NBD, and their CLV differ where the models do (one-time buyers)', () => {
    const withBg = predictClv(bgNbdModel, bgNbd, { gammaGamma }, customers, options);
    const withPareto = predictClv(paretoNbd, pareto, { gammaGamma }, customers, options);
    expect(withBg.clv.length).toBe(withPareto.clv.length);
    // BG/NBD: a customer without repeat purchases is alive; Pareto/NBD: not for sure.
    const oneTime = customers.findIndex((c) => c.frequency === 0);
    expect(withBg.probabilityAlive[oneTime]).toBe(1);
    expect(withPareto.probabilityAlive[oneTime]!).toBeLessThan(1);
    expect(relativeError(withPareto.total, withBg.total)).toBeLessThan(0.5);
  });

  it('takes a fit of the model, and refuses a fit of another model or something that is not a model', () => {
    const rows = customers.slice(0, 400);
    const fit = fitBgNbd(rows);
    expect(predictClv(bgNbdModel, fit, { gammaGamma }, rows, options).total).toBe(predictClv(bgNbdModel, { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b }, { gammaGamma }, rows, options).total);
    expect(errorCode(() => predictClv(paretoNbd, fit as never, { gammaGamma }, rows, options))).toBe('INCONSISTENT_INPUT');
    expect(() => predictClv(paretoNbd, fit as never, { gammaGamma }, rows, options)).toThrow(/params are a "bg-nbd" fit but the model is "pareto-nbd"/);
    expect(errorCode(() => predictClv(bgNbd as never, bgNbd, { gammaGamma }, rows, options))).toBe('INVALID_INPUT');
    expect(errorCode(() => predictClv(undefined as never, bgNbd, { gammaGamma }, rows, options))).toBe('INVALID_INPUT');
    expect(errorCode(() => predictClv(paretoNbd, bgNbd as never, { gammaGamma }, rows, options))).toBe('INVALID_NUMBER');
  });
});
