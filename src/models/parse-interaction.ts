import type { Interaction } from './interaction';
import { readInteraction } from './parse-records';
import { runParser } from './parse';

/**
 * Validate untrusted input (a JSON export, an API body) as an {@link Interaction}.
 *
 * Every interaction needs `type` (`'survey' | 'purchase' | 'support' | 'visit'`),
 * `customerId` (a non-empty string) and `at`; `id`, `touchpoint` (non-empty strings) and
 * `channel` (one of {@link CHANNELS}) are optional. Then, by type:
 *
 * ```text
 * survey    metric   'nps' | 'csat' | 'ces'
 *           score    an integer on the scale
 *           scale?   { min, max }, integers, min < max; default DEFAULT_SURVEY_SCALES[metric];
 *                    NPS is always 0–10
 * purchase  amount   a finite number ≥ 0 (currency units, not cents)
 *           currency 3 capital letters (ISO 4217), e.g. "USD"
 *           items?   a whole number ≥ 0
 * support   channel  required
 *           firstResponseAt?, resolvedAt?   instants no earlier than `at`
 *           resolvedOnFirstContact?         true or false
 * visit     touchpoint  required
 * ```
 *
 * Instants are a `Date` (copied), finite epoch milliseconds (kept as a number) or an ISO-8601
 * date-time with a time zone such as `"2024-03-05T14:30:00Z"` or
 * `"2024-03-05T15:30:00.250+01:00"`, or a plain date `"2024-03-05"`, meaning midnight UTC
 * (strings are returned as a `Date`; calendar fields must exist, so
 * `2024-02-30T…` is rejected rather than rolled over; digits beyond milliseconds are dropped).
 * Nothing is coerced: `"9"` is not a score. An optional field that is `null` counts as
 * absent. Unknown fields are ignored and not copied: the result is a fresh object holding
 * exactly the typed shape; the input is never changed.
 *
 * @param input - The value to check, typically from `JSON.parse`.
 * @returns A new {@link Interaction}.
 * @throws {@link CxMetricsError} `INVALID_RECORD` listing every problem in
 *   `details.issues`, each with its path (`score: expected an integer 0–10, got "9"`).
 *
 * @example
 * ```ts
 * import { parseInteraction } from 'cx-metrics/models';
 * const answer = parseInteraction({ type: 'survey', customerId: 'c1', at: '2024-03-05T14:30:00Z', metric: 'nps', score: 9 });
 * answer; // => { type: 'survey', metric: 'nps', score: 9, at: new Date(Date.UTC(2024, 2, 5, 14, 30)) }
 * parseInteraction({ type: 'survey', customerId: 'c1', at: 1709649000000, metric: 'nps', score: '9' }); // => throws INVALID_RECORD
 * ```
 */
export function parseInteraction(input: unknown): Interaction {
  return runParser('parseInteraction', input, (ctx, value) => readInteraction(ctx, '', value));
}
