import { expectTypeOf } from 'vitest';
import { sbgLogLikelihood, type RenewalHistory } from '../../../src/retention';
import type { CustomerLogLikelihoods } from '../../../src/models';

const params = { alpha: 0.7, beta: 1.2 };
expectTypeOf(sbgLogLikelihood(params, [1000, 631])).toEqualTypeOf<number>();
const rows: RenewalHistory[] = [{ renewals: 1, churned: true }];
expectTypeOf(sbgLogLikelihood(params, rows, { renewals: (c) => c.renewals, churned: (c) => c.churned })).toEqualTypeOf<number>();
// @ts-expect-error records without accessors
sbgLogLikelihood(params, rows);
// @ts-expect-error data before parameters
sbgLogLikelihood([1000, 631], params);
// @ts-expect-error the fit's maxIterations is not an option here
sbgLogLikelihood(params, [1000, 631], { maxIterations: 5 });
expectTypeOf(sbgLogLikelihood(params, [1000, 631], { perCustomer: true })).toEqualTypeOf<CustomerLogLikelihoods>();
expectTypeOf(sbgLogLikelihood(params, rows, { renewals: (c) => c.renewals, churned: (c) => c.churned, perCustomer: true })).toEqualTypeOf<CustomerLogLikelihoods>();
// @ts-expect-error perCustomer is a boolean
sbgLogLikelihood(params, [1000, 631], { perCustomer: 'yes' });
