import { expectTypeOf } from 'vitest';
import { bgBbLogLikelihood, fitBgBb, type DiscreteCustomerHistory } from '../../../src/clv';
import type { CustomerLogLikelihoods } from '../../../src/models';

const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
const rows: DiscreteCustomerHistory[] = [{ frequency: 1, recency: 2, periods: 6 }];
expectTypeOf(bgBbLogLikelihood(params, rows)).toEqualTypeOf<number>();
expectTypeOf(bgBbLogLikelihood(fitBgBb(rows), rows, { weight: () => 2 })).toEqualTypeOf<number>();
const table: [number, number, number][] = [[1, 2, 6]];
bgBbLogLikelihood(params, table, { frequency: (d) => d[0], recency: (d) => d[1], periods: (d) => d[2] });
// @ts-expect-error records without accessors
bgBbLogLikelihood(params, table);
// @ts-expect-error parameters missing delta
bgBbLogLikelihood({ alpha: 1, beta: 1, gamma: 1 }, rows);
// @ts-expect-error data before parameters
bgBbLogLikelihood(rows, params);
// @ts-expect-error the fit's maxIterations is not an option here
bgBbLogLikelihood(params, rows, { maxIterations: 5 });
expectTypeOf(bgBbLogLikelihood(params, rows, { perCustomer: true })).toEqualTypeOf<CustomerLogLikelihoods>();
expectTypeOf(bgBbLogLikelihood(params, rows, { perCustomer: false })).toEqualTypeOf<number>();
expectTypeOf(
  bgBbLogLikelihood(params, table, { frequency: (d) => d[0], recency: (d) => d[1], periods: (d) => d[2], perCustomer: true }),
).toEqualTypeOf<CustomerLogLikelihoods>();
// @ts-expect-error perCustomer is a boolean
bgBbLogLikelihood(params, rows, { perCustomer: 'yes' });
