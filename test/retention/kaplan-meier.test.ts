import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/retention/kaplan-meier';
import { kaplanMeierTally } from '../../src/retention/kaplan-meier-tally';
import { errorCode } from '../support/error-code';

type Row = { t: number; e: boolean };
const byRow = { duration: (d: Row) => d.t, churned: (d: Row) => d.e };
const rows = (pairs: [number, 0 | 1][]): Row[] => pairs.map(([t, e]) => ({ t, e: e === 1 }));

describe('kaplanMeier: known values', () => {
  // Independent computation (python3 + scipy.stats.norm.ppf(0.975), by the formulas of
  // Klein & Moeschberger 2003 §4.2–4.3): S = Π(1 − d/n), Greenwood SE = S·√Σ d/(n(n − d)),
  // log-log band S^exp(∓z√v/ln S), log band S·exp(−z√v).
  const data = rows([[1, 1], [2, 1], [2, 1], [2, 0], [3, 1], [4, 0], [5, 1], [6, 1], [6, 0], [8, 0]]);
  const expected = [
    // time, atRisk, events, S, SE, lower (log-log), upper (log-log), lower (log)
    [1, 10, 1, 0.9, 0.09486832980505137, 0.47300927136205034, 0.9852813933673431, 0.7320116427439927],
    [2, 9, 2, 0.7, 0.14491376746189438, 0.3287165932797347, 0.8919490412248443, 0.46653322613948905],
    [3, 6, 1, 0.5833333333333334, 0.16101529717988267, 0.22978651892398366, 0.8207394971721561, 0.33959621908419524],
    [4, 5, 0, 0.5833333333333334, 0.16101529717988267, 0.22978651892398366, 0.8207394971721561, 0.33959621908419524],
    [5, 4, 1, 0.4375, 0.17473938928205818, 0.11871521791481762, 0.7256487921236798, 0.19998825234428044],
    [6, 3, 1, 0.2916666666666667, 0.16657983849371624, 0.04705501429507142, 0.6085264832472468, 0.09522244230877204],
    [8, 1, 0, 0.2916666666666667, 0.16657983849371624, 0.04705501429507142, 0.6085264832472468, 0.09522244230877204],
  ] as const;
  it('Ŝ, at-risk and event counts, Greenwood SE and the log-log band', () => {
    const km = kaplanMeier(data, byRow);
    expect(km.steps.map((s) => s.time)).toEqual(expected.map((e) => e[0]));
    km.steps.forEach((s, i) => {
      const e = expected[i] as (typeof expected)[number];
      expect(s.atRisk).toBe(e[1]);
      expect(s.events).toBe(e[2]);
      expect(s.survival).toBeCloseTo(e[3], 13);
      expect(s.standardError).toBeCloseTo(e[4], 13);
      expect(s.lower).toBeCloseTo(e[5], 12);
      expect(s.upper).toBeCloseTo(e[6], 12);
    });
    expect(km.subjects).toBe(10);
    expect(km.events).toBe(6);
    expect(km.censored).toBe(4);
    expect(km.confidence).toBe('log-log');
  });
  it('the log band', () => {
    const km = kaplanMeier(data, { ...byRow, confidence: 'log' });
    km.steps.forEach((s, i) => expect(s.lower).toBeCloseTo((expected[i] as (typeof expected)[number])[7], 12));
  });
  it('median and restricted mean by hand', () => {
    const km = kaplanMeier(data, byRow);
    expect(km.median).toBe(5); // first time with Ŝ ≤ 0.5
    // ∫₀⁸ Ŝ = 1·1 + 0.9·1 + 0.7·1 + 0.58333·2 + 0.4375·1 + 0.29167·2
    expect(km.restrictedMean).toBeCloseTo(1 + 0.9 + 0.7 + (0.5833333333333334 * 2) + 0.4375 + 0.2916666666666667 * 2, 12);
    expect(kaplanMeier(data, { ...byRow, horizon: 2.5 }).restrictedMean).toBeCloseTo(1 + 0.9 + 0.7 * 0.5, 12);
    expect(kaplanMeier(data, { ...byRow, horizon: 10 }).restrictedMean).toBeCloseTo(4.7875 + 0.2916666666666667 * 2, 12);
  });
  it('median at exactly 0.5 is the midpoint to the next event time (R survfit)', () => {
    expect(kaplanMeier(rows([[1, 1], [2, 1], [3, 1], [4, 1]]), byRow).median).toBe(2.5);
    expect(kaplanMeier(rows([[1, 1], [2, 0], [3, 0]]), byRow).median).toBeUndefined();
  });
  it('a curve that reaches 0 has zero SE and a degenerate band', () => {
    const km = kaplanMeier(rows([[1, 1], [2, 1]]), byRow);
    const last = km.steps[1];
    expect(last?.survival).toBe(0);
    expect(last?.standardError).toBe(0);
    expect([last?.lower, last?.upper]).toEqual([0, 0]);
  });
  it('empty input: no steps, undefined figures; nulls skipped', () => {
    const km = kaplanMeier([null, { t: null, e: true }] as unknown as Row[], byRow);
    expect(km.steps).toEqual([]);
    expect(km.median).toBeUndefined();
    expect(km.restrictedMean).toBeUndefined();
    expect(km.skipped).toBe(2);
  });
});

describe('kaplanMeier: from activity', () => {
  const at = (y: number, m: number) => Date.UTC(y, m, 15);
  const visits = [
    { customerId: 'a', at: at(2024, 0) }, { customerId: 'a', at: at(2024, 1) }, // churned after 2 months
    { customerId: 'b', at: at(2024, 0) }, { customerId: 'b', at: at(2024, 5) }, // active at the end: censored at 6
    { customerId: 'c', at: at(2024, 2) }, // churned after 1 month
    { customerId: 'd', at: at(2024, 3) }, { customerId: 'd', at: at(2024, 4) }, // churned after 2
  ];
  it('lifetimes in periods: last − first + 1 when churned, end − first + 1 when censored', () => {
    const km = kaplanMeier(visits, { unit: 'month', observationEnd: Date.UTC(2024, 5, 30) });
    expect(km.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([
      [1, 4, 1, 0],
      [2, 3, 2, 0],
      [6, 1, 0, 1],
    ]);
    expect(km.unit).toBe('month');
    // churnAfter 2: d (last May, end June) is now censored at 3 periods.
    const patient = kaplanMeier(visits, { unit: 'month', observationEnd: Date.UTC(2024, 5, 30), churnAfter: 2 });
    expect(patient.steps.map((s) => [s.time, s.events, s.censored])).toEqual([[1, 1, 0], [2, 1, 0], [3, 0, 1], [6, 0, 1]]);
  });
  it('spans: churned when lastActive is given', () => {
    const spans = [
      { from: at(2024, 0), to: at(2024, 2) },
      { from: at(2024, 1), to: null },
    ];
    const km = kaplanMeier(spans, { unit: 'month', observationEnd: at(2024, 3), firstActive: (d) => d.from, lastActive: (d) => d.to });
    expect(km.steps.map((s) => [s.time, s.events, s.censored])).toEqual([[3, 1, 1]]);
  });
  it('rejects activity after the observation end and a span ending before it starts', () => {
    expect(errorCode(() => kaplanMeier(visits, { unit: 'month', observationEnd: Date.UTC(2024, 4, 1) }))).toBe('ORDER_VIOLATION');
    expect(
      errorCode(() => kaplanMeier([{ from: at(2024, 3), to: at(2024, 1) }], { firstActive: (d) => d.from, lastActive: (d) => d.to })),
    ).toBe('ORDER_VIOLATION');
    expect(
      errorCode(() =>
        kaplanMeier([{ from: at(2024, 3), to: null }], { observationEnd: at(2024, 1), firstActive: (d) => d.from, lastActive: (d) => d.to }),
      ),
    ).toBe('ORDER_VIOLATION');
    expect(errorCode(() => kaplanMeier([{ customerId: 'a', at: Number.NaN }], {}))).toBe('INVALID_DATE');
    expect(errorCode(() => kaplanMeier(visits, { churnAfter: 0 }))).toBe('OUT_OF_RANGE');
  });
});

describe('kaplanMeier: properties', () => {
  const subjects = fc.array(fc.record({ t: fc.integer({ min: 0, max: 30 }), e: fc.boolean() }), { minLength: 1, maxLength: 60 });
  test.prop([subjects], { numRuns: 150 })('Ŝ is non-increasing, within [0, 1], band brackets it', (data) => {
    const km = kaplanMeier(data, byRow);
    let previous = 1;
    for (const s of km.steps) {
      expect(s.survival).toBeLessThanOrEqual(previous + 1e-15);
      expect(s.survival).toBeGreaterThanOrEqual(0);
      expect(s.lower).toBeLessThanOrEqual(s.survival + 1e-12);
      expect(s.upper).toBeGreaterThanOrEqual(s.survival - 1e-12);
      expect(s.lower).toBeGreaterThanOrEqual(0);
      expect(s.upper).toBeLessThanOrEqual(1);
      previous = s.survival;
    }
    expect(km.events + km.censored).toBe(data.length);
  });
  test.prop([fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 })], { numRuns: 150 })(
    'without censoring Ŝ(t) is the empirical survival |{T > t}| / n',
    (times) => {
      const km = kaplanMeier(times, { duration: (t) => t, churned: () => true });
      for (const s of km.steps) {
        const empirical = times.filter((t) => t > s.time).length / times.length;
        expect(s.survival).toBeCloseTo(empirical, 12);
      }
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
    const a = kaplanMeier(data, byRow);
    const b = kaplanMeier([...data].reverse(), byRow);
    expect(b).toEqual(a);
  });
});

describe('kaplanMeier: bad input', () => {
  it('throws with codes', () => {
    expect(errorCode(() => kaplanMeier([{ t: Number.NaN, e: true }], byRow))).toBe('INVALID_NUMBER');
    expect(errorCode(() => kaplanMeier([{ t: -1, e: true }], byRow))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => kaplanMeier([{ t: 1, e: 1 as never }], byRow))).toBe('INVALID_RECORD');
    expect(errorCode(() => kaplanMeier([{ t: 1, e: true }], { ...byRow, level: 95 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => kaplanMeier([{ t: 1, e: true }], { ...byRow, horizon: -1 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => kaplanMeier([{ t: 1, e: true }], { ...byRow, confidence: 'arcsine' as never }))).toBe('INVALID_OPTION');
    expect(errorCode(() => kaplanMeier([{ t: 1, e: true }], { duration: byRow.duration } as never))).toBe('INVALID_OPTION');
  });
});

describe('kaplanMeierTally: batch = fold = merge of any split', () => {
  const observations = fc.array(fc.record({ duration: fc.integer({ min: 0, max: 20 }).map((t) => t / 2), churned: fc.boolean() }), {
    maxLength: 50,
  });
  test.prop([observations, fc.nat()], { numRuns: 100 })('same curve as kaplanMeier', (data, cut) => {
    const split = data.length === 0 ? 0 : cut % (data.length + 1);
    const settings = { confidence: 'log' as const, level: 0.9 };
    const left = data.slice(0, split).reduce(kaplanMeierTally.add, kaplanMeierTally.create(settings));
    const right = data.slice(split).reduce(kaplanMeierTally.add, kaplanMeierTally.create(settings));
    const merged = kaplanMeierTally.result(kaplanMeierTally.merge(right, left));
    const batch = kaplanMeier(data, { duration: (d) => d.duration, churned: (d) => d.churned, ...settings });
    expect(merged).toEqual(batch);
    expect(JSON.parse(JSON.stringify(left))).toEqual(left);
  });
  it('bad input and mismatched settings', () => {
    expect(errorCode(() => kaplanMeierTally.add(kaplanMeierTally.create(), { duration: Number.NaN, churned: true }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => kaplanMeierTally.add(kaplanMeierTally.create(), { duration: -2, churned: true }, 4))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => kaplanMeierTally.add(kaplanMeierTally.create(), { duration: 2, churned: 'no' as never }))).toBe('INVALID_RECORD');
    expect(errorCode(() => kaplanMeierTally.create({ level: 2 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => kaplanMeierTally.merge(kaplanMeierTally.create(), kaplanMeierTally.create({ level: 0.9 })))).toBe('INCONSISTENT_INPUT');
    const state = kaplanMeierTally.add(kaplanMeierTally.create(), null as never);
    expect(state.skipped).toBe(1);
    expect(kaplanMeierTally.result(state).median).toBeUndefined();
  });
});
