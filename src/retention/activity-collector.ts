/**
 * One pass over customers' activity into per-customer state held in typed arrays: the first
 * and last active period of each customer (a `Map` gives each id a slot), and, when asked, the
 * set of periods each customer was active in as 32-period bit words in an open-addressing hash
 * map keyed by (slot, period >> 5). Memory grows with customers × active 32-period blocks,
 * never with the number of records.
 */
import type { ActivityOptions, ActivityRecordAccessors, ActivitySettings, ActivitySpanAccessors } from './activity';
import type { TimeUnit } from '../internal/time';
import type { Values } from '../internal/values';
import { MAX_EPOCH_MS, periodIndex, periodLabel, requireTimeUnit, toEpochMs } from '../internal/calendar';
import { requireCustomerId } from '../models/customer-id';
import { forEachValue, isMissing, requireValues } from '../internal/input';
import { atIndex, describeValue, fail, requireOneOf } from '../internal/validate';
import { readOptions, requireAccessor } from '../internal/options';

/** Per-customer activity bits: (slot, block) → 32 bits, block = period >> 5, bit = period & 31. */
export interface PeriodBits {
  /** Interleaved keys [slot + 1, block]; slot + 1 = 0 marks an empty cell. */
  keys: Int32Array;
  /** The bit word of each cell. */
  words: Uint32Array;
  mask: number;
  size: number;
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

function createBits(cells: number): PeriodBits {
  let c = 1024;
  while (c < cells) c *= 2;
  return { keys: new Int32Array(c * 2), words: new Uint32Array(c), mask: c - 1, size: 0 };
}

/** Index of the cell of (slot, block), inserting an empty word when absent. */
function cell(bits: PeriodBits, slot: number, block: number): number {
  const key = slot + 1;
  let i = hash(key, block) & bits.mask;
  for (;;) {
    const k = bits.keys[2 * i];
    if (k === 0) break;
    if (k === key && bits.keys[2 * i + 1] === block) return i;
    i = (i + 1) & bits.mask;
  }
  bits.keys[2 * i] = key;
  bits.keys[2 * i + 1] = block;
  bits.size++;
  if (bits.size * 2 > bits.mask + 1) {
    grow(bits);
    return cell(bits, slot, block);
  }
  return i;
}

function grow(bits: PeriodBits): void {
  const { keys, words } = bits;
  const next = createBits((bits.mask + 1) * 2);
  for (let j = 0; j < words.length; j++) {
    const key = keys[2 * j] as number;
    if (key === 0) continue;
    const block = keys[2 * j + 1] as number;
    let i = hash(key, block) & next.mask;
    while (next.keys[2 * i] !== 0) i = (i + 1) & next.mask;
    next.keys[2 * i] = key;
    next.keys[2 * i + 1] = block;
    next.words[i] = words[j] as number;
  }
  bits.keys = next.keys;
  bits.words = next.words;
  bits.mask = next.mask;
}

/** Whether (slot, period) is set. */
export function hasPeriod(bits: PeriodBits, slot: number, period: number): boolean {
  const key = slot + 1;
  const block = period >> 5;
  let i = hash(key, block) & bits.mask;
  for (;;) {
    const k = bits.keys[2 * i];
    if (k === 0) return false;
    if (k === key && bits.keys[2 * i + 1] === block) return ((bits.words[i] as number) & (1 << (period & 31))) !== 0;
    i = (i + 1) & bits.mask;
  }
}

/** What one pass over the activity leaves. */
export interface CollectedActivity {
  readonly unit: TimeUnit;
  /** Customers (slots 0 … customers − 1). */
  readonly customers: number;
  /** First active period per slot. */
  readonly first: Int32Array;
  /** Last active period per slot (spans: the end period when still active). */
  readonly last: Int32Array;
  /** Whether each slot's last period is known to be its last activity (false: still active, spans mode). */
  readonly open: Uint8Array;
  /** Per-customer active periods (records mode with `trackPeriods`); `null` otherwise (spans: active every period first … last). */
  readonly bits: PeriodBits | null;
  /** Whether the activity was read as spans (`firstActive` / `lastActive`) rather than records. */
  readonly spans: boolean;
  /** The observation end period: given, or the latest activity period. */
  readonly end: number;
  readonly endGiven: boolean;
  /** Records read, skipped (a null field) and ignored (not a purchase with `activity: 'purchases'`). */
  readonly records: number;
  readonly skipped: number;
  readonly ignored: number;
}

/**
 * The default reader of a documented `ActivityRecord` field: the field's value, or
 * `INVALID_OPTION` when the record has no `customerId` / `at` field (a record of another
 * shape, for which the accessor is required), or `INVALID_RECORD` when it is not an object.
 */
const readField =
  (fn: string, field: 'customerId' | 'at' | 'type') =>
  (d: unknown, i: number): unknown => {
    if (typeof d === 'object' && d !== null) {
      // `type` is optional on an ActivityRecord: absent reads as missing.
      if (field === 'type' || field in d) return (d as Record<string, unknown>)[field];
      throw fail('INVALID_OPTION', fn, `record at index ${i} has no ${field} field: pass the ${field} accessor for records that are not { customerId, at, type }`, {
        field,
        index: i,
      });
    }
    throw fail('INVALID_RECORD', fn, `record ${describeValue(d)} at index ${i} is not an object; pass the customerId and at accessors`, { index: i, value: d });
  };

function grown<A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A {
  const next = make(a.length * 2);
  next.set(a);
  return next;
}

/** The accessors of {@link ActivityOptions}. */
export const ACTIVITY_ACCESSORS = ['customerId', 'at', 'type', 'firstActive', 'lastActive'] as const;

/** Every key of {@link ActivityOptions}: the settings and both kinds of accessors. */
export const ACTIVITY_KEYS: readonly string[] = ['unit', 'observationEnd', 'activity', ...ACTIVITY_ACCESSORS];

/**
 * Collect activity in one pass; see {@link CollectedActivity}. The options pass the input gate
 * here (a plain object of {@link ACTIVITY_KEYS} plus `extraKeys`, accessors that are functions),
 * and so does the data (a collection).
 */
export function collectActivity<T>(
  fn: string,
  values: Values<T>,
  options: ActivityOptions<T> | undefined,
  trackPeriods: boolean,
  extraKeys: readonly string[] = [],
): CollectedActivity {
  const o = readOptions(fn, options, extraKeys.length === 0 ? ACTIVITY_KEYS : [...ACTIVITY_KEYS, ...extraKeys]) as ActivitySettings & {
    customerId?: ActivityRecordAccessors<T>['customerId'];
    at?: ActivityRecordAccessors<T>['at'];
    type?: ActivityRecordAccessors<T>['type'];
    firstActive?: ActivitySpanAccessors<T>['firstActive'];
    lastActive?: ActivitySpanAccessors<T>['lastActive'];
  };
  for (const key of ACTIVITY_ACCESSORS) requireAccessor(fn, key, o[key]);
  requireValues(fn, 'activity', values);
  const unit = requireTimeUnit(fn, 'unit', o.unit ?? 'month');
  const activity = requireOneOf(fn, 'activity', o.activity ?? 'any', ['any', 'purchases'] as const);
  const endGiven = o.observationEnd !== undefined;
  const endMs = endGiven ? toEpochMs(fn, 'observationEnd', o.observationEnd) : 0;
  const endPeriod = endGiven ? periodIndex(endMs, unit) : 0;
  let first = new Int32Array(1024);
  let last = new Int32Array(1024);
  let open = new Uint8Array(1024);
  let n = 0;
  let records = 0;
  let skipped = 0;
  let ignored = 0;
  let maxPeriod = -Infinity;
  const afterEnd = (what: string, value: unknown, p: number, i: number): never => {
    throw fail('ORDER_VIOLATION', fn, `${what} ${describeValue(value)}${atIndex(i)} is after the observation end (${periodLabel(endPeriod, unit)}; period ${periodLabel(p, unit)})`, {
      field: what,
      value,
      index: i,
    });
  };
  const ensure = (): void => {
    if (n === first.length) {
      first = grown(first, (k) => new Int32Array(k));
      last = grown(last, (k) => new Int32Array(k));
      open = grown(open, (k) => new Uint8Array(k));
    }
  };
  let bits: PeriodBits | null = null;
  if (typeof o.firstActive === 'function' || typeof o.lastActive === 'function') {
    if (typeof o.firstActive !== 'function' || typeof o.lastActive !== 'function') {
      throw fail('INVALID_OPTION', fn, 'spans need both accessors, firstActive and lastActive', { field: 'firstActive' });
    }
    if (activity !== 'any') {
      throw fail('INVALID_OPTION', fn, `activity '${activity}' filters interaction records by type; spans (firstActive / lastActive) have no type`, {
        field: 'activity',
        value: activity,
      });
    }
    const firstActive = o.firstActive;
    const lastActive = o.lastActive;
    const stillActive: number[] = [];
    forEachValue(values, (d, i) => {
      const a = isMissing(d) ? undefined : firstActive(d, i);
      if (isMissing(a)) {
        skipped++;
        return;
      }
      const b = lastActive(d, i);
      const f = periodIndex(toEpochMs(fn, 'firstActive', a, i), unit);
      if (endGiven && f > endPeriod) afterEnd('firstActive', a, f, i);
      ensure();
      first[n] = f;
      if (isMissing(b)) {
        open[n] = 1;
        last[n] = f;
        stillActive.push(n);
      } else {
        const l = periodIndex(toEpochMs(fn, 'lastActive', b, i), unit);
        if (l < f) {
          throw fail('ORDER_VIOLATION', fn, `lastActive ${describeValue(b)}${atIndex(i)} is before firstActive ${describeValue(a)}`, {
            field: 'lastActive',
            value: b,
            index: i,
          });
        }
        if (endGiven && l > endPeriod) afterEnd('lastActive', b, l, i);
        last[n] = l;
        if (l > maxPeriod) maxPeriod = l;
      }
      if (f > maxPeriod) maxPeriod = f;
      n++;
      records++;
    });
    const end = endGiven ? endPeriod : maxPeriod;
    for (const s of stillActive) last[s] = end;
    return { unit, customers: n, first, last, open, bits: null, spans: true, end: n === 0 ? endPeriod : end, endGiven, records, skipped, ignored };
  }

  const customerId = o.customerId ?? (readField(fn, 'customerId') as (d: T, i: number) => string | number | null | undefined);
  const at = o.at ?? (readField(fn, 'at') as (d: T, i: number) => number | Date | null | undefined);
  const type = o.type ?? (readField(fn, 'type') as (d: T, i: number) => string | null | undefined);
  const purchasesOnly = activity === 'purchases';
  const slots = new Map<string | number, number>();
  if (trackPeriods) bits = createBits(4096);
  let cacheStart = 1;
  let cacheEnd = 0;
  let cachePeriod = 0;
  const dayMs = 86_400_000;
  forEachValue(values, (d, i) => {
    if (isMissing(d)) {
      skipped++;
      return;
    }
    if (purchasesOnly) {
      const t = type(d, i);
      if (isMissing(t)) {
        skipped++;
        return;
      }
      if (t !== 'purchase') {
        ignored++;
        return;
      }
    }
    const id = customerId(d, i);
    const instant = at(d, i);
    if (isMissing(id) || isMissing(instant)) {
      skipped++;
      return;
    }
    // Fast path for plain epoch ms inside the Date range; anything else is checked in full.
    const ms = typeof instant === 'number' && Math.abs(instant) <= MAX_EPOCH_MS ? instant : toEpochMs(fn, 'at', instant, i);
    let p: number;
    if (ms >= cacheStart && ms < cacheEnd) p = cachePeriod;
    else {
      p = periodIndex(ms, unit);
      // Cache the UTC day containing ms (a day never straddles two periods of any unit).
      cacheStart = Math.floor(ms / dayMs) * dayMs;
      cacheEnd = cacheStart + dayMs;
      cachePeriod = p;
    }
    if (endGiven && p > endPeriod) afterEnd('at', instant, p, i);
    let slot = slots.get(id);
    // The first and last periods' bits are always set: most records (repeat activity in the
    // customer's latest period) need no hashing at all.
    let known = false;
    if (slot === undefined) {
      requireCustomerId(fn, id, i);
      slot = n;
      slots.set(id, slot);
      ensure();
      first[slot] = p;
      last[slot] = p;
      n++;
    } else {
      const f = first[slot] as number;
      const l = last[slot] as number;
      if (p < f) first[slot] = p;
      else if (p > l) last[slot] = p;
      else known = p === l || p === f;
    }
    if (p > maxPeriod) maxPeriod = p;
    if (bits !== null && !known) {
      const c = cell(bits, slot, p >> 5);
      bits.words[c] = (bits.words[c] as number) | (1 << (p & 31));
    }
    records++;
  });
  return {
    unit,
    customers: n,
    first,
    last,
    open,
    bits,
    spans: false,
    end: endGiven || n === 0 ? endPeriod : maxPeriod,
    endGiven,
    records,
    skipped,
    ignored,
  };
}

/**
 * Most calendar periods an activity table may span, from the first activity's period to the
 * observation end's (100,000: 273 years of days, 1,917 years of weeks). Past it the data almost
 * certainly holds a mistyped instant (year +020240), and the table would not fit in memory.
 */
export const MAX_ACTIVITY_PERIODS = 100_000;

/** Most cohorts × periods of a cohort table (10,000,000: e.g. 3,162 daily cohorts over 3,162 days). */
export const MAX_COHORT_CELLS = 10_000_000;

const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The number of periods from `base` to the observation end, or `OUT_OF_RANGE` naming the span
 * and the limit when it exceeds {@link MAX_ACTIVITY_PERIODS}: checked before anything is
 * allocated per period.
 */
export function requirePeriodSpan(fn: string, a: CollectedActivity, base: number): number {
  const periods = a.end - base + 1;
  if (periods > MAX_ACTIVITY_PERIODS) {
    const span = `${periodLabel(base, a.unit)} to ${periodLabel(a.end, a.unit)}`;
    throw fail(
      'OUT_OF_RANGE',
      fn,
      `the activity spans ${count(periods)} ${a.unit}s (${span}), more than the limit of ${count(MAX_ACTIVITY_PERIODS)} periods; look for a mistyped instant, or use a longer unit`,
      { field: 'unit', value: periods },
    );
  }
  return periods;
}

/**
 * The number of cohorts (distinct first periods), or `OUT_OF_RANGE` naming the span and the
 * limit when cohorts × periods exceeds {@link MAX_COHORT_CELLS}.
 */
export function requireCohortCells(fn: string, a: CollectedActivity, base: number, periods: number): number {
  const seen = new Uint8Array(periods);
  let cohorts = 0;
  for (let s = 0; s < a.customers; s++) {
    const c = (a.first[s] as number) - base;
    if (seen[c] === 0) {
      seen[c] = 1;
      cohorts++;
    }
  }
  if (cohorts * periods > MAX_COHORT_CELLS) {
    const span = `${periodLabel(base, a.unit)} to ${periodLabel(a.end, a.unit)}`;
    throw fail(
      'OUT_OF_RANGE',
      fn,
      `${count(cohorts)} cohorts × ${count(periods)} ${a.unit}s (${span}) = ${count(cohorts * periods)} cells, more than the limit of ${count(MAX_COHORT_CELLS)}; use a longer unit or a shorter span`,
      { field: 'unit', value: cohorts * periods },
    );
  }
  return cohorts;
}

/** Smallest first period over the customers (undefined when there are none). */
export function minFirst(a: CollectedActivity): number | undefined {
  if (a.customers === 0) return undefined;
  let m = a.first[0] as number;
  for (let s = 1; s < a.customers; s++) if ((a.first[s] as number) < m) m = a.first[s] as number;
  return m;
}

/**
 * Visit every (slot, period) a customer was active in, once: from the bit words in records
 * mode, every period first … last in spans mode.
 */
export function forEachActivePeriod(a: CollectedActivity, visit: (slot: number, period: number) => void): void {
  const { bits } = a;
  if (bits === null) {
    for (let s = 0; s < a.customers; s++) for (let p = a.first[s] as number, l = a.last[s] as number; p <= l; p++) visit(s, p);
    return;
  }
  const { keys, words } = bits;
  for (let j = 0; j < words.length; j++) {
    const key = keys[2 * j] as number;
    if (key === 0) continue;
    const base = (keys[2 * j + 1] as number) * 32;
    let w = words[j] as number;
    while (w !== 0) {
      const bit = 31 - Math.clz32(w & -w);
      visit(key - 1, base + bit);
      w &= w - 1;
    }
  }
}
