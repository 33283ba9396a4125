import { describe, expect, it } from 'vitest';
import { requireChurnedFlag } from '../../src/retention/churn-flag';
import { expectCxMetricsError } from '../support/error-code';

describe('requireChurnedFlag', () => {
  it('returns real booleans', () => {
    expect(requireChurnedFlag('f', true, 0)).toBe(true);
    expect(requireChurnedFlag('f', false, undefined)).toBe(false);
  });
  it.each([1, 0, 'yes', null, undefined, {}])('rejects the truthy or falsy stand-in %j', (v) => {
    expectCxMetricsError(() => requireChurnedFlag('f', v, 3), 'INVALID_RECORD', 'f');
  });
});
