/**
 * What a repeat-behaviour fit (BG/NBD, Pareto/NBD, BG/BB) needs before it starts, in the
 * customer words the kernel's log-scale fit does not know.
 */
import { fail } from '../internal/validate';

/** The `noRepeat` message of the purchase models (BG/NBD, Pareto/NBD). */
export const NO_REPEAT_PURCHASE = 'no customer made a repeat purchase (every frequency is 0), so purchase rates and dropout cannot be estimated';

/**
 * Four customers, and some repeat behaviour (`noRepeat` says what cannot be estimated without).
 * A repeat customer has a positive recency, hence T > 0: no separate check of time is needed.
 */
export function requireRepeatData(fn: string, stats: { readonly totalWeight: number; readonly repeatWeight: number }, noRepeat: string): void {
  const n = stats.totalWeight;
  if (!(n >= 4)) {
    throw fail('INSUFFICIENT_DATA', fn, `needs at least 4 customers to estimate 4 parameters, got ${n}`, { field: 'rows', value: n });
  }
  if (!(stats.repeatWeight > 0)) throw fail('INSUFFICIENT_DATA', fn, noRepeat, { field: 'frequency' });
}
