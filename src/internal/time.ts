/**
 * A point in time: a `Date` or epoch milliseconds (UTC). Every function accepts both.
 */
export type Instant = Date | number;

/** The units calendar periods, horizons and model times are expressed in (a calendar period is at least a day). */
export type TimeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The {@link TimeUnit}s as a run-time list, shortest first. */
export const TIME_UNITS: readonly TimeUnit[] = Object.freeze(['day', 'week', 'month', 'quarter', 'year'] as const);

/**
 * The units a measured duration can be reported in: the {@link TimeUnit}s plus the short units
 * service times need (a first response is measured in minutes, not days). One vocabulary: every
 * `TimeUnit` is a `DurationUnit`.
 */
export type DurationUnit = 'second' | 'minute' | 'hour' | TimeUnit;

/** The {@link DurationUnit}s as a run-time list, shortest first. */
export const DURATION_UNITS: readonly DurationUnit[] = Object.freeze(['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'] as const);

/**
 * Milliseconds in one unit when a *duration* must be converted (a recency in weeks, a
 * horizon in months). Calendar periods (grouping by month) never use these: they follow the
 * UTC calendar exactly.
 *
 * ```text
 * second  = 1 000 ms, minute = 60 s, hour = 60 min
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
export const UNIT_MILLISECONDS: Readonly<Record<DurationUnit, number>> = Object.freeze({
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  month: 2_629_746_000,
  quarter: 7_889_238_000,
  year: 31_556_952_000,
});
