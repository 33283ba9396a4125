import { describe, expect, it } from 'vitest';
import { NO_REPEAT_PURCHASE, requireRepeatData } from '../../src/clv/repeat-data';
import { CxMetricsError } from '../../src/internal/errors';
import { errorCode, thrownBy } from '../support/error-code';

describe('requireRepeatData', () => {
  it('passes with four customers (by weight) and some repeat behaviour', () => {
    expect(() => requireRepeatData('f', { totalWeight: 4, repeatWeight: 0.5 }, NO_REPEAT_PURCHASE)).not.toThrow();
    expect(() => requireRepeatData('f', { totalWeight: 2357, repeatWeight: 946 }, NO_REPEAT_PURCHASE)).not.toThrow();
  });

  it('throws INSUFFICIENT_DATA below four customers, NaN weights included', () => {
    expect(errorCode(() => requireRepeatData('f', { totalWeight: 3.9, repeatWeight: 3 }, NO_REPEAT_PURCHASE))).toBe('INSUFFICIENT_DATA');
    expect(errorCode(() => requireRepeatData('f', { totalWeight: Number.NaN, repeatWeight: 3 }, NO_REPEAT_PURCHASE))).toBe('INSUFFICIENT_DATA');
  });

  it('throws INSUFFICIENT_DATA with the given message when nobody repeated', () => {
    const error = thrownBy(() => requireRepeatData('fitBgNbd', { totalWeight: 10, repeatWeight: 0 }, NO_REPEAT_PURCHASE)) as CxMetricsError;
    expect(error.code).toBe('INSUFFICIENT_DATA');
    expect(error.message).toContain(NO_REPEAT_PURCHASE);
    expect(error.details.field).toBe('frequency');
  });
});
