import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/retention/kaplan-meier';
import { errorCode, expectCxMetricsError } from '../support/error-code';
import { reference } from './retention-data';

type Row = { t: number; e: boolean };
const byRow = { duration: (d: Row) => d.t, churned: (d: Row) => d.e };
const rows = (pairs: readonly (readonly [number, 0 | 1])[]): Row[] => pairs.map(([t, e]) => ({ t, e: e === 1 }));

describe('kaplanMeier: the Freireich et al. (1963) 6-MP arm, the textbook example', () => {
  // 21 leukaemia patients, weeks in remission, 12 censored. Published values (Klein &
  // Moeschberger 2003, Table 4.1A; R: survfit(Surv(time, status) ~ 1), conf.type "log"):
  //  time n.risk n.event survival std.err lower 95% upper 95%
  //     6     21       3    0.857  0.0764     0.720     1.000
  //     7     17       1    0.807  0.0869     0.653     0.996
  //    10     15       1    0.753  0.0963     0.586     0.968
  //    13     12       1    0.690  0.1068     0.510     0.935
  //    16     11       1    0.627  0.1141     0.439     0.896
  //    22      7       1    0.538  0.1282     0.337     0.858
  //    23      6       1    0.448  0.1346     0.249     0.807
  // median 23; restricted mean to 35 weeks 23.287 (R print(fit, rmean = 35)).
  const published = [
    [6, 21, 3, 0.857, 0.0764, 0.72, 1],
    [7, 17, 1, 0.807, 0.0869, 0.653, 0.996],
    [10, 15, 1, 0.753, 0.0963, 0.586, 0.968],
    [13, 12, 1, 0.69, 0.1068, 0.51, 0.935],
    [16, 11, 1, 0.627, 0.1141, 0.439, 0.896],
    [22, 7, 1, 0.538, 0.1282, 0.337, 0.858],
    [23, 6, 1, 0.448, 0.1346, 0.249, 0.807],
  ] as const;
  const data = rows(reference.freireich6mp.data);
  it('matches the published table (3–4 decimals)', () => {
    const km = kaplanMeier(data, { ...byRow, confidence: 'log' });
    const eventSteps = km.steps.filter((s) => s.events > 0);
    expect(eventSteps.map((s) => [s.time, s.atRisk, s.events])).toEqual(published.map((p) => [p[0], p[1], p[2]]));
    eventSteps.forEach((s, i) => {
      const p = published[i] as (typeof published)[number];
      expect(s.survival).toBeCloseTo(p[3], 3);
      expect(s.standardError).toBeCloseTo(p[4], 4);
      expect(s.interval.lower).toBeCloseTo(p[5], 3);
      expect(s.interval.upper).toBeCloseTo(p[6], 3);
    });
    expect(km.median).toBe(23);
    expect(km.restrictedMean).toBeCloseTo(23.287, 3);
    expect([km.subjects, km.events, km.censored, km.horizon]).toEqual([21, 9, 12, 35]);
  });
  it('matches the independent computation to full precision, censoring times and both bands included', () => {
    const loglog = kaplanMeier(data, byRow);
    const log = kaplanMeier(data, { ...byRow, confidence: 'log' });
    expect(loglog.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual(reference.freireich6mp.steps.map((r) => r.slice(0, 4)));
    reference.freireich6mp.steps.forEach((r, i) => {
      const a = loglog.steps[i];
      const b = log.steps[i];
      expect(a?.survival).toBeCloseTo(r[4] as number, 14);
      expect(a?.standardError).toBeCloseTo(r[5] as number, 14);
      expect(a?.interval.lower).toBeCloseTo(r[6] as number, 12);
      expect(a?.interval.upper).toBeCloseTo(r[7] as number, 12);
      expect(b?.interval.lower).toBeCloseTo(r[8] as number, 12);
      expect(b?.interval.upper).toBeCloseTo(r[9] as number, 12);
    });
    expect(loglog.median).toBe(reference.freireich6mp.median);
    expect(loglog.restrictedMean).toBeCloseTo(reference.freireich6mp.restrictedMean35, 12);
  });
  it('the placebo arm (no censoring): the empirical survival, median 8 weeks', () => {
    const placebo = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23].map((t) => ({ t, e: true }));
    const km = kaplanMeier(placebo, byRow);
    // S(5) = 12/21, S(8) = 8/21: the first time at or below ½ is 8.
    expect(km.steps.find((s) => s.time === 5)?.survival).toBeCloseTo(12 / 21, 14);
    expect(km.steps.find((s) => s.time === 8)?.survival).toBeCloseTo(8 / 21, 14);
    expect(km.median).toBe(8);
    // Without censoring the restricted mean to the last time is the sample mean: 182/21.
    expect(km.restrictedMean).toBeCloseTo(182 / 21, 12);
  });
});

describe('kaplanMeier: hand-computed small cases', () => {
  // 10 customers: churn at 1, 2, 2, 3, 5, 6; still active at 2, 4, 6, 8.
  const data = rows([[1, 1], [2, 1], [2, 1], [2, 0], [3, 1], [4, 0], [5, 1], [6, 1], [6, 0], [8, 0]]);
  it('Ŝ = Π(1 − d/n), at-risk counts include those censored at the time', () => {
    const km = kaplanMeier(data, { ...byRow, confidence: 'plain' });
    // 9/10; ·7/9; ·5/6; ·3/4; ·2/3.
    const s = [0.9, 0.7, 0.7 * (5 / 6), 0.7 * (5 / 6), 0.7 * (5 / 6) * 0.75, 0.7 * (5 / 6) * 0.75 * (2 / 3), 0.7 * (5 / 6) * 0.75 * (2 / 3)];
    expect(km.steps.map((x) => [x.time, x.atRisk, x.events, x.censored])).toEqual([
      [1, 10, 1, 0],
      [2, 9, 2, 1],
      [3, 6, 1, 0],
      [4, 5, 0, 1],
      [5, 4, 1, 0],
      [6, 3, 1, 1],
      [8, 1, 0, 1],
    ]);
    km.steps.forEach((x, i) => expect(x.survival).toBeCloseTo(s[i] as number, 14));
    // Greenwood at t = 2: v = 1/(10·9) + 2/(9·7); plain band Ŝ ± 1.959964·Ŝ√v.
    const v = 1 / 90 + 2 / 63;
    const se = 0.7 * Math.sqrt(v);
    expect(km.steps[1]?.standardError).toBeCloseTo(se, 14);
    expect(km.steps[1]?.interval.lower).toBeCloseTo(0.7 - 1.959963984540054 * se, 12);
  });
  it('median and restricted mean', () => {
    const km = kaplanMeier(data, byRow);
    expect(km.median).toBe(5); // Ŝ(3) = 0.583, Ŝ(5) = 0.4375
    // ∫₀⁸ Ŝ = 1·1 + 0.9·1 + 0.7·1 + 0.58333·2 + 0.4375·1 + 0.29167·2
    expect(km.restrictedMean).toBeCloseTo(1 + 0.9 + 0.7 + (7 / 12) * 2 + 0.4375 + (7 / 24) * 2, 12);
    expect(kaplanMeier(data, { ...byRow, horizon: 2.5 }).restrictedMean).toBeCloseTo(1 + 0.9 + 0.7 * 0.5, 12);
    expect(kaplanMeier(data, { ...byRow, horizon: 0.5 }).restrictedMean).toBe(0.5);
    // Beyond the last time the curve stays at its last value.
    expect(kaplanMeier(data, { ...byRow, horizon: 10 }).restrictedMean).toBeCloseTo(4.7875 + (7 / 24) * 2, 12);
  });
  it('median at exactly 0.5: the midpoint to the next event time, or the time itself when none follows (R survfit)', () => {
    expect(kaplanMeier(rows([[1, 1], [2, 1], [3, 1], [4, 1]]), byRow).median).toBe(2.5);
    expect(kaplanMeier(rows([[1, 1], [2, 1], [3, 0], [4, 0]]), byRow).median).toBe(2);
  });
  it('median undefined when the curve never reaches 0.5', () => {
    const km = kaplanMeier(rows([[1, 1], [2, 0], [3, 0]]), byRow);
    expect(km.steps.at(-1)?.survival).toBeCloseTo(2 / 3, 14);
    expect(km.median).toBeUndefined();
    expect(km.restrictedMean).toBeCloseTo(1 + (2 / 3) * 2, 14);
  });
  it('a curve that reaches 0 has zero SE and a degenerate band', () => {
    const km = kaplanMeier(rows([[1, 1], [2, 1]]), byRow);
    const last = km.steps[1];
    expect(last?.survival).toBe(0);
    expect(last?.standardError).toBe(0);
    expect([last?.interval.lower, last?.interval.upper]).toEqual([0, 0]);
  });
  it('churn at time 0 counts; −0 and 0 are one time', () => {
    const km = kaplanMeier(rows([[0, 1], [-0, 0], [2, 1]]), byRow);
    expect(km.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([
      [0, 3, 1, 1],
      [2, 1, 1, 0],
    ]);
  });
  it('empty input: no steps, undefined figures; nulls skipped and counted', () => {
    const km = kaplanMeier([null, { t: null, e: true }, { t: 1, e: undefined }] as unknown as Row[], byRow);
    expect(km.steps).toEqual([]);
    expect([km.median, km.restrictedMean, km.horizon]).toEqual([undefined, undefined, undefined]);
    expect(km.skipped).toBe(3);
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
  it('spans are recognised by working accessors, not by the presence of a key', () => {
    const options = { unit: 'month', observationEnd: Date.UTC(2024, 5, 30), firstActive: undefined, lastActive: undefined } as const;
    expect(kaplanMeier(visits, options as never)).toEqual(kaplanMeier(visits, { unit: 'month', observationEnd: Date.UTC(2024, 5, 30) }));
  });
  it('rejects activity spanning more than 100,000 periods with OUT_OF_RANGE, before allocating per period', () => {
    const typo = [...visits, { customerId: 'e', at: Date.UTC(20240, 0, 5) }];
    expectCxMetricsError(() => kaplanMeier(typo, { unit: 'day' }), 'OUT_OF_RANGE', 'kaplanMeier');
    expectCxMetricsError(() => kaplanMeier([{ customerId: 'a', at: -8.64e15 }, { customerId: 'a', at: 8.64e15 }], { unit: 'day' }), 'OUT_OF_RANGE', 'kaplanMeier');
    // By year the same data is an 18,217-period span: fine (a–d churned in their first year, e censored at 1).
    expect(kaplanMeier(typo, { unit: 'year' }).steps.map((s) => [s.time, s.events, s.censored])).toEqual([[1, 4, 1]]);
  });
});

describe('kaplanMeier: bad input', () => {
  it('durations and churned flags', () => {
    expectCxMetricsError(() => kaplanMeier([{ t: 1, e: true }, { t: Number.NaN, e: true }], byRow), 'INVALID_NUMBER', 'kaplanMeier');
    expect(() => kaplanMeier([{ t: 1, e: true }, { t: Number.NaN, e: true }], byRow)).toThrow(/NaN at index 1/);
    expect(errorCode(() => kaplanMeier([{ t: Number.POSITIVE_INFINITY, e: false }], byRow))).toBe('INVALID_NUMBER');
    expect(errorCode(() => kaplanMeier([{ t: '3' as never, e: false }], byRow))).toBe('INVALID_NUMBER');
    expect(errorCode(() => kaplanMeier([{ t: -1, e: true }], byRow))).toBe('NEGATIVE_VALUE');
    expectCxMetricsError(() => kaplanMeier([{ t: 1, e: 1 as never }], byRow), 'INVALID_RECORD', 'kaplanMeier');
  });
  it('settings', () => {
    expect(errorCode(() => kaplanMeier([{ t: 1, e: true }], { ...byRow, level: 95 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => kaplanMeier([{ t: 1, e: true }], { ...byRow, level: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => kaplanMeier([{ t: 1, e: true }], { ...byRow, horizon: -1 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => kaplanMeier([{ t: 1, e: true }], { ...byRow, horizon: Number.NaN }))).toBe('INVALID_NUMBER');
    expect(errorCode(() => kaplanMeier([{ t: 1, e: true }], { ...byRow, confidence: 'arcsine' as never }))).toBe('INVALID_OPTION');
    expect(errorCode(() => kaplanMeier([{ t: 1, e: true }], { duration: byRow.duration } as never))).toBe('INVALID_OPTION');
    const visits = [{ customerId: 'a', at: 0 }];
    expect(errorCode(() => kaplanMeier(visits, { churnAfter: 0 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => kaplanMeier(visits, { churnAfter: 1.5 }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => kaplanMeier(visits, { churnAfter: Number.NaN }))).toBe('INVALID_NUMBER');
  });
});
