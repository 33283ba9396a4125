import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  predictClv,
  rankCustomers,
  type PredictClvCustomer,
} from '../../src/clv';
import { CxMetricsError } from '../../src/errors';
import { UNIT_MILLISECONDS } from '../../src/models';
import { cdnowSummary, reference, relativeError } from './clv-data';

const bgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gammaGamma = { p: 6.25, q: 3.74, gamma: 15.44 };
const monthly = { timeUnit: 'week', horizon: 12, horizonUnit: 'month' } as const;

function code(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error.code;
    throw error;
  }
  return undefined;
}

describe('predictClv', () => {
  it('matches an independent mpmath computation (eq. 10 differences × eq. 5 spend × margin, discounted)', () => {
    for (const [x, tx, T, z, horizon, discountRate, margin, expected] of reference.clv) {
      const result = predictClv(bgNbd, gammaGamma, [{ frequency: x, recency: tx, T, monetaryValue: z }], {
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
    const result = predictClv(bgNbd, gammaGamma, customers, monthly);
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
      { ...bgNbd, alpha: bgNbd.alpha * 7 },
      gammaGamma,
      [{ frequency: 3, recency: 140, T: 210, monetaryValue: 40 }],
      { timeUnit: 'day', horizon: 12, horizonUnit: 'month' },
    );
    const inWeeks = predictClv(bgNbd, gammaGamma, one, monthly);
    expect(inWeeks.periodLength).toBeCloseTo(30.436875 / 7, 14);
    expect(inDays.periodLength).toBe(30.436875);
    expect(relativeError(inDays.clv[0] as number, inWeeks.clv[0] as number)).toBeLessThan(1e-10);
    // A year of 12 months equals a horizon of 1 year without discounting.
    const yearly = predictClv(bgNbd, gammaGamma, one, { timeUnit: 'week', horizon: 1, horizonUnit: 'year' });
    expect(relativeError(yearly.clv[0] as number, inWeeks.clv[0] as number)).toBeLessThan(1e-12);
  });

  it('skips and counts missing customers, reporting the input positions of the others', () => {
    const result = predictClv(
      bgNbd,
      gammaGamma,
      [null, { frequency: 1, recency: 2, T: 3, monetaryValue: 10 }, { frequency: 1, recency: null, T: 3, monetaryValue: 10 }] as unknown as PredictClvCustomer[],
      monthly,
    );
    expect(result.skipped).toBe(2);
    expect(Array.from(result.index)).toEqual([1]);
    const empty = predictClv(bgNbd, gammaGamma, [], monthly);
    expect(empty.clv.length).toBe(0);
    expect(empty.total).toBe(0);
  });

  it('works end to end from fits on CDNOW, ranking customers', () => {
    const rows = cdnowSummary();
    const result = predictClv(fitBgNbd(rows), fitGammaGamma(rows), rows, { ...monthly, discountRate: 0.01 });
    const top = rankCustomers(result, { top: 10 });
    expect(top).toHaveLength(10);
    const sorted = Array.from(result.clv).sort((x, y) => y - x);
    expect(top.map((c) => c.clv)).toEqual(sorted.slice(0, 10));
    expect(top.every((c, k) => c.rank === k + 1 && result.clv[c.index] === c.clv)).toBe(true);
  });
});

const customer = fc
  .record({
    x: fc.integer({ min: 0, max: 200 }),
    T: fc.double({ min: 0.5, max: 100, noNaN: true }),
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    z: fc.double({ min: 0.5, max: 1000, noNaN: true }),
  })
  .map(({ x, T, share, z }) => ({ frequency: x, recency: x === 0 ? 0 : T * share, T, monetaryValue: x === 0 ? 0 : z }));

describe('predictClv properties', () => {
  test.prop(
    [customer, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })],
    { numRuns: 80 },
  )('CLV is ≥ 0, non-decreasing in horizon and margin, non-increasing in the discount rate', (c, horizon, more, d, dd, m, dm) => {
    const run = (h: number, rate: number, margin: number) =>
      predictClv(bgNbd, gammaGamma, [c], { timeUnit: 'week', horizon: h, horizonUnit: 'month', discountRate: rate, margin }).clv[0] as number;
    const base = run(horizon, d, m);
    expect(base).toBeGreaterThanOrEqual(0);
    expect(run(horizon + more, d, m)).toBeGreaterThanOrEqual(base * (1 - 1e-12));
    expect(run(horizon, d, Math.min(1, m + dm))).toBeGreaterThanOrEqual(base * (1 - 1e-12));
    expect(run(horizon, d + dd, m)).toBeLessThanOrEqual(base * (1 + 1e-12));
  });

  test.prop([fc.array(customer, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 40 })], { numRuns: 50 })(
    'rankCustomers: sorted descending, ties by position, top-k equals the head of the full ranking',
    (rows, top) => {
      const result = predictClv(bgNbd, gammaGamma, rows, monthly);
      for (const by of ['clv', 'probabilityAlive', 'expectedPurchases', 'expectedSpend'] as const) {
        const all = rankCustomers(result, { by });
        expect(all).toHaveLength(rows.length);
        for (let k = 1; k < all.length; k++) {
          const prev = all[k - 1]![by];
          const cur = all[k]![by];
          expect(prev > cur || (prev === cur && all[k - 1]!.index < all[k]!.index)).toBe(true);
        }
        expect(rankCustomers(result, { by, top })).toEqual(all.slice(0, top));
      }
    },
  );
});

describe('predictClv and rankCustomers bad input', () => {
  const c = [{ frequency: 2, recency: 10, T: 20, monetaryValue: 30 }];
  it.each<[string, () => unknown, string]>([
    ['unknown time unit', () => predictClv(bgNbd, gammaGamma, c, { ...monthly, timeUnit: 'fortnight' as 'week' }), 'INVALID_OPTION'],
    ['missing horizon unit', () => predictClv(bgNbd, gammaGamma, c, { ...monthly, horizonUnit: undefined as never }), 'INVALID_OPTION'],
    ['fractional horizon', () => predictClv(bgNbd, gammaGamma, c, { ...monthly, horizon: 1.5 }), 'NOT_AN_INTEGER'],
    ['negative horizon', () => predictClv(bgNbd, gammaGamma, c, { ...monthly, horizon: -1 }), 'NEGATIVE_VALUE'],
    ['negative discount rate', () => predictClv(bgNbd, gammaGamma, c, { ...monthly, discountRate: -0.1 }), 'NEGATIVE_VALUE'],
    ['margin of 30 (percent)', () => predictClv(bgNbd, gammaGamma, c, { ...monthly, margin: 30 }), 'OUT_OF_RANGE'],
    ['bad BG/NBD parameter', () => predictClv({ ...bgNbd, a: 0 }, gammaGamma, c, monthly), 'OUT_OF_RANGE'],
    ['Gamma-Gamma with q ≤ 1', () => predictClv(bgNbd, { ...gammaGamma, q: 0.5 }, [{ frequency: 0, recency: 0, T: 5, monetaryValue: 0 }], monthly), 'OUT_OF_RANGE'],
    ['negative money', () => predictClv(bgNbd, gammaGamma, [{ ...c[0]!, monetaryValue: -1 }], monthly), 'NEGATIVE_VALUE'],
    ['recency > T', () => predictClv(bgNbd, gammaGamma, [{ ...c[0]!, recency: 21 }], monthly), 'ORDER_VIOLATION'],
    ['NaN T', () => predictClv(bgNbd, gammaGamma, [{ ...c[0]!, T: Number.NaN }], monthly), 'INVALID_NUMBER'],
    ['fractional frequency', () => predictClv(bgNbd, gammaGamma, [{ ...c[0]!, frequency: 0.5 }], monthly), 'NOT_AN_INTEGER'],
    ['unknown ranking column', () => rankCustomers(predictClv(bgNbd, gammaGamma, c, monthly), { by: 'T' as 'clv' }), 'INVALID_OPTION'],
    ['negative top', () => rankCustomers(predictClv(bgNbd, gammaGamma, c, monthly), { top: -1 }), 'NEGATIVE_VALUE'],
    ['fractional top', () => rankCustomers(predictClv(bgNbd, gammaGamma, c, monthly), { top: 1.5 }), 'NOT_AN_INTEGER'],
    ['NaN top', () => rankCustomers(predictClv(bgNbd, gammaGamma, c, monthly), { top: Number.NaN }), 'INVALID_NUMBER'],
    [
      'columns of different lengths',
      () => rankCustomers({ ...predictClv(bgNbd, gammaGamma, c, monthly), clv: new Float64Array(2) }),
      'INCONSISTENT_INPUT',
    ],
  ])('%s → %s', (_name, run, expected) => {
    expect(code(run)).toBe(expected);
  });
});
