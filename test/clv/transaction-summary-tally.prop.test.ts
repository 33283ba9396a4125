import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { summarizeTransactions } from '../../src/clv/summarize-transactions';
import type { TransactionRecord } from '../../src/clv/summarize-transactions';
import { transactionSummaryTally as tally } from '../../src/clv/transaction-summary-tally';

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

describe('transactionSummaryTally: properties', () => {
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
});
