/** The documented refusal of the MBG/NBD predictions at rare extreme corners (not a test file itself). */
import { expect } from 'vitest';
import { CxMetricsError } from '../../../src/internal/errors';

/** Run `f`; an `OUT_OF_RANGE` "cannot be computed" refusal yields undefined, any other error fails. */
export function valueOrRefusal<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    expect(error).toBeInstanceOf(CxMetricsError);
    expect((error as CxMetricsError).code).toBe('OUT_OF_RANGE');
    expect((error as CxMetricsError).message).toMatch(/cannot be computed/);
    return undefined;
  }
}
