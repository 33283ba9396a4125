import type { Journey } from './journey';
import { readJourney } from './parse-records';
import { runParser } from './parse';

/**
 * Validate untrusted input (a JSON export, an API body) as a {@link Journey}.
 *
 * Accepts an object with `customerId` (a non-empty string), `stages` (a non-empty array) and,
 * optionally, `id` and `segment` (non-empty strings). Each stage has `name` (a non-empty
 * string), `enteredAt` (an instant, as for {@link parseInteraction}) and `interactions` (an
 * array, possibly empty, of interactions checked as by {@link parseInteraction}). Across the
 * journey:
 *
 * ```text
 * stages[k].enteredAt ≥ stages[k−1].enteredAt                (ties allowed)
 * stages[k].interactions[m].customerId = customerId
 * ```
 *
 * Unknown fields are ignored and not copied; an optional field that is `null` counts as
 * absent. The result is a fresh object holding exactly the typed shape; the input is never
 * changed. Interactions are kept in the order given (not sorted, not checked against the
 * stage's entry time).
 *
 * @param input - The value to check, typically from `JSON.parse`.
 * @returns A new {@link Journey}.
 * @throws {@link CxMetricsError} `INVALID_RECORD` listing every problem in
 *   `details.issues`, each with its path (`stages[1].enteredAt: expected no earlier than
 *   stages[0].enteredAt (…), got …`, `stages[0].interactions[2].customerId: expected the
 *   journey's customer "c1", got "c2"`).
 *
 * @example
 * ```ts
 * import { parseJourney } from 'cx-metrics/models';
 * const journey = parseJourney({
 *   customerId: 'c1',
 *   stages: [
 *     { name: 'awareness', enteredAt: '2024-03-01T10:00:00Z', interactions: [] },
 *     { name: 'purchase', enteredAt: '2024-03-04T18:20:00Z', interactions: [
 *       { type: 'purchase', customerId: 'c1', at: '2024-03-04T18:25:00Z', amount: 120, currency: 'USD' },
 *     ] },
 *   ],
 * });
 * journey.stages.map((s) => s.name); // => ['awareness', 'purchase']
 * parseJourney({ customerId: 'c1', stages: [
 *   { name: 'purchase', enteredAt: '2024-03-04T18:20:00Z', interactions: [] },
 *   { name: 'awareness', enteredAt: '2024-03-01T10:00:00Z', interactions: [] },
 * ] }); // => throws INVALID_RECORD
 * ```
 */
export function parseJourney(input: unknown): Journey {
  return runParser('parseJourney', input, (ctx, value) => readJourney(ctx, '', value));
}
