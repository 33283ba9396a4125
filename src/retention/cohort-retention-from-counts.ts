import type { Instant, TimeUnit } from '../models/time';
import type { Values } from '../models/values';
import type { CohortRetentionResult, CohortRetentionRow } from './cohort-retention';
import { periodIndex, periodLabel, periodStart, requireTimeUnit, toEpochMs } from '../internal/calendar';
import { forEachValue, isMissing, requireValues } from '../internal/input';
import { atIndex, fail, requireCount } from '../internal/validate';
import { readOptions } from '../internal/options';
import { MAX_ACTIVITY_PERIODS, MAX_COHORT_CELLS } from './activity-collector';

/**
 * One cell of a cohort table counted elsewhere: a row of `cohortCountsSql`'s output (the
 * column names are the same), or of any engine that counts the same way.
 */
export interface CohortCountRow {
  /** Start of the cohort's period (UTC midnight), a `Date` or epoch milliseconds: the engine's `DATE`. */
  readonly cohort: Date | number;
  /** Period offset k from the cohort's period, a whole number ≥ 0 (0 is the cohort's own period). */
  readonly offset: number;
  /** Customers in the cohort (the same on every row of a cohort). */
  readonly size: number;
  /** Customers of the cohort active in period offset k. */
  readonly active: number;
  /** Customers of the cohort whose last activity is at offset k or later. */
  readonly activeUnbounded: number;
}

/** Options of {@link cohortRetentionFromCounts}. */
export interface CohortRetentionFromCountsOptions {
  /** The calendar period the counts were made in (the query's `unit`). Default `'month'`. */
  readonly unit?: TimeUnit;
  /**
   * End of observation (the query's `observationEnd`): the table's columns run to its period.
   * Default: the latest period with a count.
   */
  readonly observationEnd?: Instant;
}

const FN = 'cohortRetentionFromCounts';

interface CohortCells {
  readonly size: number;
  /** offset → [active, activeUnbounded, input index]. */
  readonly cells: Map<number, readonly [number, number, number]>;
}

/**
 * The {@link cohortRetention} table from counts made elsewhere — typically by
 * `cohortCountsSql` in the warehouse, so that only cohorts × periods numbers leave it. The
 * result is exactly `cohortRetention`'s on the raw activity (the conformance tests run both on
 * DuckDB), with `records` the count rows read.
 *
 * ```text
 * rows: (cohort c, offset k, size, active, activeUnbounded), only for offsets with activity
 * active[c][k]    = the row's active, 0 where no row                  k = 0 … end − c
 * unbounded[c][k] = the row's activeUnbounded, else that of the next row of c (0 after the last)
 * retention = active / size,  retentionUnbounded = unbounded / size
 * ```
 *
 * Source: the definitions of {@link cohortRetention} (classic and unbounded retention).
 *
 * @param rows - Count rows (`null`/`undefined` rows are skipped).
 * @param options - The `unit` the counts were made in and the `observationEnd`.
 * @returns The cohort table, as {@link cohortRetention} returns it (`ignored` is 0).
 * @throws {@link models!CxMetricsError} `INVALID_DATE` for a cohort that is not a valid `Date`
 *   or epoch ms; `INCONSISTENT_INPUT` for a cohort that is not the start of a `unit` period, a
 *   second row for the same cohort and offset, sizes that differ within a cohort, a cohort
 *   without its offset-0 row or whose offset-0 `active` is not its size, `active` above
 *   `activeUnbounded` or `activeUnbounded` above `size`, a size of 0, or `activeUnbounded` rising with the
 *   offset; `ORDER_VIOLATION` for a count after the observation end; `INVALID_NUMBER`,
 *   `NEGATIVE_VALUE`, `NOT_AN_INTEGER` for a count or offset that is not a whole number ≥ 0;
 *   `OUT_OF_RANGE` for a table spanning more than 100,000 periods or 10,000,000 cells;
 *   `INVALID_INPUT` when `rows` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for an unknown unit, options that are not a plain object or an unknown key.
 *
 * @example
 * ```ts
 * import { cohortRetentionFromCounts } from 'cx-metrics/retention';
 * // What cohortCountsSql returns for the cohortRetention example's visits:
 * const counts = [
 *   { cohort: Date.UTC(2024, 0, 1), offset: 0, size: 2, active: 2, activeUnbounded: 2 },
 *   { cohort: Date.UTC(2024, 0, 1), offset: 1, size: 2, active: 1, activeUnbounded: 2 },
 *   { cohort: Date.UTC(2024, 0, 1), offset: 2, size: 2, active: 1, activeUnbounded: 1 },
 *   { cohort: Date.UTC(2024, 1, 1), offset: 0, size: 1, active: 1, activeUnbounded: 1 },
 * ];
 * const table = cohortRetentionFromCounts(counts, { unit: 'month' });
 * table.cohorts[0]; // => { cohort: '2024-01', size: 2, active: [2, 1, 1], activeUnbounded: [2, 2, 1] }
 * table.cohorts[1]; // => { cohort: '2024-02', size: 1, active: [1, 0] }
 * cohortRetentionFromCounts([{ ...counts[0], cohort: Date.UTC(2024, 0, 2) }], { unit: 'month' }); // => throws INCONSISTENT_INPUT
 * ```
 */
export function cohortRetentionFromCounts(
  rows: Values<CohortCountRow | null | undefined>,
  options: CohortRetentionFromCountsOptions = {},
): CohortRetentionResult {
  const settings = readOptions(FN, options, ['unit', 'observationEnd']) as CohortRetentionFromCountsOptions;
  const unit = requireTimeUnit(FN, 'unit', settings.unit ?? 'month');
  const endGiven = settings.observationEnd !== undefined;
  let end = endGiven ? periodIndex(toEpochMs(FN, 'observationEnd', settings.observationEnd), unit) : Number.NEGATIVE_INFINITY;
  requireValues(FN, 'rows', rows);
  const cohorts = new Map<number, CohortCells>();
  let records = 0;
  let skipped = 0;
  forEachValue(rows, (row: CohortCountRow | null | undefined, i: number) => {
    records++;
    if (isMissing(row)) {
      skipped++;
      return;
    }
    const ms = toEpochMs(FN, 'cohort', row.cohort, i);
    const c = periodIndex(ms, unit);
    if (periodStart(c, unit) !== ms) {
      throw fail('INCONSISTENT_INPUT', FN, `cohort ${new Date(ms).toISOString()}${atIndex(i)} is not the start of a ${unit} (were the counts made in another unit?)`, {
        field: 'cohort',
        value: row.cohort,
        index: i,
      });
    }
    const offset = requireCount(FN, 'offset', row.offset, i);
    const size = requireCount(FN, 'size', row.size, i);
    const active = requireCount(FN, 'active', row.active, i);
    const unbounded = requireCount(FN, 'activeUnbounded', row.activeUnbounded, i);
    const inconsistent = (message: string, field: string, value: unknown) => fail('INCONSISTENT_INPUT', FN, `${message}${atIndex(i)}`, { field, value, index: i });
    if (size === 0) throw inconsistent('a cohort of size 0', 'size', size);
    if (active > unbounded) throw inconsistent(`active ${active} is above activeUnbounded ${unbounded}`, 'active', active);
    if (unbounded > size) throw inconsistent(`activeUnbounded ${unbounded} is above the cohort size ${size}`, 'activeUnbounded', unbounded);
    const period = c + offset;
    if (endGiven && period > end) {
      throw fail('ORDER_VIOLATION', FN, `a count in ${periodLabel(period, unit)}${atIndex(i)} is after the observation end (${periodLabel(end, unit)})`, {
        field: 'offset',
        value: offset,
        index: i,
      });
    }
    if (!endGiven && period > end) end = period;
    let cohort = cohorts.get(c);
    if (cohort === undefined) {
      cohort = { size, cells: new Map() };
      cohorts.set(c, cohort);
    } else if (cohort.size !== size) {
      throw inconsistent(`cohort ${periodLabel(c, unit)} has size ${size} here and ${cohort.size} on an earlier row`, 'size', size);
    }
    if (cohort.cells.has(offset)) throw inconsistent(`cohort ${periodLabel(c, unit)} has a second row for offset ${offset}`, 'offset', offset);
    cohort.cells.set(offset, [active, unbounded, i]);
  });

  const order = [...cohorts.keys()].sort((a, b) => a - b);
  const first = order[0];
  if (first !== undefined) {
    const periods = end - first + 1;
    if (periods > MAX_ACTIVITY_PERIODS || order.length * periods > MAX_COHORT_CELLS) {
      throw fail('OUT_OF_RANGE', FN, `the counts span ${order.length} cohorts × ${periods} ${unit}s (${periodLabel(first, unit)} to ${periodLabel(end, unit)}), beyond the limits of ${MAX_ACTIVITY_PERIODS} periods and ${MAX_COHORT_CELLS} cells; use a longer unit`, {
        field: 'unit',
        value: periods,
      });
    }
  }
  let customers = 0;
  const table: CohortRetentionRow[] = order.map((c) => {
    const { size, cells } = cohorts.get(c) as CohortCells;
    const label = periodLabel(c, unit);
    const own = cells.get(0);
    if (own === undefined || own[0] !== size) {
      throw fail('INCONSISTENT_INPUT', FN, `cohort ${label} ${own === undefined ? 'has no row for offset 0' : `has ${own[0]} active at offset 0, not its size ${size}`}: every customer is active in their cohort's period`, {
        field: 'active',
        ...(own === undefined ? {} : { index: own[2] }),
      });
    }
    customers += size;
    const columns = end - c + 1;
    const active = new Array<number>(columns).fill(0);
    const activeUnbounded = new Array<number>(columns).fill(0);
    let next = 0;
    for (let k = columns - 1; k >= 0; k--) {
      const cell = cells.get(k);
      if (cell !== undefined) {
        if (cell[1] < next) {
          throw fail('INCONSISTENT_INPUT', FN, `cohort ${label}: activeUnbounded rises from ${cell[1]} at offset ${k} to ${next} later${atIndex(cell[2])}`, {
            field: 'activeUnbounded',
            value: cell[1],
            index: cell[2],
          });
        }
        active[k] = cell[0];
        next = cell[1];
      }
      activeUnbounded[k] = next;
    }
    return Object.freeze({
      cohort: label,
      start: periodStart(c, unit),
      size,
      active: Object.freeze(active),
      retention: Object.freeze(active.map((v) => v / size)),
      activeUnbounded: Object.freeze(activeUnbounded),
      retentionUnbounded: Object.freeze(activeUnbounded.map((v) => v / size)),
    });
  });
  return Object.freeze({
    unit,
    cohorts: Object.freeze(table),
    end: order.length === 0 && !endGiven ? undefined : periodLabel(end, unit),
    customers,
    records,
    skipped,
    ignored: 0,
  });
}
