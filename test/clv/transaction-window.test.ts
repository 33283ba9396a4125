import { describe, expect, it } from 'vitest';
import { periodsToUnit, purchasePeriod, resolveTransactionWindow } from '../../src/clv/transaction-window';
import { errorCode } from '../support/error-code';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('resolveTransactionWindow', () => {
  it('defaults to weeks reported, days bucketed, no holdout', () => {
    const w = resolveTransactionWindow('f', { observationEnd: day('1970-01-11') });
    expect(w.unit).toBe('week');
    expect(w.period).toBe('day');
    expect(w.observationEnd).toBe(day('1970-01-11'));
    expect(w.calibrationEnd).toBeUndefined();
    expect(w.endPeriod).toBe(10);
    expect(w.calibrationPeriod).toBe(10);
  });

  it('reads a calibration end (Date or epoch ms) into its period', () => {
    const w = resolveTransactionWindow('f', { observationEnd: new Date(day('2024-03-31')), calibrationEnd: day('2024-02-15'), period: 'month', unit: 'month' });
    expect(w.calibrationEnd).toBe(day('2024-02-15'));
    expect(w.endPeriod - w.calibrationPeriod).toBe(1);
    // Same period for both ends is a valid (empty) holdout.
    expect(() => resolveTransactionWindow('f', { observationEnd: day('2024-02-20'), calibrationEnd: day('2024-02-25'), period: 'month' })).not.toThrow();
  });

  it.each([
    ['no observation end', {}, 'INVALID_OPTION'],
    ['an unknown unit', { observationEnd: 0, unit: 'fortnight' }, 'INVALID_OPTION'],
    ['an unknown period', { observationEnd: 0, period: 'decade' }, 'INVALID_OPTION'],
    ['an invalid date', { observationEnd: new Date(Number.NaN) }, 'INVALID_DATE'],
    ['a calibration end after the observation end', { observationEnd: day('2024-01-01'), calibrationEnd: day('2024-01-02') }, 'ORDER_VIOLATION'],
  ])('rejects %s', (_name, settings, code) => {
    expect(errorCode(() => resolveTransactionWindow('f', settings as never))).toBe(code);
  });
});

describe('purchasePeriod', () => {
  const window = resolveTransactionWindow('f', { observationEnd: day('2024-01-10'), period: 'day' });

  it('is the period index of the purchase, up to the observation end period itself', () => {
    expect(purchasePeriod('f', window, day('2024-01-01'), 0)).toBe(window.endPeriod - 9);
    expect(purchasePeriod('f', window, day('2024-01-10') + 86_399_999, 0)).toBe(window.endPeriod);
  });

  it('throws ORDER_VIOLATION after the observation end, INVALID_DATE for a non-date, with the index', () => {
    expect(errorCode(() => purchasePeriod('f', window, day('2024-01-11'), 3))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => purchasePeriod('f', window, '2024-01-01', 3))).toBe('INVALID_DATE');
  });
});

describe('periodsToUnit', () => {
  it('converts periods to the reporting unit by the documented constants', () => {
    expect(periodsToUnit({ period: 'day', unit: 'week' }, 14)).toBe(2);
    expect(periodsToUnit({ period: 'day', unit: 'day' }, 5)).toBe(5);
    expect(periodsToUnit({ period: 'week', unit: 'day' }, 3)).toBe(21);
    expect(periodsToUnit({ period: 'day', unit: 'week' }, 0)).toBe(0);
  });
});
