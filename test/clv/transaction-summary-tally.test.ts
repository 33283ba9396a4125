import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { summarizeTransactions } from '../../src/clv/summarize-transactions';
import type { TransactionRecord } from '../../src/clv/summarize-transactions';
import { transactionSummaryTally as tally } from '../../src/clv/transaction-summary-tally';
import { CxMetricsError } from '../../src/errors';
import { errorCode } from '../support/error-code';

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const options = { observationEnd: START + 90 * DAY, calibrationEnd: START + 45 * DAY + 3_600_000 } as const;

const purchases = fc.array(
  fc.record({
    customerId: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom('a', 'b', '1')),
    at: fc.integer({ min: START, max: START + 90 * DAY - 1 }),
    amount: fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
  }),
  { maxLength: 60 },
);

type Row = { customerId: string | number; monetaryValue: number; holdoutMonetaryValue?: number };
/** Rows keyed by id, money rounded to 1e-9 (sums in another order differ in the last bits). */
function byId(rows: readonly Row[]) {
  return new Map(
    rows.map((r) => [
      `${typeof r.customerId}:${r.customerId}`,
      { ...r, monetaryValue: Math.round(r.monetaryValue * 1e9), holdoutMonetaryValue: Math.round((r.holdoutMonetaryValue ?? 0) * 1e9) },
    ]),
  );
}

describe('transactionSummaryTally', () => {
  test.prop([purchases, fc.nat()], { numRuns: 100 })('fold = batch = merge of any split, in either order', (ps, cut) => {
    const batch = summarizeTransactions(ps, options);
    const folded = tally.result(ps.reduce(tally.add, tally.create(options)));
    expect(folded.rows).toEqual(batch.rows.map((r) => expect.objectContaining({ ...r, monetaryValue: expect.closeTo(r.monetaryValue, 9), holdoutMonetaryValue: expect.closeTo(r.holdoutMonetaryValue, 9) })));
    expect(folded).toMatchObject({ purchases: batch.purchases, skipped: 0, holdoutOnlyCustomers: batch.holdoutOnlyCustomers, unit: 'week', period: 'day' });
    const k = ps.length ? cut % (ps.length + 1) : 0;
    const left = ps.slice(0, k).reduce(tally.add, tally.create(options));
    const right = ps.slice(k).reduce(tally.add, tally.create(options));
    const ab = tally.result(tally.merge(left, right));
    const ba = tally.result(tally.merge(right, left));
    expect(byId(ab.rows)).toEqual(byId(batch.rows));
    expect(byId(ba.rows)).toEqual(byId(batch.rows));
    // merge changes neither argument
    expect(tally.result(left).purchases + tally.result(right).purchases).toBe(ps.length);
  });

  test.prop([purchases, purchases, purchases], { numRuns: 50 })('merge is associative', (x, y, z) => {
    const s = (ps: TransactionRecord[]) => ps.reduce(tally.add, tally.create(options));
    const left = tally.result(tally.merge(tally.merge(s(x), s(y)), s(z)));
    const right = tally.result(tally.merge(s(x), tally.merge(s(y), s(z))));
    expect(byId(left.rows)).toEqual(byId(right.rows));
  });

  it('survives a JSON round trip of its state and goes on adding', () => {
    const first = [{ customerId: 'ann', at: START, amount: 10 }].reduce(tally.add, tally.create({ observationEnd: START + 10 * DAY, unit: 'day' }));
    const revived = JSON.parse(JSON.stringify(first)) as typeof first;
    tally.add(revived, { customerId: 'ann', at: START + 3 * DAY, amount: 5 });
    expect(tally.result(revived).rows).toEqual([{ customerId: 'ann', frequency: 1, recency: 3, T: 10, monetaryValue: 5 }]);
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
