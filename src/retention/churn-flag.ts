/**
 * The churned flag of a lifetime record (`kaplanMeier`, `kaplanMeierTally`, `fitSbg`): a real
 * boolean, never a truthy stand-in such as `1` or `'yes'`.
 */
import { atIndex, describeValue, fail } from '../internal/validate';

/** `value` as a boolean, or `INVALID_RECORD` naming the function, the value and its index. */
export function requireChurnedFlag(fn: string, value: unknown, index: number | undefined): boolean {
  if (typeof value === 'boolean') return value;
  throw fail('INVALID_RECORD', fn, `churned ${describeValue(value)}${atIndex(index)} is not a boolean`, {
    field: 'churned',
    value,
    ...(index === undefined ? {} : { index }),
    issues: [{ path: index === undefined ? 'churned' : `[${index}].churned`, message: `expected true or false, got ${describeValue(value)}` }],
  });
}
