/**
 * Customer ids read from records: a string or a finite number, used as `Map` keys
 * (SameValueZero: `'1'` and `1` are different customers).
 */
import { atIndex, describeValue, fail } from '../internal/validate';

/** The id itself when it is a string or a finite number; `INVALID_RECORD` naming the index otherwise. */
export function requireCustomerId(fn: string, id: unknown, index?: number): string | number {
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return id;
  throw fail('INVALID_RECORD', fn, `customer id ${describeValue(id)}${atIndex(index)} is neither a string nor a finite number`, {
    field: 'customerId',
    value: id,
    ...(index === undefined ? {} : { index }),
    issues: [{ path: index === undefined ? 'customerId' : `[${index}].customerId`, message: `expected a string or a finite number, got ${describeValue(id)}` }],
  });
}
