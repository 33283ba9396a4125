import { describe, expect, it } from 'vitest';
import { requireCustomerId } from '../../src/models/customer-id';
import { expectCxMetricsError } from '../support/error-code';

describe('requireCustomerId', () => {
  it('keeps strings and finite numbers as they are', () => {
    expect(requireCustomerId('f', 'a', 0)).toBe('a');
    expect(requireCustomerId('f', 1)).toBe(1);
  });
  it.each([NaN, Infinity, {}, true])('rejects %j', (id) => {
    expectCxMetricsError(() => requireCustomerId('f', id, 2), 'INVALID_RECORD', 'f');
  });
});
