import { describe, expect, it } from 'vitest';
import { bgBb, bgNbd, gammaGammaExpectedSpend, paretoNbd, predictClv, type PredictClvResult } from '../../src/clv';
import { UNIT_MILLISECONDS } from '../../src/models';
import { errorCode } from '../support/error-code';
import { PUBLISHED as DONORS, donations } from './bg-bb/bg-bb-data';
import { cdnowSummary, relativeError } from './clv-data';

const BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PARETO = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 };
const MONTH_IN_WEEKS = UNIT_MILLISECONDS.month / UNIT_MILLISECONDS.week;

/** Σ over customers and periods, and per customer, of the model's own conditional expectation differenced per period. */
function byDifferences(
  expectation: (i: number, t: number) => number,
  n: number,
  horizon: number,
  length: number,
  discountRate: number,
): { perPeriod: number[]; discounted: number[]; cumulative: number[] } {
  const perPeriod = new Array<number>(horizon).fill(0);
  const discounted = new Array<number>(n).fill(0);
  const cumulative = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let previous = 0;
    for (let k = 1; k <= horizon; k++) {
      const current = expectation(i, k * length);
      perPeriod[k - 1]! += current - previous;
      discounted[i]! += (current - previous) / (1 + discountRate) ** k;
      previous = current;
    }
    cumulative[i] = previous;
  }
  return { perPeriod, discounted, cumulative };
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(relativeError(actual[i] as number, expected[i] as number)).toBeLessThan(tolerance);
}

describe('predictClv: every transaction model against its own conditional expectation', () => {
  const customers = cdnowSummary().slice(0, 150);
  const options = { timeUnit: 'week', horizon: 9, horizonUnit: 'month', discountRate: 0.02, margin: 0.25 } as const;

  it.each([
    ['BG/NBD', () => predictClv(bgNbd, BG_NBD, { gammaGamma: GAMMA_GAMMA }, customers, options), (i: number, t: number) => bgNbd.conditionalExpectedPurchases(BG_NBD, customers[i]!, t)],
    ['Pareto/NBD', () => predictClv(paretoNbd, PARETO, { gammaGamma: GAMMA_GAMMA }, customers, options), (i: number, t: number) => paretoNbd.conditionalExpectedPurchases(PARETO, customers[i]!, t)],
  ] as const)('%s: per-period differences of E[Y(t) | x, tₓ, T] to 1e-11 (customers, schedule, CLV)', (_name, run, expectation) => {
    const result: PredictClvResult = run();
    const reference = byDifferences(expectation, customers.length, options.horizon, MONTH_IN_WEEKS, options.discountRate);
    expectClose(result.schedule.expectedPurchases, reference.perPeriod, 1e-11);
    expectClose(result.expectedPurchases, reference.cumulative, 1e-11);
    const spend = customers.map((c) => gammaGammaExpectedSpend(GAMMA_GAMMA, c));
    expectClose(result.clv, reference.discounted.map((d, i) => options.margin * spend[i]! * d), 1e-11);
  });

  it('BG/BB: the horizon counts opportunities; per-period differences of E[X(n, n + k) | x, tₓ, n] to 1e-11', () => {
    const rows = donations().map((d) => ({ frequency: d.frequency, recency: d.recency, periods: d.periods, monetaryValue: 25 + d.frequency }));
    const result = predictClv(bgBb, DONORS, { valuePerPurchase: 'monetaryValue' }, rows, { horizon: 5, discountRate: 0.1, margin: 0.5 });
    const reference = byDifferences((i, k) => bgBb.conditionalExpectedPurchases(DONORS, rows[i]!, k), rows.length, 5, 1, 0.1);
    expect(result.periodLength).toBe(1);
    expectClose(result.schedule.expectedPurchases, reference.perPeriod, 1e-11);
    expectClose(result.expectedPurchases, reference.cumulative, 1e-11);
    expectClose(result.clv, reference.discounted.map((d, i) => 0.5 * rows[i]!.monetaryValue * d), 1e-11);
    expectClose(result.probabilityAlive, rows.map((r) => bgBb.probabilityAlive(DONORS, r)), 1e-14);
    // The 2002–2006 forecast for the 11,104 donors: 12,884 donations in Fader & Hardie's BG/BB
    // workbook (at unrounded estimates; 12,882 at the published three-decimal ones).
    const weighted = donations().reduce((s, d, i) => s + d.weights * (result.expectedPurchases[i] as number), 0);
    expect(Math.abs(weighted - 12884)).toBeLessThan(5);
  });
});

describe('predictClv: the schedule and the window', () => {
  const customers = cdnowSummary().slice(0, 300);
  const base = { timeUnit: 'week', horizon: 12, horizonUnit: 'month', discountRate: 0.01, margin: 0.3 } as const;

  it('schedule sums equal the totals (customer equity, purchases, undiscounted value)', () => {
    const result = predictClv(bgNbd, BG_NBD, { gammaGamma: GAMMA_GAMMA }, customers, base);
    const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
    expect(relativeError(sum(result.schedule.discountedValue), result.total)).toBeLessThan(1e-12);
    expect(relativeError(sum(result.schedule.expectedPurchases), sum(result.expectedPurchases))).toBeLessThan(1e-12);
    const undiscounted = predictClv(bgNbd, BG_NBD, { gammaGamma: GAMMA_GAMMA }, customers, { ...base, discountRate: 0 });
    expect(relativeError(sum(result.schedule.value), undiscounted.total)).toBeLessThan(1e-12);
    result.schedule.value.forEach((v, j) => expect(relativeError(result.schedule.discountedValue[j]!, v / 1.01 ** (j + 1))).toBeLessThan(1e-14));
    expect(result.window).toBeUndefined();
    expect(result.intervals).toBeUndefined();
  });

  it('a window is the difference of the cumulative values', () => {
    for (const [from, to] of [
      [0, 3],
      [3, 7],
      [11, 12],
    ] as const) {
      const result = predictClv(bgNbd, BG_NBD, { gammaGamma: GAMMA_GAMMA }, customers, { ...base, window: { from, to } });
      const upTo = predictClv(bgNbd, BG_NBD, { gammaGamma: GAMMA_GAMMA }, customers, { ...base, horizon: to });
      const before = predictClv(bgNbd, BG_NBD, { gammaGamma: GAMMA_GAMMA }, customers, { ...base, horizon: from });
      expect(result.window).toMatchObject({ from, to });
      customers.forEach((_, i) => {
        const value = upTo.clv[i]! - before.clv[i]!;
        expect(Math.abs(result.window!.clv[i]! - value)).toBeLessThanOrEqual(1e-12 * upTo.clv[i]!);
        const purchases = upTo.expectedPurchases[i]! - before.expectedPurchases[i]!;
        expect(Math.abs(result.window!.expectedPurchases[i]! - purchases)).toBeLessThanOrEqual(1e-12 * upTo.expectedPurchases[i]!);
      });
    }
  });

  it('a window outside 0 ≤ from < to ≤ horizon is refused', () => {
    for (const window of [
      { from: 3, to: 3 },
      { from: 0, to: 13 },
      { from: 5, to: 2 },
    ]) {
      expect(errorCode(() => predictClv(bgNbd, BG_NBD, { gammaGamma: GAMMA_GAMMA }, customers, { ...base, window }))).toBe('OUT_OF_RANGE');
    }
    expect(errorCode(() => predictClv(bgNbd, BG_NBD, { gammaGamma: GAMMA_GAMMA }, customers, { ...base, window: { from: -1, to: 2 } }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => predictClv(bgNbd, BG_NBD, { gammaGamma: GAMMA_GAMMA }, customers, { ...base, window: { from: 0, to: 2, upto: 3 } as never }))).toBe('INVALID_OPTION');
  });
});

describe('predictClv: the spend models', () => {
  const customers = cdnowSummary().slice(0, 100);
  const options = { timeUnit: 'week', horizon: 6, horizonUnit: 'month', discountRate: 0.01, margin: 0.4 } as const;
  const withGammaGamma = predictClv(bgNbd, BG_NBD, { gammaGamma: GAMMA_GAMMA }, customers, options);

  it('a fixed value per purchase: CLV = value × margin × discounted purchases, for every customer', () => {
    const fixed = predictClv(bgNbd, BG_NBD, { valuePerPurchase: 30 }, customers, options);
    customers.forEach((_, i) => {
      expect(fixed.expectedSpend[i]).toBe(30);
      expect(relativeError(fixed.clv[i]!, (withGammaGamma.clv[i]! / withGammaGamma.expectedSpend[i]!) * 30)).toBeLessThan(1e-13);
    });
    // The rows need no monetaryValue then.
    const histories = customers.map(({ frequency, recency, T }) => ({ frequency, recency, T }));
    expect(Array.from(predictClv(bgNbd, BG_NBD, { valuePerPurchase: 30 }, histories, options).clv)).toEqual(Array.from(fixed.clv));
  });

  it("each customer's own monetaryValue, taken as is (0 for no repeat purchase)", () => {
    const own = predictClv(bgNbd, BG_NBD, { valuePerPurchase: 'monetaryValue' }, customers, options);
    customers.forEach((c, i) => {
      expect(own.expectedSpend[i]).toBe(c.monetaryValue);
      expect(relativeError(own.clv[i]!, (withGammaGamma.clv[i]! / withGammaGamma.expectedSpend[i]!) * c.monetaryValue)).toBeLessThan(1e-13);
    });
  });

  it.each<[string, unknown, string]>([
    ['a negative value per purchase', { valuePerPurchase: -1 }, 'NEGATIVE_VALUE'],
    ['a NaN value per purchase', { valuePerPurchase: Number.NaN }, 'INVALID_NUMBER'],
    ['an unknown column', { valuePerPurchase: 'spend' }, 'INVALID_NUMBER'],
    ['both spend models', { gammaGamma: GAMMA_GAMMA, valuePerPurchase: 3 }, 'INVALID_INPUT'],
    ['an unknown key', { gamaGamma: GAMMA_GAMMA }, 'INVALID_OPTION'],
    ['bare Gamma-Gamma parameters (the old form)', GAMMA_GAMMA, 'INVALID_OPTION'],
    ['no spend at all', undefined, 'INVALID_INPUT'],
    ['a fit of another model', { gammaGamma: { ...GAMMA_GAMMA, model: 'bg-nbd' } }, 'INCONSISTENT_INPUT'],
  ])('%s → %s', (_what, spend, code) => {
    expect(errorCode(() => predictClv(bgNbd, BG_NBD, spend as never, customers, options))).toBe(code);
  });
});

describe('predictClv: continuous and discrete models take their own options', () => {
  const donor = { frequency: 3, recency: 5, periods: 6, monetaryValue: 20 };
  const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };

  it.each<[string, () => unknown, string]>([
    ['a time unit with BG/BB', () => predictClv(bgBb, DONORS, { valuePerPurchase: 1 }, [donor], { horizon: 5, timeUnit: 'week' } as never), 'INVALID_OPTION'],
    ['a horizon unit with BG/BB', () => predictClv(bgBb, DONORS, { valuePerPurchase: 1 }, [donor], { horizon: 5, horizonUnit: 'year' } as never), 'INVALID_OPTION'],
    ['a T accessor with BG/BB', () => predictClv(bgBb, DONORS, { valuePerPurchase: 1 }, [donor], { horizon: 5, T: () => 6 } as never), 'INVALID_OPTION'],
    ['a periods accessor with BG/NBD', () => predictClv(bgNbd, BG_NBD, { valuePerPurchase: 1 }, [customer], { timeUnit: 'week', horizon: 5, horizonUnit: 'week', periods: () => 6 } as never), 'INVALID_OPTION'],
    ['a fractional recency with BG/BB', () => predictClv(bgBb, DONORS, { valuePerPurchase: 1 }, [{ ...donor, recency: 4.5 }], { horizon: 5 }), 'NOT_AN_INTEGER'],
    ['a fractional periods with BG/BB', () => predictClv(bgBb, DONORS, { valuePerPurchase: 1 }, [{ ...donor, periods: 6.5 }], { horizon: 5 }), 'NOT_AN_INTEGER'],
    ['frequency above recency with BG/BB', () => predictClv(bgBb, DONORS, { valuePerPurchase: 1 }, [{ ...donor, frequency: 6 }], { horizon: 5 }), 'INCONSISTENT_INPUT'],
    ['recency above periods with BG/BB', () => predictClv(bgBb, DONORS, { valuePerPurchase: 1 }, [{ ...donor, recency: 7 }], { horizon: 5 }), 'ORDER_VIOLATION'],
    ['BG/BB parameters ≤ 0, with no customer', () => predictClv(bgBb, { ...DONORS, alpha: -1 }, { valuePerPurchase: 1 }, [], { horizon: 5 }), 'OUT_OF_RANGE'],
    ['a BG/NBD fit with BG/BB', () => predictClv(bgBb, { ...DONORS, model: 'bg-nbd' } as never, { valuePerPurchase: 1 }, [donor], { horizon: 5 }), 'INCONSISTENT_INPUT'],
    ['not a model', () => predictClv({ model: 'bg-bb' } as never, DONORS, { valuePerPurchase: 1 }, [donor], { horizon: 5 }), 'INVALID_INPUT'],
  ])('%s → %s', (_what, run, code) => {
    expect(errorCode(run)).toBe(code);
  });

  it.each(['periods', 'recency', 'frequency', 'monetaryValue'] as const)('BG/BB rows: a %s that is not a finite number is INVALID_NUMBER naming it and its index', (field) => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '6', {}, true]) {
      const rows = [donor, { ...donor, [field]: bad }];
      expect(errorCode(() => predictClv(bgBb, DONORS, { valuePerPurchase: 'monetaryValue' }, rows, { horizon: 5 }))).toBe('INVALID_NUMBER');
      expect(() => predictClv(bgBb, DONORS, { valuePerPurchase: 'monetaryValue' }, rows, { horizon: 5 })).toThrow(new RegExp(`^predictClv: ${field} .* at index 1`));
    }
  });

  it('messages name the field and the index of the discrete history', () => {
    expect(() => predictClv(bgBb, DONORS, { valuePerPurchase: 1 }, [donor, { ...donor, recency: 7 }], { horizon: 5 })).toThrow(
      /^predictClv: recency 7 at index 1 is greater than periods 6/,
    );
    expect(() => predictClv(bgBb, DONORS, { valuePerPurchase: 1 }, [donor, { ...donor, frequency: 6 }], { horizon: 5 })).toThrow(/^predictClv: frequency 6 at index 1 exceeds recency 5/);
  });

  it('BG/BB reads any record type through accessors, periods included', () => {
    const tuples: [number, number, number, number][] = [[3, 5, 6, 20]];
    const result = predictClv(bgBb, DONORS, { valuePerPurchase: 'monetaryValue' }, tuples, {
      horizon: 5,
      frequency: (d) => d[0],
      recency: (d) => d[1],
      periods: (d) => d[2],
      monetaryValue: (d) => d[3],
    });
    expect(result.clv[0]).toBe(predictClv(bgBb, DONORS, { valuePerPurchase: 'monetaryValue' }, [donor], { horizon: 5 }).clv[0]);
  });
});
