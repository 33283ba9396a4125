/** The `code` of the CxMetricsError a call throws, `undefined` when it returns; any other error is rethrown. */
import { CxMetricsError, type CxMetricsErrorCode } from '../../src/errors';

export function errorCode(run: () => unknown): CxMetricsErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error.code;
    throw error;
  }
  return undefined;
}
