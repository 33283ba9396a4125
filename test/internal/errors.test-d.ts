import { expectTypeOf } from 'vitest';
import { CxMetricsError, nps, type CxMetricsErrorCode, type CxMetricsErrorDetails } from '../../src/index';

// A thrown CxMetricsError narrows with instanceof; its code is the literal union callers switch on.
try {
  nps([11]);
} catch (error) {
  if (error instanceof CxMetricsError) {
    expectTypeOf(error).toMatchTypeOf<Error>();
    expectTypeOf(error.code).toEqualTypeOf<CxMetricsErrorCode>();
    expectTypeOf(error.details).toEqualTypeOf<CxMetricsErrorDetails>();
    expectTypeOf(error.details.index).toEqualTypeOf<number | undefined>();
    // @ts-expect-error a code outside the union is not comparable
    if (error.code === 'NOT_A_CODE') throw error;
  }
}

const error = new CxMetricsError('INVALID_NUMBER', 'f: bad', { function: 'f', index: 0 });
expectTypeOf(error.code).toEqualTypeOf<CxMetricsErrorCode>();
// @ts-expect-error the code is one of the exported literals
new CxMetricsError('BAD', 'f: bad', { function: 'f' });
// @ts-expect-error the details name the function
new CxMetricsError('INVALID_NUMBER', 'f: bad', {});
// @ts-expect-error code is read-only
error.code = 'INVALID_NUMBER';
