import type { TimeUnit } from '../models/time';
import type { Values } from '../models/values';
import type { ActivityArguments, ActivityOptions } from './activity';
import { periodLabel, periodStart } from '../internal/calendar';
import { collectActivity, forEachActivePeriod, hasPeriod, minFirst, requirePeriodSpan } from './activity-collector';

/** One calendar period of {@link periodRetention}. */
export interface PeriodRetentionRow {
  /** The period's label (`2024-03`, `2024-Q1`, `2024-W05`…). */
  readonly period: string;
  /** Start of the period, epoch milliseconds (UTC). The first period of the valid instant range starts before −8.64e15, where no `Date` reaches; its start is still exact. */
  readonly start: number;
  /** Customers active in the period. */
  readonly active: number;
  /** Customers whose first activity is in the period (new). */
  readonly acquired: number;
  /** Customers active in the period and in the one before. */
  readonly retained: number;
  /** Customers active in the period, not in the one before, but in an earlier one (returning). */
  readonly reactivated: number;
  /** Customers active in the period before but not in this one. */
  readonly churned: number;
  /** `retained / active in the period before`; `undefined` for the first period or when nobody was active before. */
  readonly retentionRate: number | undefined;
  /** `churned / active in the period before` = 1 − `retentionRate`; `undefined` likewise. */
  readonly churnRate: number | undefined;
}

/** What {@link periodRetention} returns. */
export interface PeriodRetentionResult {
  /** The calendar period. */
  readonly unit: TimeUnit;
  /** Every period from the first activity to the observation end (or the latest activity), empty ones included. */
  readonly periods: readonly PeriodRetentionRow[];
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
 * Retention from activity, per calendar period: who was active, new, retained, returning and
 * lost, and the period's retention and churn rates.
 *
 * ```text
 * activeₚ      = customers with activity in period p
 * acquiredₚ    = customers whose first activity is in p
 * retainedₚ    = |activeₚ₋₁ ∩ activeₚ|
 * reactivatedₚ = activeₚ − acquiredₚ − retainedₚ
 * churnedₚ     = activeₚ₋₁ − retainedₚ
 * retentionₚ   = retainedₚ / activeₚ₋₁        churnₚ = churnedₚ / activeₚ₋₁ = 1 − retentionₚ
 * ```
 *
 * This is the textbook (E − N)/S with S = activeₚ₋₁, except that returning customers are
 * neither retained nor new: they are reported apart, so that retention + churn = 1.
 * With spans (first/last active instants) a customer is active in every period between them.
 *
 * @param activity Interaction records (one per activity) or one span per customer.
 * @param options Calendar `unit` (default `'month'`), `observationEnd`, `activity` filter and
 *   accessors (see {@link ActivityOptions}).
 * @returns One row per period; `periods` is empty without activity.
 * @throws `INVALID_DATE`, `ORDER_VIOLATION` (activity after the observation end, a span ending
 *   before it starts, a first activity after it), `INVALID_RECORD` (bad customer id),
 *   `INVALID_OPTION` (bad unit or filter, `activity: 'purchases'` with spans, one span accessor alone),
 *   `OUT_OF_RANGE` (naming the span and the limit, before anything is allocated) when the
 *   activity spans more than 100,000 periods from the first activity to the observation end:
 *   a mistyped year, or a unit too short for the span.
 *   `INVALID_INPUT` when `activity` is not an array, a typed array or an iterable; `INVALID_OPTION`
 *   for options that are not a plain object, an unknown option key (the near miss is suggested:
 *   `levle` → `level`) or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { periodRetention } from 'cx-metrics/retention';
 * const visits = [
 *   { customerId: 'a', at: Date.UTC(2024, 0, 5) }, { customerId: 'b', at: Date.UTC(2024, 0, 9) },
 *   { customerId: 'a', at: Date.UTC(2024, 1, 3) }, { customerId: 'c', at: Date.UTC(2024, 1, 7) },
 *   { customerId: 'b', at: Date.UTC(2024, 2, 1) },
 * ];
 * const { periods } = periodRetention(visits, { unit: 'month' });
 * periods[1]; // => { period: '2024-02', active: 2, acquired: 1, retained: 1, churned: 1, retentionRate: 0.5 }
 * periods[2]; // => { period: '2024-03', active: 1, retained: 0, reactivated: 1, churned: 2, churnRate: 1 }
 * periodRetention([{ customerId: 'a', at: -8.64e15 }, { customerId: 'a', at: 8.64e15 }], { unit: 'day' }); // => throws OUT_OF_RANGE
 * periodRetention([{ customerId: 'a', at: -8.64e15 }], { unit: 'year' }).periods[0].period; // => '-271821'
 * ```
 */
export function periodRetention<T>(activity: Values<T>, ...[options]: ActivityArguments<T>): PeriodRetentionResult {
  const a = collectActivity('periodRetention', activity, options as ActivityOptions<T> | undefined, true);
  const base = minFirst(a);
  const periods: PeriodRetentionRow[] = [];
  if (base !== undefined) {
    const count = requirePeriodSpan('periodRetention', a, base);
    const active = new Float64Array(count);
    const acquired = new Float64Array(count);
    const retained = new Float64Array(count);
    for (let s = 0; s < a.customers; s++) {
      const f = (a.first[s] as number) - base;
      acquired[f] = (acquired[f] as number) + 1;
    }
    const { bits } = a;
    if (bits === null) {
      // Spans: difference arrays, active on [first, last], retained on [first + 1, last].
      const dActive = new Float64Array(count + 1);
      const dRetained = new Float64Array(count + 1);
      for (let s = 0; s < a.customers; s++) {
        const f = (a.first[s] as number) - base;
        const l = (a.last[s] as number) - base;
        dActive[f] = (dActive[f] as number) + 1;
        dActive[l + 1] = (dActive[l + 1] as number) - 1;
        if (l > f) {
          dRetained[f + 1] = (dRetained[f + 1] as number) + 1;
          dRetained[l + 1] = (dRetained[l + 1] as number) - 1;
        }
      }
      let x = 0;
      let y = 0;
      for (let p = 0; p < count; p++) {
        x += dActive[p] as number;
        y += dRetained[p] as number;
        active[p] = x;
        retained[p] = y;
      }
    } else {
      forEachActivePeriod(a, (slot, p) => {
        const i = p - base;
        active[i] = (active[i] as number) + 1;
        if (p > (a.first[slot] as number) && hasPeriod(bits, slot, p - 1)) retained[i] = (retained[i] as number) + 1;
      });
    }
    for (let p = 0; p < count; p++) {
      const before = p === 0 ? 0 : (active[p - 1] as number);
      const r = retained[p] as number;
      const churned = before - r;
      periods.push(
        Object.freeze({
          period: periodLabel(base + p, a.unit),
          start: periodStart(base + p, a.unit),
          active: active[p] as number,
          acquired: acquired[p] as number,
          retained: r,
          reactivated: (active[p] as number) - (acquired[p] as number) - r,
          churned,
          retentionRate: before > 0 ? r / before : undefined,
          churnRate: before > 0 ? churned / before : undefined,
        }),
      );
    }
  }
  return Object.freeze({
    unit: a.unit,
    periods: Object.freeze(periods),
    customers: a.customers,
    records: a.records,
    skipped: a.skipped,
    ignored: a.ignored,
  });
}
