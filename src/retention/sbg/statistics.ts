/**
 * Reading the two input forms of the sBG fit and log-likelihood into the renewal statistics:
 * survivor counts n₀ … n_T of one cohort, or per-customer records read through accessors.
 */
import type { Accessor, Values } from '../../models/values';
import type { SbgStatistics } from './likelihood';
import { forEachValue, isMissing } from '../../internal/input';
import { requireChurnedFlag } from '../churn-flag';
import { atIndex, describeValue, fail, requireCount } from '../../internal/validate';

/** The accessors of the record form (the public option types name them the same). */
interface SbgCustomerAccessors<D> {
  readonly renewals: Accessor<D, number | null | undefined>;
  readonly churned: Accessor<D, boolean | null | undefined>;
}

/** The statistics, the input rows used and those skipped. */
export interface SbgInput extends SbgStatistics {
  readonly rows: number;
  readonly skipped: number;
}

function survivorStatistics(FN: string, survivors: Values<number>, allowEmpty: boolean): SbgStatistics & { rows: number } {
  const counts: number[] = [];
  forEachValue(survivors, (v, i) => {
    if (isMissing(v)) {
      throw fail('INVALID_NUMBER', FN, `survivor count ${describeValue(v)}${atIndex(i)} is missing: the series must be complete`, {
        field: 'survivors',
        value: v,
        index: i,
      });
    }
    const s = requireCount(FN, 'survivor count', v, i);
    const cohort = counts[0];
    const previous = counts[i - 1];
    if (cohort !== undefined && s > cohort) {
      throw fail('INCONSISTENT_INPUT', FN, `survivor count ${s}${atIndex(i)} exceeds the cohort of ${cohort}`, { field: 'survivors', value: v, index: i });
    }
    if (previous !== undefined && s > previous) {
      throw fail('ORDER_VIOLATION', FN, `survivor count ${s}${atIndex(i)} exceeds the ${previous} of the period before: survivors cannot increase`, {
        field: 'survivors',
        value: v,
        index: i,
      });
    }
    counts.push(s);
  });
  const cohort = counts[0] ?? 0;
  if (counts.length < 2 || cohort === 0) {
    if (allowEmpty) return { times: [], events: [], censored: [], customers: cohort, rows: counts.length };
    throw fail('INSUFFICIENT_DATA', FN, 'needs a cohort of at least one customer and the survivors after at least one renewal', {
      field: 'survivors',
    });
  }
  const periods = counts.length - 1;
  const times: number[] = [];
  const events: number[] = [];
  const censored: number[] = [];
  for (let t = 1; t <= periods; t++) {
    const lost = (counts[t - 1] as number) - (counts[t] as number);
    const active = t === periods ? (counts[t] as number) : 0;
    if (lost === 0 && active === 0) continue;
    times.push(t);
    events.push(lost);
    censored.push(active);
  }
  return { times, events, censored, customers: cohort, rows: counts.length };
}

function customerStatistics<D>(FN: string, customers: Values<D>, accessors: SbgCustomerAccessors<D>, allowEmpty: boolean): SbgStatistics & { skipped: number } {
  // Renewal count → [lost at the next opportunity, still active]; sparse, so one customer with
  // a huge renewal count costs one entry, not an array that long.
  const tally = new Map<number, [number, number]>();
  let n = 0;
  let skipped = 0;
  forEachValue(customers, (d, i) => {
    const r = isMissing(d) ? undefined : accessors.renewals(d, i);
    const c = isMissing(d) ? undefined : accessors.churned(d, i);
    if (isMissing(r) || isMissing(c)) {
      skipped++;
      return;
    }
    const renewals = requireCount(FN, 'renewals', r, i);
    const churned = requireChurnedFlag(FN, c, i);
    n++;
    // Churned: lost at opportunity renewals + 1. Active with 0 renewals: S(0) = 1, nothing to add.
    const t = churned ? renewals + 1 : renewals;
    if (t === 0) return;
    let entry = tally.get(t);
    if (entry === undefined) tally.set(t, (entry = [0, 0]));
    entry[churned ? 0 : 1]++;
  });
  if (n === 0 && !allowEmpty) throw fail('INSUFFICIENT_DATA', FN, 'no customer records to fit', { field: 'customers' });
  const times = Array.from(tally.keys()).sort((a, b) => a - b);
  const counts = times.map((t) => tally.get(t) as [number, number]);
  return { times, events: counts.map((e) => e[0]), censored: counts.map((e) => e[1]), customers: n, skipped };
}


/**
 * Either form: per-customer records when an accessor is given (both are then required), survivor
 * counts otherwise. With `allowEmpty`, no records (or a series without a renewal) give empty
 * statistics instead of `INSUFFICIENT_DATA`.
 */
export function readSbgInput<D>(
  fn: string,
  input: Values<D> | Values<number>,
  accessors: { readonly renewals?: unknown; readonly churned?: unknown },
  allowEmpty = false,
): SbgInput {
  if (accessors.renewals !== undefined || accessors.churned !== undefined) {
    if (typeof accessors.renewals !== 'function' || typeof accessors.churned !== 'function') {
      throw fail('INVALID_OPTION', fn, 'per-customer records need both accessors, renewals and churned', { field: 'renewals' });
    }
    const s = customerStatistics(fn, input as Values<D>, accessors as SbgCustomerAccessors<D>, allowEmpty);
    return { ...s, rows: s.customers };
  }
  const s = survivorStatistics(fn, input as Values<number>, allowEmpty);
  return { ...s, skipped: 0 };
}
