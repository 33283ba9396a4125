import type { TimeUnit } from '../models/time';
import { UNIT_MILLISECONDS } from '../models/time';

/**
 * The units journey and service durations are reported in: the library's {@link TimeUnit}s
 * plus the short units service times need (a first response is measured in minutes, not
 * days).
 */
export type JourneyDurationUnit = 'second' | 'minute' | 'hour' | TimeUnit;

/** The {@link JourneyDurationUnit}s as a run-time list, shortest first. */
export const JOURNEY_DURATION_UNITS: readonly JourneyDurationUnit[] = Object.freeze([
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'quarter',
  'year',
] as const);

/**
 * Milliseconds in one {@link JourneyDurationUnit}: exact for second to week, the documented
 * mean-Gregorian constants of `UNIT_MILLISECONDS` for month, quarter and year.
 *
 * ```text
 * second = 1 000 ms, minute = 60 s, hour = 60 min, day = 24 h, week = 7 days
 * month = 30.436875 days, quarter = 91.310625 days, year = 365.2425 days
 * ```
 *
 * @example
 * ```ts
 * import { JOURNEY_DURATION_MILLISECONDS } from 'cx-metrics/journey';
 * JOURNEY_DURATION_MILLISECONDS.hour; // => 3600000
 * JOURNEY_DURATION_MILLISECONDS.day / JOURNEY_DURATION_MILLISECONDS.hour; // => 24
 * ```
 */
export const JOURNEY_DURATION_MILLISECONDS: Readonly<Record<JourneyDurationUnit, number>> = UNIT_MILLISECONDS;
