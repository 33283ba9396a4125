/**
 * A point in time: a `Date` or epoch milliseconds (UTC). Every function accepts both.
 */
export type Instant = Date | number;

/** The units every duration, horizon and calendar period is expressed in. */
export type TimeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The {@link TimeUnit}s as a run-time list, shortest first. */
export const TIME_UNITS: readonly TimeUnit[] = Object.freeze(['day', 'week', 'month', 'quarter', 'year'] as const);

/**
 * Milliseconds in one unit when a *duration* must be converted (a recency in weeks, a
 * horizon in months). Calendar periods (grouping by month) never use these: they follow the
 * UTC calendar exactly.
 *
 * ```text
 * day     = 86 400 000 ms
 * week    = 7 days
 * year    = 365.2425 days   (mean Gregorian year)
 * quarter = year / 4        = 91.310625 days
 * month   = year / 12       = 30.436875 days
 * ```
 *
 * Source: the Gregorian calendar's 400-year cycle of 146 097 days.
 *
 * @example
 * ```ts
 * import { UNIT_MILLISECONDS } from 'cx-metrics';
 * UNIT_MILLISECONDS.week / UNIT_MILLISECONDS.day; // => 7
 * UNIT_MILLISECONDS.month / UNIT_MILLISECONDS.day; // => 30.436875
 * ```
 */
export const UNIT_MILLISECONDS: Readonly<Record<TimeUnit, number>> = Object.freeze({
  day: 86_400_000,
  week: 604_800_000,
  month: 2_629_746_000,
  quarter: 7_889_238_000,
  year: 31_556_952_000,
});
