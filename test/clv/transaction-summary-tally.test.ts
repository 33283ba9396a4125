import { describe, expect, it } from 'vitest';
import { transactionSummaryTally as tally } from '../../src/clv/transaction-summary-tally';
import { summarizeTransactions } from '../../src/clv/summarize-transactions';
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

  // Counterexample of the batch = fold property (seed -97116090): two purchases of 1e308 on one day sum beyond
  // a double. The tally stored Infinity (not JSON) and its own result rejected the state as
  // malformed (INVALID_RECORD); the period is now null, handled as summarizeTransactions does.
  it('a period whose purchases sum beyond a double: ignored as the first period, OUT_OF_RANGE as a repeat or holdout one', () => {
    const options = { observationEnd: START + 90 * DAY, calibrationEnd: START + 45 * DAY, unit: 'day' } as const;
    const sameDay = [
      { customerId: 2, at: new Date('2023-01-28T00:00:00.000Z'), amount: 1e308 },
      { customerId: 2, at: new Date('2023-01-28T00:00:00.000Z'), amount: 1e308 },
    ];
    const firstDay = sameDay.reduce(tally.add, tally.create(options));
    expect(firstDay.customers['n:2']?.values).toEqual([null]);
    const revived = JSON.parse(JSON.stringify(firstDay)) as typeof firstDay;
    const expected = { customerId: 2, frequency: 0, recency: 0, T: 18, monetaryValue: 0, holdoutFrequency: 0, holdoutMonetaryValue: 0, holdoutDuration: 45 };
    expect(tally.result(firstDay).rows).toEqual([expected]);
    expect(tally.result(revived).rows).toEqual([expected]);
    expect(summarizeTransactions(sameDay, options).rows).toEqual([expected]);

    // The same day as a repeat period (an earlier first purchase), then as a holdout period.
    for (const [earlier, what] of [[START, 'repeat'], [START + 46 * DAY, 'holdout']] as const) {
      const rows = [{ customerId: 2, at: START, amount: 1 }, ...sameDay.map((r) => ({ ...r, at: what === 'holdout' ? earlier : r.at }))];
      const pattern = new RegExp(`${what} spend of customer 2 overflows a double`);
      expect(() => tally.result(rows.reduce(tally.add, tally.create(options)))).toThrow(pattern);
      expect(() => summarizeTransactions(rows, options)).toThrow(pattern);
    }
  });

  it('merging two states whose periods sum beyond a double keeps the period as null, JSON-safe', () => {
    const options = { observationEnd: START + 10 * DAY, unit: 'day' } as const;
    const one = () => [{ customerId: 'a', at: START, amount: 1 }, { customerId: 'a', at: START + DAY, amount: 1e308 }].reduce(tally.add, tally.create(options));
    const merged = tally.merge(one(), one());
    expect(merged.customers['s:a']?.values).toEqual([2, null]);
    expect(errorCode(() => tally.result(merged))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => tally.result(JSON.parse(JSON.stringify(merged)) as typeof merged))).toBe('OUT_OF_RANGE');
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
