import { expectTypeOf } from 'vitest';
import {
  paretoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
  paretoNbdConditionalPurchaseCountProbability,
  paretoNbdDert,
  fitParetoNbd,
  simulateParetoNbd,
  type ParetoNbdFit,
  type ParetoNbdParams,
  type CustomerHistory,
  type ContinuousTransactionModel,
  type DertOptions,
  type ParetoNbdLogLikelihoodOptions,
} from '../../../src/clv';
import type { CustomerLogLikelihoods, StandardErrors } from '../../../src/models/model';

const rows: CustomerHistory[] = [{ frequency: 1, recency: 2, T: 3 }];
const tuples: [number, number, number][] = [[1, 2, 3]];
const params: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

// fitParetoNbd: CustomerHistory rows need no accessors; any other record type needs all three.
const fit = fitParetoNbd(rows);
expectTypeOf(fit).toEqualTypeOf<ParetoNbdFit>();
expectTypeOf(fit.model).toEqualTypeOf<'pareto-nbd'>();
expectTypeOf(fit.r).toEqualTypeOf<number>();
expectTypeOf(fit.standardErrors).toEqualTypeOf<StandardErrors<ParetoNbdParams> | undefined>();
expectTypeOf(fit.logParameterCovariance).toEqualTypeOf<readonly (readonly number[])[] | undefined>();
fitParetoNbd(rows, { maxIterations: 10, weight: () => 2 });
fitParetoNbd(tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
// @ts-expect-error: tuples without accessors
fitParetoNbd(tuples);
// @ts-expect-error: a missing accessor for another record type
fitParetoNbd(tuples, { frequency: (d) => d[0], recency: (d) => d[1] });
// @ts-expect-error: numbers are not customer histories
fitParetoNbd([1, 2, 3]);
// @ts-expect-error: an accessor returning a string
fitParetoNbd(tuples, { frequency: (d) => String(d[0]), recency: (d) => d[1], T: (d) => d[2] });

// paretoNbdLogLikelihood: parameters first, the same rows and accessors as the fit.
expectTypeOf(paretoNbdLogLikelihood(params, rows)).toEqualTypeOf<number>();
expectTypeOf(paretoNbdLogLikelihood(fit, rows, { weight: () => 1 })).toEqualTypeOf<number>();
paretoNbdLogLikelihood(params, tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
// @ts-expect-error: tuples without accessors
paretoNbdLogLikelihood(params, tuples);
// @ts-expect-error: BG/NBD parameters
paretoNbdLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, rows);
// @ts-expect-error: maxIterations is a fit option
paretoNbdLogLikelihood(params, rows, { maxIterations: 5 });

// simulateParetoNbd: options required; T a number or a range.
expectTypeOf(simulateParetoNbd(params, { customers: 10, T: 52, seed: 1 })).toEqualTypeOf<CustomerHistory[]>();
simulateParetoNbd(params, { customers: 10, T: { min: 13, max: 39 }, seed: 1, resolution: 1 / 7 });
// @ts-expect-error: no seed
simulateParetoNbd(params, { customers: 10, T: 52 });
// @ts-expect-error: T as a string
simulateParetoNbd(params, { customers: 10, T: '52', seed: 1 });

// Predictions: (params, customer, t).
expectTypeOf(paretoNbdExpectedPurchases(params, 4)).toEqualTypeOf<number>();
expectTypeOf(paretoNbdConditionalExpectedPurchases(fit, rows[0]!, 4)).toEqualTypeOf<number>();
expectTypeOf(paretoNbdProbabilityAlive(params, rows[0]!)).toEqualTypeOf<number>();
// @ts-expect-error: a customer without T
paretoNbdProbabilityAlive(params, { frequency: 1, recency: 2 });

// The descriptor: a ContinuousTransactionModel of Pareto/NBD.
expectTypeOf(paretoNbd).toEqualTypeOf<ContinuousTransactionModel<'pareto-nbd', ParetoNbdParams, ParetoNbdFit>>();
expectTypeOf(paretoNbd.model).toEqualTypeOf<'pareto-nbd'>();
expectTypeOf(paretoNbd.fit(rows)).toEqualTypeOf<ParetoNbdFit>();
expectTypeOf(paretoNbd.parameterNames).toEqualTypeOf<readonly ('r' | 'alpha' | 's' | 'beta')[]>();

// The count probabilities: (params, n, t) and (params, customer, n, t).
expectTypeOf(paretoNbdPurchaseCountProbability(params, 2, 39)).toEqualTypeOf<number>();
expectTypeOf(paretoNbdConditionalPurchaseCountProbability(fit, rows[0]!, 0, 39)).toEqualTypeOf<number>();
// @ts-expect-error: n as a string
paretoNbdPurchaseCountProbability(params, '2', 39);
// @ts-expect-error: the customer is missing
paretoNbdConditionalPurchaseCountProbability(params, 0, 39);
// @ts-expect-error: BG/NBD parameters
paretoNbdPurchaseCountProbability({ r: 1, alpha: 1, a: 1, b: 1 }, 2, 39);

// P(alive) t later: an optional third argument.
expectTypeOf(paretoNbdProbabilityAlive(params, rows[0]!, 52)).toEqualTypeOf<number>();
// @ts-expect-error: t as a string
paretoNbdProbabilityAlive(params, rows[0]!, '52');

// DERT: the options with discountRate are required.
expectTypeOf(paretoNbdDert(params, rows[0]!, { discountRate: 0.0027 })).toEqualTypeOf<number>();
const dertOptions: DertOptions = { discountRate: Math.log(1.15) / 52 };
paretoNbdDert(fit, rows[0]!, dertOptions);
// @ts-expect-error: no options
paretoNbdDert(params, rows[0]!);
// @ts-expect-error: a rate as a number, not in options
paretoNbdDert(params, rows[0]!, 0.0027);
// @ts-expect-error: an unknown option
paretoNbdDert(params, rows[0]!, { discountRate: 0.1, horizon: 10 });

// Per-customer log-likelihoods: the return type follows the option.
expectTypeOf(paretoNbdLogLikelihood(params, rows, { perCustomer: true })).toEqualTypeOf<CustomerLogLikelihoods>();
expectTypeOf(paretoNbdLogLikelihood(params, rows, { perCustomer: false })).toEqualTypeOf<number>();
expectTypeOf(paretoNbdLogLikelihood(params, tuples, { perCustomer: true, frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] })).toEqualTypeOf<CustomerLogLikelihoods>();
const flag: ParetoNbdLogLikelihoodOptions<CustomerHistory> = { perCustomer: Math.random() > 0.5 };
expectTypeOf(paretoNbdLogLikelihood(params, rows, flag)).toEqualTypeOf<number | CustomerLogLikelihoods>();
// @ts-expect-error: tuples without accessors, per customer
paretoNbdLogLikelihood(params, tuples, { perCustomer: true });
// @ts-expect-error: perCustomer as a string
paretoNbdLogLikelihood(params, rows, { perCustomer: 'yes' });

// The descriptor carries the new predictions.
expectTypeOf(paretoNbd.dert).toEqualTypeOf<((params: ParetoNbdParams, customer: CustomerHistory, options: DertOptions) => number) | undefined>();
