import { describe, expect, it } from 'vitest';
import { simpleClv } from '../../src/clv/simple-clv';
import { errorCode } from '../support/error-code';

describe('simpleClv: known values', () => {
  it('multiplies order value, frequency, lifespan and margin', () => {
    expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3 })).toBe(600);
    expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, grossMargin: 0.25 })).toBe(150);
    expect(simpleClv({ averageOrderValue: 0, purchaseFrequency: 4, lifespan: 3 })).toBe(0);
    expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, grossMargin: 0 })).toBe(0);
  });

  it('converts the lifespan into the frequency unit with the documented constants', () => {
    // 2 a month for 3 years = 72 orders (a year is exactly 12 mean months).
    expect(simpleClv({ averageOrderValue: 10, purchaseFrequency: 2, frequencyUnit: 'month', lifespan: 3, lifespanUnit: 'year' })).toBeCloseTo(720, 10);
    // 1 a week for 1 year = 365.2425 / 7 = 52.1775 orders.
    expect(simpleClv({ averageOrderValue: 1, purchaseFrequency: 1, frequencyUnit: 'week', lifespan: 1, lifespanUnit: 'year' })).toBeCloseTo(52.1775, 12);
    // 4 a year for 6 months = 2 orders; 1 a day for 2 weeks = 14.
    expect(simpleClv({ averageOrderValue: 1, purchaseFrequency: 4, frequencyUnit: 'year', lifespan: 6, lifespanUnit: 'month' })).toBeCloseTo(2, 12);
    expect(simpleClv({ averageOrderValue: 1, purchaseFrequency: 1, frequencyUnit: 'day', lifespan: 2, lifespanUnit: 'week' })).toBe(14);
    expect(simpleClv({ averageOrderValue: 3, purchaseFrequency: 2, frequencyUnit: 'quarter', lifespan: 5, lifespanUnit: 'quarter' })).toBe(30);
  });
});

describe('simpleClv: bad input', () => {
  const base = { averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3 };
  it.each<[string, object, string]>([
    ['negative order value', { averageOrderValue: -1 }, 'NEGATIVE_VALUE'],
    ['NaN order value', { averageOrderValue: Number.NaN }, 'INVALID_NUMBER'],
    ['order value as a string', { averageOrderValue: '50' }, 'INVALID_NUMBER'],
    ['negative frequency', { purchaseFrequency: -4 }, 'NEGATIVE_VALUE'],
    ['infinite frequency', { purchaseFrequency: Number.POSITIVE_INFINITY }, 'INVALID_NUMBER'],
    ['negative lifespan', { lifespan: -3 }, 'NEGATIVE_VALUE'],
    ['margin in percent', { grossMargin: 30 }, 'OUT_OF_RANGE'],
    ['negative margin', { grossMargin: -0.1 }, 'OUT_OF_RANGE'],
    ['only a frequency unit', { frequencyUnit: 'month' }, 'INVALID_OPTION'],
    ['only a lifespan unit', { lifespanUnit: 'year' }, 'INVALID_OPTION'],
    ['an unknown unit', { frequencyUnit: 'fortnight', lifespanUnit: 'year' }, 'INVALID_OPTION'],
    ['an overflowing product', { averageOrderValue: 1e200, purchaseFrequency: 1e200 }, 'OUT_OF_RANGE'],
  ])('throws for %s', (_what, patch, code) => {
    expect(errorCode(() => simpleClv({ ...base, ...patch } as typeof base))).toBe(code);
  });

  it('names the function, the field and the value', () => {
    expect(() => simpleClv({ ...base, averageOrderValue: -1 })).toThrow('simpleClv: averageOrderValue -1 is negative');
  });
});
