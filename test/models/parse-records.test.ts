// The record readers are covered through the public parsers: parse-customer, parse-touchpoint,
// parse-interaction(s) and parse-journey(s) tests (known values, round trips, every issue path).
import { describe, expect, it } from 'vitest';
import { readCustomer } from '../../src/models/parse-records';
import { INVALID } from '../../src/models/parse';

describe('record readers', () => {
  it('read a valid record and record an issue for an invalid one', () => {
    const ctx = { issues: [] };
    expect(readCustomer(ctx, 'c', { id: 'a' })).toEqual({ id: 'a' });
    expect(readCustomer(ctx, 'c', { id: 3 })).toBe(INVALID);
    expect(ctx.issues.length).toBe(1);
  });
});
