/**
 * The time window of a transaction summary (observation end, optional calibration end, the
 * period purchases are bucketed into and the unit durations are reported in), validated once
 * for `summarizeTransactions` and `transactionSummaryTally` alike.
 */
import type { Instant, TimeUnit } from '../models/time';
import { UNIT_MILLISECONDS } from '../models/time';
import { periodIndex, requireTimeUnit, toEpochMs } from '../internal/calendar';
import { atIndex, describeValue, fail } from '../internal/validate';

/** The settings as the user gives them. */
export interface TransactionWindowSettings {
  readonly observationEnd?: Instant;
  readonly calibrationEnd?: Instant;
  readonly unit?: TimeUnit;
  readonly period?: TimeUnit;
}

/** The validated window, in epoch ms and period indexes. */
export interface TransactionWindow {
  readonly unit: TimeUnit;
  readonly period: TimeUnit;
  readonly observationEnd: number;
  /** `undefined` without a holdout split. */
  readonly calibrationEnd: number | undefined;
  /** Period of the observation end (the last period a purchase may fall in). */
  readonly endPeriod: number;
  /** Period of the calibration end, or `endPeriod` without a split. */
  readonly calibrationPeriod: number;
}

export function resolveTransactionWindow(fn: string, settings: TransactionWindowSettings): TransactionWindow {
  const unit = requireTimeUnit(fn, 'unit', settings.unit ?? 'week');
  const period = requireTimeUnit(fn, 'period', settings.period ?? 'day');
  if (settings.observationEnd === undefined) {
    throw fail('INVALID_OPTION', fn, 'observationEnd is required (T is measured up to it)', { field: 'observationEnd' });
  }
  const observationEnd = toEpochMs(fn, 'observationEnd', settings.observationEnd);
  const endPeriod = periodIndex(observationEnd, period);
  const calibrationEnd = settings.calibrationEnd === undefined ? undefined : toEpochMs(fn, 'calibrationEnd', settings.calibrationEnd);
  const calibrationPeriod = calibrationEnd === undefined ? endPeriod : periodIndex(calibrationEnd, period);
  if (calibrationPeriod > endPeriod) {
    throw fail(
      'ORDER_VIOLATION',
      fn,
      `observationEnd ${describeValue(new Date(observationEnd))} is before calibrationEnd ${describeValue(new Date(calibrationEnd as number))}`,
      { field: 'observationEnd', value: settings.observationEnd },
    );
  }
  return { unit, period, observationEnd, calibrationEnd, endPeriod, calibrationPeriod };
}

/** The period of a purchase at `at`, which must not be after the observation end's period. */
export function purchasePeriod(
  fn: string,
  window: Pick<TransactionWindow, 'period' | 'endPeriod' | 'observationEnd'>,
  at: unknown,
  index: number | undefined,
): number {
  const ms = toEpochMs(fn, 'purchase time', at, index);
  const p = periodIndex(ms, window.period);
  if (p > window.endPeriod) {
    throw fail(
      'ORDER_VIOLATION',
      fn,
      `purchase time ${describeValue(new Date(ms))}${atIndex(index)} is after observationEnd ${describeValue(new Date(window.observationEnd))}`,
      { field: 'at', value: at, ...(index === undefined ? {} : { index }) },
    );
  }
  return p;
}

/** A number of periods as a duration in the window's unit: one exact product, one rounding. */
export function periodsToUnit(window: Pick<TransactionWindow, 'period' | 'unit'>, periods: number): number {
  return (periods * UNIT_MILLISECONDS[window.period]) / UNIT_MILLISECONDS[window.unit];
}
