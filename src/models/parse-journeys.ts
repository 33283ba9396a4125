import type { Journey } from './journey';
import { readJourney } from './parse-records';
import { readList, runParser } from './parse';

/**
 * Validate an untrusted list of journeys (a journey export, the input of the
 * `cx-metrics/journey` functions) as `Journey[]`.
 *
 * Each element is checked exactly as by {@link parseJourney}; the issues of all of them are
 * reported together, with paths starting at the element's index
 * (`[2].stages[1].enteredAt`).
 *
 * @param input - The value to check: an array, typically from `JSON.parse`.
 * @returns A new array of new {@link Journey}s, in the input's order.
 * @throws {@link CxMetricsError} `INVALID_RECORD` when the input is not an array or any
 *   element is invalid; `details.issues` lists every problem with its path.
 *
 * @example
 * ```ts
 * import { parseJourneys } from 'cx-metrics/models';
 * const journeys = parseJourneys([
 *   { customerId: 'c1', stages: [{ name: 'signup', enteredAt: '2024-03-01T10:00:00Z', interactions: [] }] },
 *   { customerId: 'c2', stages: [{ name: 'signup', enteredAt: 1709287200000, interactions: [] }] },
 * ]);
 * journeys.map((j) => j.customerId); // => ['c1', 'c2']
 * parseJourneys([{ customerId: 'c3', stages: [] }]); // => throws INVALID_RECORD
 * ```
 */
export function parseJourneys(input: unknown): Journey[] {
  return runParser('parseJourneys', input, (ctx, value) => readList(ctx, value, readJourney));
}
