/**
 * How the activity-based retention functions ({@link periodRetention}, {@link cohortRetention},
 * {@link kaplanMeier} from activity) read customers' activity: interaction records (one per
 * event) or one span per customer (first and last active instants).
 */
import type { Instant, TimeUnit } from '../models/time';
import type { Accessor } from '../models/values';

/** Calendar settings shared by every activity-based retention function. */
export interface ActivitySettings {
  /** The UTC calendar period activity is bucketed in (ISO weeks for `'week'`). Default `'month'`. */
  readonly unit?: TimeUnit;
  /**
   * End of observation: an instant in the last calendar period observed, which is observed
   * whole (activity later in that same period counts). Activity in a later period, a first
   * activity included, throws `ORDER_VIOLATION`; customers without a last-active instant are
   * active through it. Default: the period of the latest activity.
   */
  readonly observationEnd?: Instant;
  /**
   * Which interaction records count as activity: `'any'` (default) or `'purchases'` (records
   * whose `type` is `'purchase'`; the others are ignored and counted in `ignored`). Records mode
   * only: spans have no type, and `'purchases'` with spans throws `INVALID_OPTION`.
   */
  readonly activity?: 'any' | 'purchases';
}

/**
 * Read activity from interaction records, one per event. Every accessor may return
 * `null`/`undefined` to skip the record (counted in `skipped`). Defaults read the fields of an
 * {@link models!Interaction}: `customerId`, `at`, `type`.
 */
export interface ActivityRecordAccessors<T> {
  /** The customer: a string or a finite number (`'1'` ≠ `1`). Default `d.customerId`. */
  readonly customerId?: Accessor<T, string | number | null | undefined>;
  /** When the activity happened: a `Date` or epoch milliseconds. Default `d.at`. */
  readonly at?: Accessor<T, Instant | null | undefined>;
  /** The record's type, read only with `activity: 'purchases'`. Default `d.type`. */
  readonly type?: Accessor<T, string | null | undefined>;
}

/**
 * Read activity as one span per customer record: active in every period from `firstActive` to
 * `lastActive`, both included (a subscription). A `null`/`undefined` `lastActive` means still
 * active at the observation end; a `null`/`undefined` `firstActive` skips the record.
 */
export interface ActivitySpanAccessors<T> {
  /** First active instant (acquisition, sign-up). */
  readonly firstActive: Accessor<T, Instant | null | undefined>;
  /** Last active instant (cancellation); `null`/`undefined` while still active. Not before `firstActive`. */
  readonly lastActive: Accessor<T, Instant | null | undefined>;
}

/** Activity options: the settings plus either record accessors (the default) or span accessors. */
export type ActivityOptions<T> = ActivitySettings & (ActivityRecordAccessors<T> | ActivitySpanAccessors<T>);
