import { expectTypeOf } from 'vitest';
import {
  bgNbd,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  fitBgNbd,
  simulateBgNbd,
  type BgNbdFit,
  type BgNbdParams,
  type CustomerHistory,
  type ContinuousTransactionModel,
} from '../../../src/clv';
import type { StandardErrors } from '../../../src/models/model';

const rows: CustomerHistory[] = [{ frequency: 1, recency: 2, T: 3 }];
const tuples: [number, number, number][] = [[1, 2, 3]];
const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

// fitBgNbd: CustomerHistory rows need no accessors; any other record type needs all three.
const fit = fitBgNbd(rows);
expectTypeOf(fit).toEqualTypeOf<BgNbdFit>();
expectTypeOf(fit.model).toEqualTypeOf<'bg-nbd'>();
expectTypeOf(fit.r).toEqualTypeOf<number>();
expectTypeOf(fit.standardErrors).toEqualTypeOf<StandardErrors<BgNbdParams> | undefined>();
expectTypeOf(fit.logParameterCovariance).toEqualTypeOf<readonly (readonly number[])[] | undefined>();
fitBgNbd(rows, { maxIterations: 10, weight: () => 2 });
fitBgNbd(tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
// @ts-expect-error: tuples without accessors
fitBgNbd(tuples);
// @ts-expect-error: a missing accessor for another record type
fitBgNbd(tuples, { frequency: (d) => d[0], recency: (d) => d[1] });
// @ts-expect-error: numbers are not customer histories
fitBgNbd([1, 2, 3]);
// @ts-expect-error: an accessor returning a string
fitBgNbd(tuples, { frequency: (d) => String(d[0]), recency: (d) => d[1], T: (d) => d[2] });

// bgNbdLogLikelihood: parameters first, the same rows and accessors as the fit.
expectTypeOf(bgNbdLogLikelihood(params, rows)).toEqualTypeOf<number>();
expectTypeOf(bgNbdLogLikelihood(fit, rows, { weight: () => 1 })).toEqualTypeOf<number>();
bgNbdLogLikelihood(params, tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
// @ts-expect-error: tuples without accessors
bgNbdLogLikelihood(params, tuples);
// @ts-expect-error: Pareto/NBD parameters
bgNbdLogLikelihood({ r: 1, alpha: 1, s: 1, beta: 1 }, rows);
// @ts-expect-error: maxIterations is a fit option
bgNbdLogLikelihood(params, rows, { maxIterations: 5 });

// simulateBgNbd: options required; T a number or a range.
expectTypeOf(simulateBgNbd(params, { customers: 10, T: 52, seed: 1 })).toEqualTypeOf<CustomerHistory[]>();
simulateBgNbd(params, { customers: 10, T: { min: 13, max: 39 }, seed: 1, resolution: 1 / 7 });
// @ts-expect-error: no seed
simulateBgNbd(params, { customers: 10, T: 52 });
// @ts-expect-error: T as a string
simulateBgNbd(params, { customers: 10, T: '52', seed: 1 });

// Predictions: (params, customer, t).
expectTypeOf(bgNbdExpectedPurchases(params, 4)).toEqualTypeOf<number>();
expectTypeOf(bgNbdConditionalExpectedPurchases(fit, rows[0]!, 4)).toEqualTypeOf<number>();
expectTypeOf(bgNbdProbabilityAlive(params, rows[0]!)).toEqualTypeOf<number>();
expectTypeOf(bgNbdPurchaseCountProbability(params, 2, 4)).toEqualTypeOf<number>();
// @ts-expect-error: a customer without T
bgNbdProbabilityAlive(params, { frequency: 1, recency: 2 });

// The descriptor: a ContinuousTransactionModel of BG/NBD.
expectTypeOf(bgNbd).toEqualTypeOf<ContinuousTransactionModel<'bg-nbd', BgNbdParams, BgNbdFit>>();
expectTypeOf(bgNbd.model).toEqualTypeOf<'bg-nbd'>();
expectTypeOf(bgNbd.fit(rows)).toEqualTypeOf<BgNbdFit>();
expectTypeOf(bgNbd.parameterNames).toEqualTypeOf<readonly ('r' | 'alpha' | 'a' | 'b')[]>();
