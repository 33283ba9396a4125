/**
 * UTC calendar arithmetic: which period an instant falls in, where a period starts, and its
 * label. Periods are integers so they can key typed arrays and maps cheaply.
 *
 * - day: days since 1970-01-01
 * - week: ISO weeks (Monday first) since the week of 1969-12-29
 * - month: year × 12 + month (0-based)
 * - quarter: year × 4 + quarter (0-based)
 * - year: the calendar year
 */
import type { DurationUnit, Instant, TimeUnit } from './time';
import { DURATION_UNITS, TIME_UNITS, UNIT_MILLISECONDS } from './time';
import { atIndex, describeValue, fail, requireOneOf } from './validate';

const DAY = 86_400_000;

/** The largest |epoch ms| a `Date` can hold: ±100,000,000 days around 1970 (ECMA-262 §21.4.1.1). */
export const MAX_EPOCH_MS = 8.64e15;

/** Epoch milliseconds of a valid instant, or `INVALID_DATE` naming the function, field and index. */
export function toEpochMs(fn: string, what: string, instant: unknown, index?: number): number {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  if (typeof ms !== 'number' || !(Math.abs(ms) <= MAX_EPOCH_MS) || !(instant instanceof Date || typeof instant === 'number')) {
    throw fail('INVALID_DATE', fn, `${what} ${describeValue(instant)}${atIndex(index)} is not a valid Date or epoch milliseconds`, {
      field: what,
      value: instant,
      ...(index === undefined ? {} : { index }),
    });
  }
  return ms;
}

/** Validate a unit option. */
export function requireTimeUnit(fn: string, what: string, unit: unknown): TimeUnit {
  return requireOneOf(fn, what, unit, TIME_UNITS);
}

/** Validate a duration unit option (a {@link TimeUnit} or second, minute, hour). */
export function requireDurationUnit(fn: string, what: string, unit: unknown): DurationUnit {
  return requireOneOf(fn, what, unit, DURATION_UNITS);
}

/**
 * Days since 1970-01-01 of the proleptic Gregorian date `y-m-d` (`m` 1–12), exact for any
 * integer year (Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil). Unlike
 * `Date.UTC` it needs no `Date` (whose range ends inside the first and last periods) and does
 * not read years 0–99 as 1900–1999.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400; // [0, 399]
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** The proleptic Gregorian date of a day number (inverse of {@link daysFromCivil}; Hinnant's civil_from_days). */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365); // [0, 399]
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], March first
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** The period an instant (epoch ms) falls in. */
export function periodIndex(ms: number, unit: TimeUnit): number {
  const day = Math.floor(ms / DAY);
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      // 1970-01-01 was a Thursday; shifting by 3 days puts Mondays on multiples of 7.
      return Math.floor((day + 3) / 7);
    case 'month': {
      const { y, m } = civilFromDays(day);
      return y * 12 + m - 1;
    }
    case 'quarter': {
      const { y, m } = civilFromDays(day);
      return y * 4 + Math.floor((m - 1) / 3);
    }
    case 'year':
      return civilFromDays(day).y;
  }
}

/** The first day (days since 1970-01-01) of a period. */
function periodStartDay(index: number, unit: TimeUnit): number {
  switch (unit) {
    case 'day':
      return index;
    case 'week':
      return index * 7 - 3;
    case 'month': {
      const y = Math.floor(index / 12);
      return daysFromCivil(y, index - y * 12 + 1, 1);
    }
    case 'quarter': {
      const y = Math.floor(index / 4);
      return daysFromCivil(y, (index - y * 4) * 3 + 1, 1);
    }
    case 'year':
      return daysFromCivil(index, 1, 1);
  }
}

/**
 * Epoch milliseconds at which a period starts (UTC midnight). The first and last periods of the
 * valid instant range (±8.64e15 ms) may start before it: their start is still exact, but it is
 * not a value a `Date` can hold.
 */
export function periodStart(index: number, unit: TimeUnit): number {
  return periodStartDay(index, unit) * DAY;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A period's label: `2024-03-05` (day), `2024-W10` (ISO week), `2024-03` (month),
 * `2024-Q1` (quarter), `2024` (year). Computed without `Date`, so it holds over the whole valid
 * instant range (−271821-04-20 to 275760-09-13).
 */
export function periodLabel(index: number, unit: TimeUnit): string {
  switch (unit) {
    case 'day': {
      const { y, m, d } = civilFromDays(index);
      return `${y}-${pad(m)}-${pad(d)}`;
    }
    case 'week': {
      // The ISO week-year is the year of the week's Thursday (day index × 7).
      const thursday = index * 7;
      const isoYear = civilFromDays(thursday).y;
      const week = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
      return `${isoYear}-W${pad(week)}`;
    }
    case 'month': {
      const y = Math.floor(index / 12);
      return `${y}-${pad(index - y * 12 + 1)}`;
    }
    case 'quarter': {
      const y = Math.floor(index / 4);
      return `${y}-Q${index - y * 4 + 1}`;
    }
    case 'year':
      return String(index);
  }
}

/** A duration in milliseconds expressed in `unit` (see `UNIT_MILLISECONDS`). */
export function msToUnit(ms: number, unit: TimeUnit): number {
  return ms / UNIT_MILLISECONDS[unit];
}
