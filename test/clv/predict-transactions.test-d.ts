import { expectTypeOf } from 'vitest';
import {
  bgBb,
  bgNbd,
  fitBgBb,
  fitBgNbd,
  paretoNbd,
  predictTransactions,
  type PredictTransactionsIntervals,
  type PredictTransactionsResult,
} from '../../src/clv';
import type { Interval } from '../../src/models/interval';

const customers = [{ frequency: 2, recency: 30, T: 38 }];
const donors = [{ frequency: 3, recency: 5, periods: 6 }];
const tuples: [number, number, number][] = [[2, 30, 38]];
const bgParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const paretoParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const bbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const fit = fitBgNbd(customers);

// Any transaction model, its own parameters (or fit) second; no intervals without asking.
const plain = predictTransactions(bgNbd, bgParams, customers, { t: 39 });
expectTypeOf(plain).toEqualTypeOf<PredictTransactionsResult>();
expectTypeOf(plain.intervals).toEqualTypeOf<PredictTransactionsIntervals | undefined>();
expectTypeOf(plain.expectedPurchases).toEqualTypeOf<Float64Array>();
predictTransactions(paretoNbd, paretoParams, customers, { t: 39 });
predictTransactions(bgBb, bbParams, donors, { t: 5 });
predictTransactions(bgNbd, fit, customers, { t: 39 });
// With intervals: the fit, and the intervals are there.
const withIntervals = predictTransactions(bgNbd, fit, customers, { t: 39, intervals: { level: 0.9, draws: 100, seed: 2 } });
expectTypeOf(withIntervals.intervals).toMatchTypeOf<PredictTransactionsIntervals>();
expectTypeOf(withIntervals.intervals.totalPurchases).toEqualTypeOf<Interval | undefined>();
const predictive = predictTransactions(bgBb, fitBgBb(donors), donors, { t: 5, intervals: { predictive: true } });
expectTypeOf(predictive.intervals.totalPurchases).toEqualTypeOf<Interval>();
// Other record types need every accessor of the model's customer shape.
predictTransactions(bgNbd, bgParams, tuples, { t: 39, frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
// @ts-expect-error: tuples without accessors
predictTransactions(bgNbd, bgParams, tuples, { t: 39 });
// @ts-expect-error: bare parameters cannot be drawn from: intervals need the fit
predictTransactions(bgNbd, bgParams, customers, { t: 39, intervals: { draws: 100 } });
// @ts-expect-error: Pareto/NBD parameters with the BG/NBD model
predictTransactions(bgNbd, paretoParams, customers, { t: 39 });
// @ts-expect-error: continuous histories with BG/BB (which reads periods)
predictTransactions(bgBb, bbParams, customers, { t: 5 });
// @ts-expect-error: t is required
predictTransactions(bgNbd, bgParams, customers, {});
// @ts-expect-error: an unknown interval option
predictTransactions(bgNbd, fit, customers, { t: 39, intervals: { levels: 0.9 } });
