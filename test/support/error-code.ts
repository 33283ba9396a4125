/** Catching the errors of calls that should fail, shared by the test files. */
import { expect } from 'vitest';
import { CxMetricsError, type CxMetricsErrorCode } from '../../src/internal/errors';

/** The `code` of the CxMetricsError a call throws, `undefined` when it returns; any other error is rethrown. */
export function errorCode(run: () => unknown): CxMetricsErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error.code;
    throw error;
  }
  return undefined;
}

/** Whatever a call throws, CxMetricsError or not; `undefined` when it returns. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/**
 * Assert that `run` throws a CxMetricsError with `code` whose message starts with the name of
 * the function that threw it (`fn: …`), as every message of the library does.
 */
export function expectCxMetricsError(run: () => unknown, code: string, fn: string): void {
  const error = thrownBy(run);
  expect(error).toBeInstanceOf(CxMetricsError);
  expect((error as CxMetricsError).code).toBe(code);
  expect((error as CxMetricsError).message).toMatch(new RegExp(`^${fn}: `));
}
