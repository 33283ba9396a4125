import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { summarizeTransactions } from '../../src/clv/summarize-transactions';
import { transactionSummaryTally as tally } from '../../src/clv/transaction-summary-tally';
import { CxMetricsError } from '../../src/internal/errors';
import { thrownBy } from '../support/error-code';

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);

interface Tx {
  readonly id: number;
  readonly t: number;
  readonly v: number;
}
const accessors = { customerId: (d: Tx) => d.id, at: (d: Tx) => d.t, amount: (d: Tx) => d.v };

/** Up to 60 purchases of up to 6 customers over 90 days, at any millisecond, in cents. */
const transactions = fc.array(
  fc.record({
    id: fc.integer({ min: 1, max: 6 }),
    t: fc.integer({ min: START, max: START + 90 * DAY - 1 }),
    v: fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
  }),
  { maxLength: 60 },
);

/** An independent oracle: group, sort, deduplicate days with a Set, sum each day. */
function oracle(txs: readonly Tx[], calibrationDay: number) {
  const byCustomer = new Map<number, Map<number, number>>();
  for (const tx of txs) {
    const dayIndex = Math.floor(tx.t / DAY);
    if (dayIndex > calibrationDay) continue;
    const days = byCustomer.get(tx.id) ?? new Map<number, number>();
    byCustomer.set(tx.id, days);
    days.set(dayIndex, (days.get(dayIndex) ?? 0) + tx.v);
  }
  const out = new Map<number, { frequency: number; recencyDays: number; TDays: number; monetaryValue: number }>();
  for (const [id, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const first = sorted[0] as number;
    const repeat = sorted.slice(1).map((d) => days.get(d) as number);
    out.set(id, {
      frequency: repeat.length,
      recencyDays: (sorted[sorted.length - 1] as number) - first,
      TDays: calibrationDay - first,
      monetaryValue: repeat.length ? repeat.reduce((s, v) => s + v, 0) / repeat.length : 0,
    });
  }
  return out;
}

const endOfObservation = START + 90 * DAY;

describe('summarizeTransactions properties', () => {
  test.prop([transactions], { numRuns: 150 })('matches the group-and-sort oracle; frequency, recency, T and money in range', (txs) => {
    const summary = summarizeTransactions(txs, { ...accessors, observationEnd: endOfObservation, unit: 'day' });
    const expected = oracle(txs, Math.floor(endOfObservation / DAY));
    expect(summary.rows.length).toBe(expected.size);
    expect(summary.purchases).toBe(txs.length);
    for (const row of summary.rows) {
      const e = expected.get(row.customerId as number);
      expect(e).toBeDefined();
      const count = txs.filter((t) => t.id === row.customerId).length;
      expect(Number.isInteger(row.frequency)).toBe(true);
      expect(row.frequency).toBeLessThanOrEqual(count - 1);
      expect(row.frequency).toBe(e?.frequency);
      expect(row.recency).toBe(e?.recencyDays);
      expect(row.T).toBe(e?.TDays);
      expect(row.recency).toBeGreaterThanOrEqual(0);
      expect(row.recency).toBeLessThanOrEqual(row.T);
      expect(row.monetaryValue).toBeGreaterThanOrEqual(0);
      expect(row.monetaryValue).toBeCloseTo(e?.monetaryValue ?? Number.NaN, 8);
      if (row.frequency === 0) expect(row.recency).toBe(0);
    }
  });

  test.prop([transactions, fc.integer({ min: 0, max: 2 ** 31 })], { numRuns: 100 })('does not depend on the order of the purchases', (txs, seed) => {
    const shuffled = [...txs];
    let s = seed;
    for (let i = shuffled.length - 1; i > 0; i--) {
      s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
      const j = s % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j] as Tx, shuffled[i] as Tx];
    }
    const options = { ...accessors, observationEnd: endOfObservation, calibrationEnd: START + 45 * DAY };
    const a = new Map(summarizeTransactions(txs, options).rows.map((r) => [r.customerId, r]));
    const b = new Map(summarizeTransactions(shuffled, options).rows.map((r) => [r.customerId, r]));
    expect(b.size).toBe(a.size);
    for (const [id, row] of a) {
      const other = b.get(id);
      expect(other).toMatchObject({ frequency: row.frequency, recency: row.recency, T: row.T, holdoutFrequency: row.holdoutFrequency });
      expect(other?.monetaryValue).toBeCloseTo(row.monetaryValue, 9);
      expect(other?.holdoutMonetaryValue).toBeCloseTo(row.holdoutMonetaryValue, 9);
    }
  });

  test.prop([transactions, fc.integer({ min: 0, max: 89 })], { numRuns: 100 })(
    'a calibration split equals summarising the calibration purchases alone, and the holdout counts the rest',
    (txs, cut) => {
      const calibrationEnd = START + cut * DAY + 3_600_000;
      const split = summarizeTransactions(txs, { ...accessors, observationEnd: endOfObservation, calibrationEnd, unit: 'day' });
      const calibrationDay = Math.floor(calibrationEnd / DAY);
      const inCalibration = txs.filter((t) => Math.floor(t.t / DAY) <= calibrationDay);
      const alone = summarizeTransactions(inCalibration, { ...accessors, observationEnd: calibrationEnd, unit: 'day' });
      // Rows come in order of first appearance, which a holdout purchase may set: compare by id.
      const byId = (a: { customerId: string | number }, b: { customerId: string | number }) => Number(a.customerId) - Number(b.customerId);
      const calibrationPart = split.rows.map(({ customerId, frequency, recency, T, monetaryValue }) => ({ customerId, frequency, recency, T, monetaryValue }));
      expect(calibrationPart.sort(byId)).toEqual([...alone.rows].sort(byId));
      const calibrationCustomers = new Set(inCalibration.map((t) => t.id));
      const holdoutOnly = new Set(txs.filter((t) => !calibrationCustomers.has(t.id)).map((t) => t.id));
      expect(split.holdoutOnlyCustomers).toBe(holdoutOnly.size);
      for (const row of split.rows) {
        const holdoutDays = new Set(txs.filter((t) => t.id === row.customerId && Math.floor(t.t / DAY) > calibrationDay).map((t) => Math.floor(t.t / DAY)));
        expect(row.holdoutFrequency).toBe(holdoutDays.size);
        expect(row.holdoutDuration).toBe(Math.floor(endOfObservation / DAY) - calibrationDay);
        expect(row.holdoutMonetaryValue).toBeGreaterThanOrEqual(0);
      }
    },
  );

  test.prop([transactions], { numRuns: 50 })('day and week units differ by exactly a factor of 7 (up to one rounding)', (txs) => {
    const days = summarizeTransactions(txs, { ...accessors, observationEnd: endOfObservation, unit: 'day' }).rows;
    const weeks = summarizeTransactions(txs, { ...accessors, observationEnd: endOfObservation, unit: 'week' }).rows;
    weeks.forEach((w, i) => {
      expect(w.recency).toBe((days[i]?.recency ?? Number.NaN) / 7);
      expect(w.T).toBe((days[i]?.T ?? Number.NaN) / 7);
    });
  });
});

/**
 * summarizeTransactions and transactionSummaryTally read records each in their own loop. On any
 * mix of valid, missing and invalid fields the two must agree: same rows, or the same error
 * (code, field, index and message after the function's name).
 */
describe('summarizeTransactions: batch validation = the tally\'s', () => {
  const id = fc.oneof(
    fc.integer({ min: 1, max: 4 }),
    fc.constantFrom('a', 'b', '1', -0, null, undefined, Number.NaN, Number.POSITIVE_INFINITY, true, {}, 2n),
  );
  const instant = fc.oneof(
    fc.integer({ min: START, max: START + 90 * DAY - 1 }),
    fc.integer({ min: START, max: START + 90 * DAY - 1 }).map((t) => new Date(t)),
    fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -1e300, 8.64e15, 8.64e15 + 1, START + 91 * DAY, new Date(Number.NaN), '2023-01-05'),
  );
  const amount = fc.oneof(
    fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
    fc.constantFrom(null, undefined, -0, -0.01, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '5', 1e308),
  );
  const record = fc.record({ customerId: id, at: instant, amount });
  const records = fc.array(fc.oneof({ weight: 12, arbitrary: record }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) }), { maxLength: 25 });
  const options = { observationEnd: START + 90 * DAY, calibrationEnd: START + 45 * DAY, unit: 'day' } as const;

  // Counterexample (seed -97116090): two purchases of 1e308 on one day, the customer's first, sum beyond a double;
  // the tally stored Infinity and rejected its own state (now null, ignored as the first period).
  const overflowingFirstDay = { customerId: 2, at: new Date('2023-01-28T00:00:00.000Z'), amount: 1e308 };

  test.prop([records], { numRuns: 400, examples: [[[overflowingFirstDay, overflowingFirstDay]]] })('same rows or the same error as folding transactionSummaryTally', (rs) => {
    const input = rs as never[];
    let batch: ReturnType<typeof summarizeTransactions> | undefined;
    const batchError = thrownBy(() => {
      batch = summarizeTransactions(input, options);
    });
    let folded: ReturnType<typeof tally.result> | undefined;
    const foldError = thrownBy(() => {
      folded = tally.result(input.reduce((state, r, i) => tally.add(state, r, i), tally.create(options)));
    });
    if (foldError !== undefined) {
      expect(foldError).toBeInstanceOf(CxMetricsError);
      expect(batchError).toBeInstanceOf(CxMetricsError);
      const a = batchError as CxMetricsError;
      const b = foldError as CxMetricsError;
      expect([a.code, a.details.field, a.details.index]).toEqual([b.code, b.details.field, b.details.index]);
      expect(a.message.replace(/^summarizeTransactions: /, '')).toBe(b.message.replace(/^transactionSummaryTally: /, ''));
      return;
    }
    expect(batchError).toBeUndefined();
    expect(batch!.purchases).toBe(folded!.purchases);
    expect(batch!.skipped).toBe(folded!.skipped);
    expect(batch!.rows.length).toBe(folded!.rows.length);
    batch!.rows.forEach((row, k) => {
      const other = folded!.rows[k]!;
      expect(other).toMatchObject({ customerId: row.customerId, frequency: row.frequency, recency: row.recency, T: row.T });
      expect(other.monetaryValue).toBeCloseTo(row.monetaryValue, 9);
    });
  });
});

