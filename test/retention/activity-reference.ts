/**
 * Brute-force references for the activity-based retention functions: each customer's set of
 * active calendar periods, computed with `Date` getters on plain `Map`/`Set`s (no bit words, no
 * difference arrays, no shared calendar code), and the arbitraries the property tests draw from.
 */
import { fc } from '@fast-check/vitest';

export type Unit = 'month' | 'quarter' | 'year';

/** The UTC calendar period of an instant, as an integer that increases by one per period. */
export function periodOf(ms: number, unit: Unit): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return unit === 'month' ? y * 12 + m : unit === 'quarter' ? y * 4 + Math.floor(m / 3) : y;
}

export type Visit = { customerId: string | number; at: number; type?: string };

/** Customer → the set of periods with at least one record. */
export function activePeriods(visits: readonly Visit[], unit: Unit): Map<string | number, Set<number>> {
  const periods = new Map<string | number, Set<number>>();
  for (const v of visits) {
    let s = periods.get(v.customerId);
    if (s === undefined) periods.set(v.customerId, (s = new Set()));
    s.add(periodOf(v.at, unit));
  }
  return periods;
}

export type Span = { from: number; to: number | null };

/** Customer (by index) → every period from `from` to `to`, or to the observation end when `to` is null. */
export function spanPeriods(spans: readonly Span[], unit: Unit, end: number): Map<number, Set<number>> {
  const periods = new Map<number, Set<number>>();
  spans.forEach((s, i) => {
    const set = new Set<number>();
    const last = s.to === null ? end : periodOf(s.to, unit);
    for (let p = periodOf(s.from, unit); p <= last; p++) set.add(p);
    periods.set(i, set);
  });
  return periods;
}

export const FROM = Date.UTC(2023, 0, 1);
export const TO = Date.UTC(2024, 11, 31);

export const unitArb: fc.Arbitrary<Unit> = fc.constantFrom('month', 'quarter', 'year');

/** Up to 120 records of up to 16 customers (numeric and string ids) over 2023–2024. */
export const visitsArb: fc.Arbitrary<Visit[]> = fc.array(
  fc.record({
    customerId: fc.oneof(fc.integer({ min: 0, max: 11 }), fc.constantFrom('a', 'b', 'c', '1')),
    at: fc.integer({ min: FROM, max: TO }),
  }),
  { minLength: 1, maxLength: 120 },
);

/** Up to 40 subscriptions over 2023–2024, about half still open. */
export const spansArb: fc.Arbitrary<Span[]> = fc.array(
  fc
    .tuple(fc.integer({ min: FROM, max: TO }), fc.integer({ min: FROM, max: TO }), fc.boolean())
    .map(([a, b, open]) => ({ from: Math.min(a, b), to: open ? null : Math.max(a, b) })),
  { minLength: 1, maxLength: 40 },
);

export const spanAccessors = { firstActive: (d: Span) => d.from, lastActive: (d: Span) => d.to };
