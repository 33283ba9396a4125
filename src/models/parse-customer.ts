import type { Customer } from './customer';
import { readCustomer } from './parse-records';
import { runParser } from './parse';

/**
 * Validate untrusted input (a JSON export, an API body) as a {@link Customer}.
 *
 * Accepts an object with `id` (a non-empty string) and, optionally, `acquiredAt` (a `Date`,
 * epoch milliseconds, an ISO-8601 date-time with a time zone such as
 * `"2024-03-05T14:30:00Z"` or a plain date `"2024-03-05"` meaning midnight UTC; strings
 * become a `Date`), `segment` (a non-empty string) and
 * `attributes` (an object whose values are strings, finite numbers, booleans or `null`).
 * An optional field that is `null` counts as absent. Unknown fields are ignored and not
 * copied: the result holds exactly the typed shape, as a fresh object; the input is never
 * changed.
 *
 * @param input - The value to check, typically from `JSON.parse`.
 * @returns A new {@link Customer}.
 * @throws {@link CxMetricsError} `INVALID_RECORD` listing every problem in
 *   `details.issues`, each with its path (`acquiredAt: expected a Date, …, got "yesterday"`).
 *
 * @example
 * ```ts
 * import { parseCustomer } from 'cx-metrics/models';
 * const customer = parseCustomer({ id: 'c1', acquiredAt: '2024-01-15T09:00:00Z', segment: 'smb', crmRef: 77 });
 * customer.acquiredAt; // => new Date(Date.UTC(2024, 0, 15, 9))
 * 'crmRef' in customer; // => false
 * parseCustomer({ id: '', acquiredAt: 'yesterday' }); // => throws INVALID_RECORD
 * ```
 */
export function parseCustomer(input: unknown): Customer {
  return runParser('parseCustomer', input, (ctx, value) => readCustomer(ctx, '', value));
}
