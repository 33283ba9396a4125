import { expectTypeOf } from 'vitest';
import {
  summarizeTransactions,
  type Purchase,
  type TransactionSummary,
  type TransactionSummaryHoldoutRow,
  type TransactionSummaryRow,
} from '../../src/index';

const purchases: Purchase[] = [{ type: 'purchase', customerId: 'ann', at: 0, amount: 30, currency: 'EUR' }];
const tuples: [string, number, number][] = [['ann', 0, 30]];

// Without a calibration end: plain rows; with one: rows that carry the holdout.
expectTypeOf(summarizeTransactions(purchases, { observationEnd: 1e9 })).toEqualTypeOf<TransactionSummary<TransactionSummaryRow>>();
expectTypeOf(summarizeTransactions(purchases, { observationEnd: 1e9, calibrationEnd: 5e8 })).toEqualTypeOf<
  TransactionSummary<TransactionSummaryHoldoutRow>
>();
expectTypeOf(summarizeTransactions(purchases, { observationEnd: new Date(), unit: 'week', period: 'day' }).rows).toEqualTypeOf<
  readonly TransactionSummaryRow[]
>();
// Other record types name the three accessors.
summarizeTransactions(tuples, { observationEnd: 1e9, customerId: (d) => d[0], at: (d) => d[1], amount: (d) => d[2] });
// @ts-expect-error records of another type need the accessors
summarizeTransactions(tuples, { observationEnd: 1e9 });
// @ts-expect-error observationEnd is required
summarizeTransactions(purchases, {});
// @ts-expect-error a unit that does not exist
summarizeTransactions(purchases, { observationEnd: 1e9, unit: 'fortnight' });
