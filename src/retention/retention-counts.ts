/**
 * Validation shared by `retentionRate` and `churnRate`: the counts S (start), E (end) and
 * N (acquired) must be whole numbers with 0 ≤ E − N ≤ S. S = 0 passes: the rates are then
 * `undefined` (nothing to measure), decided by the callers.
 */
import { describeValue, fail, requireCount } from '../internal/validate';
import { readOptions } from '../internal/options';

const COUNT_KEYS = ['start', 'end', 'acquired'];

/** The validated counts and the customers kept, E − N. */
export interface CheckedRetentionCounts {
  readonly start: number;
  readonly end: number;
  readonly acquired: number;
  readonly kept: number;
}

export function checkRetentionCounts(fn: string, counts: unknown): CheckedRetentionCounts {
  if (typeof counts !== 'object' || counts === null) {
    throw fail('INVALID_OPTION', fn, `counts ${describeValue(counts)} must be an object { start, end, acquired }`, { field: 'counts', value: counts });
  }
  const c = readOptions(fn, counts as Record<string, unknown>, COUNT_KEYS, 'counts') as Record<string, unknown>;
  const start = requireCount(fn, 'start', c['start']);
  const end = requireCount(fn, 'end', c['end']);
  const acquired = requireCount(fn, 'acquired', c['acquired'] ?? 0);
  const kept = end - acquired;
  if (kept < 0) {
    throw fail('INCONSISTENT_INPUT', fn, `acquired ${acquired} exceeds end ${end}: customers at the end include those acquired`, {
      field: 'acquired',
      value: acquired,
    });
  }
  if (kept > start) {
    throw fail('INCONSISTENT_INPUT', fn, `end − acquired = ${kept} exceeds start ${start}: more customers kept than there were`, {
      field: 'end',
      value: end,
    });
  }
  return { start, end, acquired, kept };
}
