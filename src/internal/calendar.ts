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
import type { Instant, TimeUnit } from '../models/time';
import { TIME_UNITS, UNIT_MILLISECONDS } from '../models/time';
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

/** The period an instant (epoch ms) falls in. */
export function periodIndex(ms: number, unit: TimeUnit): number {
  switch (unit) {
    case 'day':
      return Math.floor(ms / DAY);
    case 'week':
      // 1970-01-01 was a Thursday; shifting by 3 days puts Mondays on multiples of 7.
      return Math.floor((Math.floor(ms / DAY) + 3) / 7);
    case 'month': {
      const d = new Date(ms);
      return d.getUTCFullYear() * 12 + d.getUTCMonth();
    }
    case 'quarter': {
      const d = new Date(ms);
      return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
    }
    case 'year':
      return new Date(ms).getUTCFullYear();
  }
}

/** Epoch milliseconds at which a period starts (UTC midnight). */
export function periodStart(index: number, unit: TimeUnit): number {
  switch (unit) {
    case 'day':
      return index * DAY;
    case 'week':
      return (index * 7 - 3) * DAY;
    case 'month':
      return Date.UTC(Math.floor(index / 12), index - Math.floor(index / 12) * 12, 1);
    case 'quarter':
      return Date.UTC(Math.floor(index / 4), (index - Math.floor(index / 4) * 4) * 3, 1);
    case 'year':
      return Date.UTC(index, 0, 1);
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A period's label: `2024-03-05` (day), `2024-W10` (ISO week), `2024-03` (month),
 * `2024-Q1` (quarter), `2024` (year).
 */
export function periodLabel(index: number, unit: TimeUnit): string {
  const start = new Date(periodStart(index, unit));
  const y = start.getUTCFullYear();
  switch (unit) {
    case 'day':
      return `${y}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}`;
    case 'week': {
      // The ISO week-year is the year of the week's Thursday.
      const thursday = new Date(start.getTime() + 3 * DAY);
      const isoYear = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY)) + 1;
      return `${isoYear}-W${pad(week)}`;
    }
    case 'month':
      return `${y}-${pad(start.getUTCMonth() + 1)}`;
    case 'quarter':
      return `${y}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
    case 'year':
      return String(y);
  }
}

/** A duration in milliseconds expressed in `unit` (see `UNIT_MILLISECONDS`). */
export function msToUnit(ms: number, unit: TimeUnit): number {
  return ms / UNIT_MILLISECONDS[unit];
}
