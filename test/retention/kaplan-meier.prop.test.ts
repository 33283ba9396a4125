import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { kaplanMeier } from '../../src/retention/kaplan-meier';

type Row = { t: number; e: boolean };
const byRow = { duration: (d: Row) => d.t, churned: (d: Row) => d.e };
const subjects = fc.array(fc.record({ t: fc.integer({ min: 0, max: 30 }), e: fc.boolean() }), { minLength: 1, maxLength: 60 });
const confidence = fc.constantFrom('log-log' as const, 'log' as const, 'plain' as const);

test.prop([subjects, confidence], { numRuns: 150 })('Ŝ is non-increasing, within [0, 1], the band brackets it', (data, transform) => {
  const km = kaplanMeier(data, { ...byRow, confidence: transform });
  let previous = 1;
  let atRisk = data.length;
  for (const s of km.steps) {
    expect(s.survival).toBeLessThanOrEqual(previous);
    expect(s.survival).toBeGreaterThanOrEqual(0);
    expect(s.interval.lower).toBeLessThanOrEqual(s.survival + 1e-12);
    expect(s.interval.upper).toBeGreaterThanOrEqual(s.survival - 1e-12);
    expect(s.interval.lower).toBeGreaterThanOrEqual(0);
    expect(s.interval.upper).toBeLessThanOrEqual(1);
    expect(s.atRisk).toBe(atRisk);
    expect(s.atRisk).toBe(data.filter((d) => d.t >= s.time).length);
    atRisk -= s.events + s.censored;
    previous = s.survival;
  }
  expect(km.events + km.censored).toBe(data.length);
  const r = km.restrictedMean as number;
  expect(r).toBeGreaterThanOrEqual(0);
  expect(r).toBeLessThanOrEqual(km.horizon as number);
});

test.prop([fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 })], { numRuns: 150 })(
  'without censoring Ŝ(t) is the empirical survival |{T > t}| / n and the restricted mean the sample mean',
  (times) => {
    const km = kaplanMeier(times, { duration: (t) => t, churned: () => true });
    for (const s of km.steps) {
      const empirical = times.filter((t) => t > s.time).length / times.length;
      expect(s.survival).toBeCloseTo(empirical, 12);
    }
    expect(km.restrictedMean).toBeCloseTo(times.reduce((a, b) => a + b, 0) / times.length, 9);
  },
);

test.prop(
  [
    fc.array(fc.record({ customerId: fc.integer({ min: 0, max: 12 }), at: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2024, 5, 30) }) }), {
      minLength: 1,
      maxLength: 80,
    }),
    fc.integer({ min: 1, max: 4 }),
  ],
  { numRuns: 80 },
)('from activity equals the duration curve of brute-force lifetimes', (visits, churnAfter) => {
  const end = 2024 * 12 + 5;
  const spans = new Map<number, [number, number]>();
  for (const v of visits) {
    const d = new Date(v.at);
    const p = d.getUTCFullYear() * 12 + d.getUTCMonth();
    const s = spans.get(v.customerId) ?? [p, p];
    spans.set(v.customerId, [Math.min(s[0], p), Math.max(s[1], p)]);
  }
  const lifetimes = [...spans.values()].map(([f, l]) => (end - l >= churnAfter ? { t: l - f + 1, e: true } : { t: end - f + 1, e: false }));
  const fromActivity = kaplanMeier(visits, { unit: 'month', observationEnd: Date.UTC(2024, 5, 30), churnAfter });
  const fromDurations = kaplanMeier(lifetimes, byRow);
  expect(fromActivity.steps).toEqual(fromDurations.steps);
  expect(fromActivity.restrictedMean).toBeCloseTo(fromDurations.restrictedMean as number, 12);
});

test.prop([subjects], { numRuns: 60 })('invariant under reordering', (data) => {
  expect(kaplanMeier([...data].reverse(), byRow)).toEqual(kaplanMeier(data, byRow));
});
