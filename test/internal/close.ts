import { expect } from 'vitest';

/** Assert |got − want| ≤ relative·|want| (+ absolute), with a readable failure message. */
export function expectClose(got: number, want: number, relative: number, absolute = 0): void {
  const error = Math.abs(got - want);
  const allowed = relative * Math.abs(want) + absolute;
  if (!(error <= allowed)) {
    expect.fail(`expected ${got} to be within ${relative} (relative) + ${absolute} of ${want}; error ${error}`);
  }
}
