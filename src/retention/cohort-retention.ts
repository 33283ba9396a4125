import type { TimeUnit } from '../models/time';
import type { Values } from '../models/values';
import type { ActivityArguments, ActivityOptions } from './activity';
import { periodLabel, periodStart } from '../internal/calendar';
import { collectActivity, forEachActivePeriod, minFirst, requireCohortCells, requirePeriodSpan } from './activity-collector';

const FN = 'cohortRetention';

/** One cohort of {@link cohortRetention}: the customers whose first activity fell in one period. */
export interface CohortRetentionRow {
  /** The cohort's period label (`2024-03`, `2024-Q1`, `2024-W05`…). */
  readonly cohort: string;
  /** Start of the cohort's period, epoch milliseconds (UTC). The first period of the valid instant range starts before −8.64e15, where no `Date` reaches; its start is still exact. */
  readonly start: number;
  /** Customers in the cohort. */
  readonly size: number;
  /**
   * Classic: customers active in period offset k (k = 0 is the cohort's own period, always
   * `size`), for k = 0 … periods observed (the ragged triangle: younger cohorts have fewer).
   */
  readonly active: readonly number[];
  /** Classic retention: `active[k] / size`. */
  readonly retention: readonly number[];
  /** Unbounded: customers active in period offset k or any later one (last activity at offset ≥ k). */
  readonly activeUnbounded: readonly number[];
  /** Unbounded retention: `activeUnbounded[k] / size`, ≥ `retention[k]`, non-increasing in k. */
  readonly retentionUnbounded: readonly number[];
}

/** What {@link cohortRetention} returns. */
export interface CohortRetentionResult {
  /** The calendar period of cohorts and offsets. */
  readonly unit: TimeUnit;
  /** Cohorts with at least one customer, oldest first. */
  readonly cohorts: readonly CohortRetentionRow[];
  /** Label of the last period observed (the observation end, or the latest activity); `undefined` with neither. */
  readonly end: string | undefined;
  /** Customers counted. */
  readonly customers: number;
  /** Activity records read. */
  readonly records: number;
  /** Records skipped because they, their customer id or their instant were `null`/`undefined`. */
  readonly skipped: number;
  /** Records ignored because they were not purchases (`activity: 'purchases'`). */
  readonly ignored: number;
}

/**
 * Cohort retention table: customers grouped by the calendar period of their first activity,
 * and for each cohort and period offset the number and share still active, in both
 * conventions.
 *
 * ```text
 * classic(c, k)   = |{ i ∈ c : i active in period c + k }| / |c|
 * unbounded(c, k) = |{ i ∈ c : i active in period c + k or later }| / |c|
 *                 = |{ i ∈ c : last active period ≥ c + k }| / |c|
 * k = 0 … end − c     (ragged: the youngest cohort has one column)
 * ```
 *
 * Classic retention answers "what share uses the product in month k"; it can rise again when
 * customers come back. Unbounded retention ("rolling", "return-on-or-after") counts a customer
 * as retained until their last activity: it is never below classic, never rises, and suits
 * irregular activity (purchases) where a quiet month is not churn. Its last column is biased
 * down, since customers still active may return later. See Amplitude, "Retention analysis"
 * (N-day vs. unbounded retention).
 *
 * One pass over the records; working memory grows with customers and their active 32-period
 * blocks, not with records; the table is cohorts × periods.
 *
 * @param activity Interaction records (one per activity) or one span per customer.
 * @param options Calendar `unit` (default `'month'`), `observationEnd`, `activity` filter and
 *   accessors (see {@link ActivityOptions}).
 * @returns The table; `cohorts` is empty without activity.
 * @throws `INVALID_DATE` for an instant that is not a valid Date or epoch ms; `ORDER_VIOLATION`
 *   for activity after the observation end or a span ending before it starts; `INVALID_RECORD`
 *   for a customer id that is neither a string nor a finite number; `INVALID_OPTION` for a bad
 *   unit or filter (`activity: 'purchases'` with spans), or only one of the span accessors;
 *   `OUT_OF_RANGE`, naming the span and the limit, before the table is allocated, when the
 *   activity spans more than 100,000 periods (first activity to observation end) or cohorts ×
 *   periods exceeds 10,000,000 (a mistyped year such as +020240 among 2024 records, or daily
 *   cohorts over decades): use a longer unit.
 *   `INVALID_INPUT` when `activity` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { cohortRetention } from 'cx-metrics/retention';
 * const visits = [
 *   { customerId: 'a', at: Date.UTC(2024, 0, 5) }, { customerId: 'a', at: Date.UTC(2024, 2, 9) },
 *   { customerId: 'b', at: Date.UTC(2024, 0, 20) }, { customerId: 'b', at: Date.UTC(2024, 1, 2) },
 *   { customerId: 'c', at: Date.UTC(2024, 1, 14) },
 * ];
 * const table = cohortRetention(visits, { unit: 'month' });
 * table.cohorts[0]; // => { cohort: '2024-01', size: 2, active: [2, 1, 1], activeUnbounded: [2, 2, 1] }
 * table.cohorts[0].retention; // => [1, 0.5, 0.5]
 * table.cohorts[1]; // => { cohort: '2024-02', size: 1, active: [1, 0] }
 * cohortRetention([...visits, { customerId: 'd', at: Date.UTC(20240, 0, 5) }], { unit: 'day' }); // => throws OUT_OF_RANGE
 * ```
 */
export function cohortRetention<T>(activity: Values<T>, ...[options]: ActivityArguments<T>): CohortRetentionResult {
  const a = collectActivity(FN, activity, options as ActivityOptions<T> | undefined, true);
  const base = minFirst(a);
  const cohorts: CohortRetentionRow[] = [];
  if (base !== undefined) {
    const count = requirePeriodSpan(FN, a, base);
    requireCohortCells(FN, a, base, count);
    const classic: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(count);
    const lastAt: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(count);
    for (let s = 0; s < a.customers; s++) {
      const c = (a.first[s] as number) - base;
      let row = lastAt[c];
      if (row === undefined) {
        row = new Float64Array(count - c);
        lastAt[c] = row;
        classic[c] = new Float64Array(count - c);
      }
      const k = (a.last[s] as number) - (a.first[s] as number);
      row[k] = (row[k] as number) + 1;
    }
    forEachActivePeriod(a, (slot, p) => {
      const f = a.first[slot] as number;
      const row = classic[f - base] as Float64Array;
      row[p - f] = (row[p - f] as number) + 1;
    });
    for (let c = 0; c < count; c++) {
      const last = lastAt[c];
      const row = classic[c];
      if (last === undefined || row === undefined) continue;
      const unbounded = new Array<number>(last.length);
      let cum = 0;
      for (let k = last.length - 1; k >= 0; k--) {
        cum += last[k] as number;
        unbounded[k] = cum;
      }
      const size = cum;
      const active = Array.from(row);
      cohorts.push(
        Object.freeze({
          cohort: periodLabel(base + c, a.unit),
          start: periodStart(base + c, a.unit),
          size,
          active: Object.freeze(active),
          retention: Object.freeze(active.map((v) => v / size)),
          activeUnbounded: Object.freeze(unbounded),
          retentionUnbounded: Object.freeze(unbounded.map((v) => v / size)),
        }),
      );
    }
  }
  return Object.freeze({
    unit: a.unit,
    cohorts: Object.freeze(cohorts),
    end: a.customers === 0 && !a.endGiven ? undefined : periodLabel(a.end, a.unit),
    customers: a.customers,
    records: a.records,
    skipped: a.skipped,
    ignored: a.ignored,
  });
}
