import { describe, expect, it } from 'vitest';
import { transactionSummaryTally as tally } from '../../src/clv/transaction-summary-tally';
import { CxMetricsError } from '../../src/internal/errors';
import { errorCode } from '../support/error-code';

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);

describe('transactionSummaryTally', () => {
  it('survives a JSON round trip of its state and goes on adding', () => {
    const first = [{ customerId: 'ann', at: START, amount: 10 }].reduce(tally.add, tally.create({ observationEnd: START + 10 * DAY, unit: 'day' }));
    const revived = JSON.parse(JSON.stringify(first)) as typeof first;
    tally.add(revived, { customerId: 'ann', at: START + 3 * DAY, amount: 5 });
    expect(tally.result(revived).rows).toEqual([{ customerId: 'ann', frequency: 1, recency: 3, T: 10, monetaryValue: 5 }]);
  });

  it('spend beyond a double is OUT_OF_RANGE naming the customer, as in summarizeTransactions', () => {
    const state = tally.create({ observationEnd: START + 10 * DAY, unit: 'day' });
    for (const k of [0, 1, 2]) tally.add(state, { customerId: 'a', at: START + k * DAY, amount: 1e308 });
    expect(errorCode(() => tally.result(state))).toBe('OUT_OF_RANGE');
    expect(() => tally.result(state)).toThrow(/^transactionSummaryTally: repeat spend of customer "a" overflows/);
  });

  it('skips and counts missing fields', () => {
    const state = tally.create({ observationEnd: START + DAY });
    tally.add(state, { customerId: null, at: START, amount: 1 });
    tally.add(state, { customerId: 'a', at: undefined, amount: 1 });
    tally.add(state, { customerId: 'a', at: START, amount: null });
    expect(tally.result(state)).toMatchObject({ rows: [], purchases: 0, skipped: 3 });
  });

  it('rejects bad options, bad values (naming the index) and states that do not match', () => {
    expect(errorCode(() => tally.create())).toBe('INVALID_OPTION');
    expect(errorCode(() => tally.create({ observationEnd: START, calibrationEnd: START + DAY }))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => tally.create({ observationEnd: START, unit: 'hour' as 'day' }))).toBe('INVALID_OPTION');
    const state = tally.create({ observationEnd: START + DAY });
    expect(errorCode(() => tally.add(state, { customerId: 'a', at: START, amount: -1 }, 4))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => tally.add(state, { customerId: 'a', at: START, amount: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => tally.add(state, { customerId: 'a', at: START + 2 * DAY, amount: 1 }))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => tally.add(state, { customerId: 'a', at: new Date('x'), amount: 1 }))).toBe('INVALID_DATE');
    expect(errorCode(() => tally.add(state, { customerId: Number.NaN, at: START, amount: 1 }))).toBe('INVALID_RECORD');
    // Several bad fields: id, then amount, then instant, as summarizeTransactions checks them.
    expect(errorCode(() => tally.add(state, { customerId: 'a', at: new Date('x'), amount: -1 }))).toBe('NEGATIVE_VALUE');
    try {
      tally.add(state, { customerId: 'a', at: START, amount: -1 }, 4);
    } catch (error) {
      expect((error as CxMetricsError).details).toMatchObject({ function: 'transactionSummaryTally', index: 4 });
    }
    expect(errorCode(() => tally.merge(state, tally.create({ observationEnd: START + 2 * DAY })))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => tally.merge(state, tally.create({ observationEnd: START + DAY, period: 'week' })))).toBe('INCONSISTENT_INPUT');
    expect(tally.result(state).purchases).toBe(0);
  });
});
