import type { Interaction } from './interaction';
import { readInteraction } from './parse-records';
import { readList, runParser } from './parse';

/**
 * Validate an untrusted list of interactions (an event export) as `Interaction[]`.
 *
 * Each element is checked exactly as by {@link parseInteraction}; the issues of all of them
 * are reported together, with paths starting at the element's index (`[3].score`).
 *
 * @param input - The value to check: an array, typically from `JSON.parse`.
 * @returns A new array of new {@link Interaction}s, in the input's order.
 * @throws {@link CxMetricsError} `INVALID_RECORD` when the input is not an array or any
 *   element is invalid; `details.issues` lists every problem with its path.
 *
 * @example
 * ```ts
 * import { parseInteractions } from 'cx-metrics/models';
 * const events = parseInteractions([
 *   { type: 'visit', customerId: 'c1', at: 1709649000000, touchpoint: 'pricing' },
 *   { type: 'purchase', customerId: 'c1', at: 1709652600000, amount: 49.9, currency: 'EUR' },
 * ]);
 * events.length; // => 2
 * parseInteractions([{ type: 'purchase', customerId: 'c1', at: 0, amount: -5, currency: 'eur' }]); // => throws INVALID_RECORD
 * ```
 */
export function parseInteractions(input: unknown): Interaction[] {
  return runParser('parseInteractions', input, (ctx, value) => readList(ctx, value, readInteraction));
}
