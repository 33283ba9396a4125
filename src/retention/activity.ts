/**
 * How the activity-based retention functions ({@link periodRetention}, {@link cohortRetention},
 * {@link kaplanMeier} from activity) read customers' activity: interaction records (one per
 * event) or one span per customer (first and last active instants).
 */
import type { Instant, TimeUnit } from "../models/time";
import type { Accessor } from "../models/values";

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
  readonly activity?: "any" | "purchases";
}

/**
 * The documented activity row: an {@link models!Interaction} or any record with these fields.
 * Only on rows of this shape do the activity functions read fields without accessors; any
 * other record type needs the `customerId` and `at` accessors (and `type` with
 * `activity: 'purchases'`), which the types require.
 */
export interface ActivityRecord {
  /** The customer: a string or a finite number. */
  readonly customerId: string | number | null | undefined;
  /** When the activity happened. */
  readonly at: Instant | null | undefined;
  /** The record's type (`'purchase'` counts with `activity: 'purchases'`). */
  readonly type?: string | null | undefined;
}

/**
 * Read activity from interaction records, one per event. Every accessor may return
 * `null`/`undefined` to skip the record (counted in `skipped`). Without an accessor the field
 * of the same name is read, which only {@link ActivityRecord} rows have: for other record types
 * the accessors are required (see {@link ActivityOptions}), and a record lacking the field
 * throws `INVALID_OPTION` naming the missing accessor.
 */
export interface ActivityRecordAccessors<T> {
  /** The customer: a string or a finite number (`'1'` ≠ `1`). Default (on {@link ActivityRecord} rows) `d.customerId`. */
  readonly customerId?: Accessor<T, string | number | null | undefined>;
  /** When the activity happened: a `Date` or epoch milliseconds. Default (on {@link ActivityRecord} rows) `d.at`. */
  readonly at?: Accessor<T, Instant | null | undefined>;
  /** The record's type, read only with `activity: 'purchases'`. Default (on {@link ActivityRecord} rows) `d.type`. */
  readonly type?: Accessor<T, string | null | undefined>;
  /** Spans only (see {@link ActivitySpanAccessors}): not with record accessors. */
  readonly firstActive?: never;
  /** Spans only (see {@link ActivitySpanAccessors}): not with record accessors. */
  readonly lastActive?: never;
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
  /** Records only: spans have no customer id field to read. */
  readonly customerId?: never;
  /** Records only. */
  readonly at?: never;
  /** Records only: spans have no type. */
  readonly type?: never;
  /** Spans have no type, so only `'any'`. */
  readonly activity?: "any";
}

/**
 * Activity options: the settings plus either record accessors or span accessors. On
 * {@link ActivityRecord} rows the record accessors are optional; on any other record type
 * `customerId` and `at` are required, and `type` too with `activity: 'purchases'`.
 */
export type ActivityOptions<T> = ActivitySettings &
  (
    | ([T] extends [ActivityRecord | null | undefined]
        ? ActivityRecordAccessors<T>
        :
            | (ActivityRecordAccessors<T> &
                Required<
                  Pick<ActivityRecordAccessors<T>, "customerId" | "at">
                > & {
                  /** Without a `type` accessor only `'any'`: `'purchases'` needs it on this row type. */
                  readonly activity?: "any";
                })
            | (ActivityRecordAccessors<T> &
                Required<
                  Pick<ActivityRecordAccessors<T>, "customerId" | "at" | "type">
                >))
    | ActivitySpanAccessors<T>
  );

/**
 * The options argument of the activity functions: optional on {@link ActivityRecord} rows
 * (every default), required on any other record type (its accessors).
 */
export type ActivityArguments<T> = [T] extends [
  ActivityRecord | null | undefined
]
  ? [options?: ActivityOptions<T>]
  : [options: ActivityOptions<T>];
