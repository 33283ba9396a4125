import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logRankTest, fitSbg, kaplanMeier, sbgSurvival } from '../../src/retention/index';
import { expectCxMetricsError } from '../support/error-code';

interface Case {
  name: string;
  time: number[];
  status: number[];
  group: string[];
  levels: string[];
  observed: number[];
  expected: number[];
  chisq: number[];
  df: number;
  p: number[];
}
const reference = JSON.parse(readFileSync(new URL('./reference/log-rank-reference.json', import.meta.url), 'utf8')) as { cases: Case[] };
const projectionReference = JSON.parse(readFileSync(new URL('./reference/log-rank-projection-reference.json', import.meta.url), 'utf8')) as {
  alpha: number;
  beta: number;
  groups: { name: string; time: number[]; status: number[]; observed: number; expected: number; variance: number; chisq: number; p: number }[];
};

type Life = { time: number; churned: boolean };
const accessors = { duration: (d: Life) => d.time, churned: (d: Life) => d.churned };

function groupsOf(c: Case): Map<string, Life[]> {
  const groups = new Map<string, Life[]>(c.levels.map((l) => [l, []]));
  c.time.forEach((t, i) => groups.get(c.group[i]!)!.push({ time: t, churned: c.status[i] === 1 }));
  return groups;
}

describe('logRankTest known values (R survival::survdiff, test/retention/reference/log_rank_reference.R)', () => {
  for (const c of reference.cases) {
    it(c.name, () => {
      const result = logRankTest(groupsOf(c), accessors);
      expect(result.degreesOfFreedom).toBe(c.df);
      expect(result.groups.map((g) => g.group)).toEqual(c.levels);
      result.groups.forEach((g, k) => {
        expect(g.observed).toBe(c.observed[k]);
        expect(g.expected).toBeCloseTo(c.expected[k]!, 10);
      });
      expect(Math.abs(result.chiSquare! - c.chisq[0]!) / c.chisq[0]!).toBeLessThan(1e-10);
      expect(Math.abs(result.pValue! - c.p[0]!) / c.p[0]!).toBeLessThan(1e-9);
    });
  }

  it('reads a plain object as well as a Map, and records skipped subjects', () => {
    const c = reference.cases[0]!;
    const groups = Object.fromEntries(groupsOf(c));
    const first = c.levels[0]!;
    groups[first] = [...groups[first]!, { time: null as unknown as number, churned: true }];
    const result = logRankTest(groups, accessors);
    expect(result.chiSquare).toBeCloseTo(c.chisq[0]!, 10);
    expect(result.groups[0]!.skipped).toBe(1);
  });

  it('reads activity spans as kaplanMeier does: the same test as on the lifetimes they imply', () => {
    const month = (y: number, m: number) => Date.UTC(y, m, 10);
    const span = (from: number, to: number | null) => ({ from, to });
    const groups = {
      web: [span(month(2024, 0), month(2024, 3)), span(month(2024, 0), null), span(month(2024, 1), month(2024, 2)), span(month(2024, 2), null), span(month(2024, 0), month(2024, 5))],
      app: [span(month(2024, 0), month(2024, 1)), span(month(2024, 1), month(2024, 1)), span(month(2024, 0), month(2024, 2)), span(month(2024, 3), null)],
    };
    const activity = { unit: 'month' as const, observationEnd: Date.UTC(2024, 7, 31), firstActive: (d: { from: number }) => d.from, lastActive: (d: { to: number | null }) => d.to };
    const fromSpans = logRankTest(groups, activity);
    const lives = (spans: { from: number; to: number | null }[]): Life[] =>
      kaplanMeier(spans, activity).steps.flatMap((s) => [
        ...Array.from({ length: s.events }, () => ({ time: s.time, churned: true })),
        ...Array.from({ length: s.censored }, () => ({ time: s.time, churned: false })),
      ]);
    const fromLives = logRankTest({ web: lives(groups.web), app: lives(groups.app) }, accessors);
    expect(fromSpans.groups.map((g) => g.observed)).toEqual([3, 3]);
    expect(fromSpans.chiSquare).toBeCloseTo(fromLives.chiSquare!, 12);
    expect(fromSpans.groups.map((g) => g.expected)).toEqual(fromLives.groups.map((g) => g.expected));
  });

  it('no event at all: nothing to test', () => {
    const result = logRankTest({ a: [{ time: 3, churned: false }], b: [{ time: 4, churned: false }] }, accessors);
    expect(result.chiSquare).toBeUndefined();
    expect(result.pValue).toBeUndefined();
  });
});

describe('logRankTest sBG projection check (test/retention/reference/log_rank_projection_reference.py)', () => {
  it('matches the independent one-sample computation per group and pooled', () => {
    const ref = projectionReference;
    const groups = Object.fromEntries(ref.groups.map((g) => [g.name, g.time.map((t, i) => ({ time: t, churned: g.status[i] === 1 }))]));
    const result = logRankTest(groups, { ...accessors, projection: { alpha: ref.alpha, beta: ref.beta } });
    const check = result.projection!;
    ref.groups.forEach((g, k) => {
      const r = check.groups[k]!;
      expect(r.group).toBe(g.name);
      expect(r.observed).toBe(g.observed);
      expect(r.expected).toBeCloseTo(g.expected, 9);
      expect(r.variance).toBeCloseTo(g.variance, 9);
      expect(r.chiSquare!).toBeCloseTo(g.chisq, 9);
      expect(Math.abs(r.pValue! - g.p) / g.p).toBeLessThan(1e-8);
    });
    expect(check.pooled.observed).toBe(ref.groups.reduce((s, g) => s + g.observed, 0));
  });

  it('a projection fitted on the same lifetimes is not rejected; a wrong one is', () => {
    // Lifetimes drawn from the sBG of the published "regular" customers, α = 0.704, β = 1.182 (Fader & Hardie 2007).
    const lives: Life[] = [];
    let previous = 1000;
    for (let t = 1; t <= 12; t++) {
      const alive = Math.round(1000 * sbgSurvival({ alpha: 0.704, beta: 1.182 }, t));
      for (let k = 0; k < previous - alive; k++) lives.push({ time: t, churned: true });
      previous = alive;
    }
    for (let k = 0; k < previous; k++) lives.push({ time: 12, churned: false });
    const fit = fitSbg(lives, { renewals: (d) => d.time - (d.churned ? 1 : 0), churned: (d) => d.churned });
    const good = logRankTest({ all: lives }, { ...accessors, projection: fit });
    expect(good.projection!.pooled.pValue!).toBeGreaterThan(0.5);
    const bad = logRankTest({ all: lives }, { ...accessors, projection: { alpha: 1, beta: 5 } });
    expect(bad.projection!.pooled.pValue!).toBeLessThan(1e-6);
    expect(good.chiSquare).toBeUndefined(); // one group: no comparison
  });
});

describe('logRankTest bad input', () => {
  const a = [{ time: 2, churned: true }, { time: 5, churned: false }];
  const b = [{ time: 1, churned: true }, { time: 3, churned: true }];
  it('fewer than two groups', () => {
    expectCxMetricsError(() => logRankTest({ a }, accessors), 'INSUFFICIENT_DATA', 'logRankTest');
    expectCxMetricsError(() => logRankTest({}, accessors), 'INSUFFICIENT_DATA', 'logRankTest');
    expectCxMetricsError(() => logRankTest(new Map(), { ...accessors, projection: { alpha: 1, beta: 1 } }), 'INSUFFICIENT_DATA', 'logRankTest');
  });
  it('a group with nobody at risk at an event time', () => {
    expectCxMetricsError(() => logRankTest({ a, b, empty: [] }, accessors), 'INSUFFICIENT_DATA', 'logRankTest');
    expectCxMetricsError(() => logRankTest({ a, b, early: [{ time: 0.5, churned: false }] }, accessors), 'INSUFFICIENT_DATA', 'logRankTest');
  });
  it('bad lifetimes, named after logRankTest and the group', () => {
    expectCxMetricsError(() => logRankTest({ a, b: [{ time: -1, churned: true }] }, accessors), 'NEGATIVE_VALUE', 'logRankTest');
    expectCxMetricsError(() => logRankTest({ a, b: [{ time: Number.NaN, churned: true }] }, accessors), 'INVALID_NUMBER', 'logRankTest');
    expectCxMetricsError(() => logRankTest({ a, b: [{ time: 1, churned: 'yes' as unknown as boolean }] }, accessors), 'INVALID_RECORD', 'logRankTest');
    expect(() => logRankTest({ a, b: [{ time: -1, churned: true }] }, accessors)).toThrow(/^logRankTest: group "b": /);
  });
  it('lifetimes the sBG check cannot read, bad parameters, bad groups and options', () => {
    const projection = { alpha: 1, beta: 2 };
    expectCxMetricsError(() => logRankTest({ a: [{ time: 2.5, churned: true }] }, { ...accessors, projection }), 'NOT_AN_INTEGER', 'logRankTest');
    expectCxMetricsError(() => logRankTest({ a: [{ time: 0, churned: true }] }, { ...accessors, projection }), 'OUT_OF_RANGE', 'logRankTest');
    expectCxMetricsError(() => logRankTest({ a, b }, { ...accessors, projection: { alpha: 0, beta: 2 } }), 'OUT_OF_RANGE', 'logRankTest');
    expectCxMetricsError(() => logRankTest([a, b] as unknown as Record<string, Life[]>, accessors), 'INVALID_OPTION', 'logRankTest');
    expectCxMetricsError(() => logRankTest({ a, b }, null as unknown as typeof accessors), 'INVALID_OPTION', 'logRankTest');
    expectCxMetricsError(() => logRankTest({ a, b }, { duration: accessors.duration } as unknown as typeof accessors), 'INVALID_OPTION', 'logRankTest');
  });
});
