import { describe, expect, it } from 'vitest';
import { readSbgInput } from '../../../src/retention/sbg/statistics';
import { errorCode } from '../../support/error-code';

type Customer = { renewals: number | null; churned: boolean | null };
const accessors = { renewals: (c: Customer) => c.renewals, churned: (c: Customer) => c.churned };

describe('readSbgInput: survivor counts', () => {
  it('turns n₀ … n_T into customers lost at each opportunity and those active after T', () => {
    const s = readSbgInput('f', [1000, 631, 468, 468, 382], {});
    expect(s.times).toEqual([1, 2, 4]); // nobody lost at 3: no entry
    expect(s.events).toEqual([369, 163, 86]);
    expect(s.censored).toEqual([0, 0, 382]);
    expect(s.customers).toBe(1000);
    expect(s.rows).toBe(5);
    expect(s.skipped).toBe(0);
  });

  it.each([
    ['an increase', [100, 80, 90], 'ORDER_VIOLATION'],
    ['a count above the cohort', [100, 100, 100, 101], 'INCONSISTENT_INPUT'],
    ['a missing count', [100, null, 50], 'INVALID_NUMBER'],
    ['a fractional count', [100, 50.5], 'NOT_AN_INTEGER'],
    ['a single count', [100], 'INSUFFICIENT_DATA'],
    ['an empty cohort', [0, 0], 'INSUFFICIENT_DATA'],
  ])('rejects %s', (_name, counts, code) => {
    expect(errorCode(() => readSbgInput('f', counts as never, {}))).toBe(code);
  });

  it('gives empty statistics for a series without a renewal when allowed', () => {
    expect(readSbgInput('f', [100], {}, true)).toEqual({ times: [], events: [], censored: [], customers: 100, rows: 1, skipped: 0 });
  });
});

describe('readSbgInput: per-customer records', () => {
  it('counts a churned customer at opportunity renewals + 1 and an active one after its renewals', () => {
    const customers: (Customer | null)[] = [
      { renewals: 0, churned: true },
      { renewals: 0, churned: true },
      { renewals: 2, churned: false },
      { renewals: 2, churned: true },
      { renewals: 0, churned: false }, // adds nothing to ln L, but counts as a customer
      { renewals: null, churned: true },
      null,
    ];
    const s = readSbgInput('f', customers, accessors);
    expect(s.times).toEqual([1, 2, 3]);
    expect(s.events).toEqual([2, 0, 1]);
    expect(s.censored).toEqual([0, 1, 0]);
    expect(s.customers).toBe(5);
    expect(s.rows).toBe(5);
    expect(s.skipped).toBe(2);
  });

  it('gives the statistics of the survivor counts they stand for', () => {
    const counts = [10, 7, 5];
    const customers: Customer[] = [
      ...Array.from({ length: 3 }, () => ({ renewals: 0, churned: true })),
      ...Array.from({ length: 2 }, () => ({ renewals: 1, churned: true })),
      ...Array.from({ length: 5 }, () => ({ renewals: 2, churned: false })),
    ];
    const a = readSbgInput('f', counts, {});
    const b = readSbgInput('f', customers, accessors);
    expect([b.times, b.events, b.censored, b.customers]).toEqual([a.times, a.events, a.censored, a.customers]);
  });

  it('needs both accessors, valid counts and flags, and some records', () => {
    expect(errorCode(() => readSbgInput('f', [], { renewals: accessors.renewals }))).toBe('INVALID_OPTION');
    expect(errorCode(() => readSbgInput('f', [{ renewals: 1.5, churned: true }], accessors))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => readSbgInput('f', [{ renewals: 1, churned: 'yes' }] as never, accessors))).toBe('INVALID_RECORD');
    expect(errorCode(() => readSbgInput('f', [], accessors))).toBe('INSUFFICIENT_DATA');
    expect(readSbgInput('f', [], accessors, true).customers).toBe(0);
  });
});
