import { checkRecencyAge } from './rfm-rows';
import { describeValue, fail, requireCount, requireNonNegative } from '../internal/validate';
import type { TransactionModelKernel } from './model';

/**
 * The input gate of a model descriptor's `kernel(fn, params)`: `fn` must be a non-empty string
 * (the name the errors carry), the parameters are checked by `make` (naming `fn`), and the
 * kernel's functions check their plain numbers like the public predictions check a history
 * (frequency a whole number ≥ 0, recency and T finite ≥ 0, recency ≤ T and 0 when frequency is
 * 0, t finite ≥ 0), so no `TypeError`, `NaN` or `Infinity` comes out of a kernel handed bad input.
 *
 * @param where - The descriptor method (`bgNbd.kernel`), named when `fn` itself is wrong.
 * @param fn - The caller's name, as given to the descriptor.
 * @param make - Builds the unchecked kernel from the checked name (and checks the parameters).
 */
export function gateKernel(where: string, fn: unknown, make: (fn: string) => TransactionModelKernel): TransactionModelKernel {
  if (typeof fn !== 'string' || fn === '') {
    throw fail('INVALID_INPUT', where, `fn ${describeValue(fn)} is not the name of the calling function (a non-empty string)`, { field: 'fn', value: fn });
  }
  const kernel = make(fn);
  return Object.freeze<TransactionModelKernel>({
    probabilityAlive: (x, tx, T) => {
      const frequency = requireCount(fn, 'frequency', x);
      const recency = requireNonNegative(fn, 'recency', tx);
      const age = requireNonNegative(fn, 'T', T);
      checkRecencyAge(fn, frequency, recency, age);
      return kernel.probabilityAlive(frequency, recency, age);
    },
    expectedIfAlive: (x, T, t) =>
      kernel.expectedIfAlive(requireCount(fn, 'frequency', x), requireNonNegative(fn, 'T', T), requireNonNegative(fn, 't', t)),
  });
}
