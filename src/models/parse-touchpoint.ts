import type { Touchpoint } from './touchpoint';
import { readTouchpoint } from './parse-records';
import { runParser } from './parse';

/**
 * Validate untrusted input (a JSON export, an API body) as a {@link Touchpoint}.
 *
 * Accepts an object with `id` and `name` (non-empty strings), `channel` (one of
 * {@link CHANNELS}) and, optionally, `stage` (a non-empty string; `null` counts as absent).
 * Unknown fields are ignored and not copied: the result is a fresh object holding exactly
 * the typed shape; the input is never changed.
 *
 * @param input - The value to check, typically from `JSON.parse`.
 * @returns A new {@link Touchpoint}.
 * @throws {@link CxMetricsError} `INVALID_RECORD` listing every problem in
 *   `details.issues`, each with its path (`channel: expected one of "web", "app", …, got "fax"`).
 *
 * @example
 * ```ts
 * import { parseTouchpoint } from 'cx-metrics/models';
 * const checkout = parseTouchpoint({ id: 'checkout', name: 'Checkout page', channel: 'web', stage: null });
 * checkout; // => { id: 'checkout', name: 'Checkout page', channel: 'web' }
 * 'stage' in checkout; // => false
 * parseTouchpoint({ id: 'fax-line', name: 'Fax', channel: 'fax' }); // => throws INVALID_RECORD
 * ```
 */
export function parseTouchpoint(input: unknown): Touchpoint {
  return runParser('parseTouchpoint', input, (ctx, value) => readTouchpoint(ctx, '', value));
}
