import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyDrivers } from '../../src/survey/index';
import { expectCxMetricsError } from '../support/error-code';

interface Case {
  name: string;
  drivers: string[];
  x: number[][];
  y: number[];
  w: number[];
  relativeWeights: number[];
  shapley: number[];
  rSquared: number;
  beta: number[];
  correlation: number[];
  performance: number[];
}
const reference = JSON.parse(readFileSync(new URL('./reference/key-drivers-reference.json', import.meta.url), 'utf8')) as { cases: Case[] };

function run(c: Case, method: 'relative-weights' | 'shapley', weighted: boolean, metric: 'nps' | 'ces' = 'nps') {
  const rows = c.y.map((y, i) => ({ y, x: c.x[i] as number[], w: c.w[i] as number }));
  const drivers = Object.fromEntries(c.drivers.map((name, j) => [name, (r: (typeof rows)[number]) => r.x[j] as number]));
  return keyDrivers(rows, { outcome: (r) => r.y, drivers, method, metric, resamples: 0, ...(weighted ? { weight: (r) => r.w } : {}) });
}

describe('keyDrivers: a published relative-weights example (rwa README, mtcars; test/survey/reference/key_drivers_published.R)', () => {
  const mtcars = JSON.parse(readFileSync(new URL('./reference/key-drivers-published.json', import.meta.url), 'utf8')) as {
    mpg: number[];
    cyl: number[];
    disp: number[];
    hp: number[];
    gear: number[];
    published: { rSquared: number; raw: Record<string, number>; rescaledPercent: Record<string, number> };
  };
  it('mpg on cyl, disp, hp and gear: R² and the raw and rescaled relative weights to the 7 digits printed', () => {
    // The outcome must sit on a whole-number scale: 10 × mpg (one decimal in mtcars) on 100–340.
    // Relative weights and R² depend only on correlations, so a linear rescaling changes nothing.
    const rows = mtcars.mpg.map((mpg, i) => ({ y: Math.round(10 * mpg), cyl: mtcars.cyl[i]!, disp: mtcars.disp[i]!, hp: mtcars.hp[i]!, gear: mtcars.gear[i]! }));
    const result = keyDrivers(rows, {
      outcome: (r) => r.y,
      metric: 'ces',
      scale: { min: 100, max: 340 },
      drivers: { cyl: (r) => r.cyl, disp: (r) => r.disp, hp: (r) => r.hp, gear: (r) => r.gear },
      resamples: 0,
    });
    expect(result.respondents).toBe(32);
    expect(result.rSquared).toBeCloseTo(mtcars.published.rSquared, 7);
    for (const d of result.drivers) {
      expect(d.importance).toBeCloseTo(mtcars.published.raw[d.name]!, 7);
      expect(100 * d.share!).toBeCloseTo(mtcars.published.rescaledPercent[d.name]!, 4);
    }
    expect([...result.drivers].sort((a, b) => a.rank - b.rank).map((d) => d.name)).toEqual(['hp', 'cyl', 'disp', 'gear']);
  });
});

describe('keyDrivers known values (numpy, test/survey/reference/key_drivers_reference.py)', () => {
  for (const c of reference.cases) {
    const weighted = c.w.some((w) => w !== 1);
    const metric = c.name.includes('CES') ? 'ces' : 'nps';
    it(`${c.name}: relative weights, R², betas, correlations and performance`, () => {
      const result = run(c, 'relative-weights', weighted, metric);
      expect(result.rSquared).toBeCloseTo(c.rSquared, 11);
      result.drivers.forEach((d, j) => {
        expect(d.name).toBe(c.drivers[j]);
        expect(d.importance).toBeCloseTo(c.relativeWeights[j] as number, 11);
        expect(d.beta).toBeCloseTo(c.beta[j] as number, 10);
        expect(d.correlation).toBeCloseTo(c.correlation[j] as number, 12);
        expect(d.performance).toBeCloseTo(c.performance[j] as number, 12);
      });
    });
    it(`${c.name}: Shapley values`, () => {
      const result = run(c, 'shapley', weighted, metric);
      expect(result.rSquared).toBeCloseTo(c.rSquared, 11);
      result.drivers.forEach((d, j) => expect(d.importance).toBeCloseTo(c.shapley[j] as number, 11));
    });
  }

  it('ranks drivers and splits the quadrants at 1/p and the mean performance', () => {
    const c = reference.cases[1] as Case;
    const result = run(c, 'relative-weights', false);
    expect(result.drivers.map((d) => d.rank)).toEqual([1, 2, 3, 4]);
    expect(result.thresholds?.share).toBe(0.25);
    const meanPerformance = c.performance.reduce((s, v) => s + v, 0) / 4;
    expect(result.thresholds?.performance).toBeCloseTo(meanPerformance, 12);
    for (const d of result.drivers) {
      const important = d.share! >= 0.25;
      const above = d.performance >= meanPerformance;
      expect(d.quadrant).toBe(important ? (above ? 'maintain' : 'improve') : above ? 'surplus' : 'monitor');
    }
  });

  it('bootstrap intervals contain the estimate, are seeded and reproducible', () => {
    const c = reference.cases[1] as Case;
    const rows = c.y.map((y, i) => ({ y, x: c.x[i] as number[] }));
    const drivers = Object.fromEntries(c.drivers.map((name, j) => [name, (r: (typeof rows)[number]) => r.x[j] as number]));
    const a = keyDrivers(rows, { outcome: (r) => r.y, drivers, resamples: 200, seed: 7 });
    const b = keyDrivers(rows, { outcome: (r) => r.y, drivers, resamples: 200, seed: 7 });
    const other = keyDrivers(rows, { outcome: (r) => r.y, drivers, resamples: 200, seed: 8 });
    expect(a).toEqual(b);
    expect(a.drivers[0]!.interval).not.toEqual(other.drivers[0]!.interval);
    expect(a.resamples).toBe(200);
    for (const d of a.drivers) {
      expect(d.interval!.lower).toBeLessThanOrEqual(d.importance);
      expect(d.interval!.upper).toBeGreaterThanOrEqual(d.importance);
    }
    // The strongest simulated driver (weight 0.5) is clearly apart from the one with no effect.
    expect(a.drivers[0]!.interval!.lower).toBeGreaterThan(a.drivers[3]!.interval!.upper);
    expect(a.rSquaredInterval!.lower).toBeLessThan(a.rSquared!);
  });

  it('skips and counts incomplete responses (listwise), and returns undefined without any', () => {
    const rows = [
      { y: 9, a: 4, b: 2 },
      { y: 3, a: 1, b: 3 },
      { y: 7, a: 3, b: 5 },
      { y: 10, a: 5, b: 4 },
      { y: 6, a: 2, b: 1 },
      { y: null, a: 3, b: 3 },
      { y: 8, a: null, b: 3 },
    ];
    const options = { outcome: (r: (typeof rows)[number]) => r.y, drivers: { a: (r: (typeof rows)[number]) => r.a, b: (r: (typeof rows)[number]) => r.b }, resamples: 0 };
    const result = keyDrivers(rows, options);
    expect(result.respondents).toBe(5);
    expect(result.skipped).toBe(2);
    const none = keyDrivers([], options);
    expect(none.rSquared).toBeUndefined();
    expect(none.drivers).toEqual([]);
  });
});

describe('keyDrivers bad input', () => {
  const rows = [
    { y: 9, a: 4, b: 2 },
    { y: 3, a: 1, b: 3 },
    { y: 7, a: 3, b: 5 },
    { y: 10, a: 5, b: 4 },
    { y: 6, a: 2, b: 1 },
  ];
  type Row = (typeof rows)[number];
  const base = { outcome: (r: Row) => r.y, drivers: { a: (r: Row) => r.a, b: (r: Row) => r.b }, resamples: 0 };
  it('a driver or the outcome with zero variance', () => {
    expectCxMetricsError(() => keyDrivers(rows, { ...base, drivers: { a: (r: Row) => r.a, flat: () => 3 } }), 'INSUFFICIENT_DATA', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows, { ...base, outcome: () => 8 }), 'INSUFFICIENT_DATA', 'keyDrivers');
  });
  it('perfectly collinear drivers, too few responses', () => {
    expectCxMetricsError(() => keyDrivers(rows, { ...base, drivers: { a: (r: Row) => r.a, twice: (r: Row) => 2 * r.a, b: (r: Row) => r.b } }), 'INSUFFICIENT_DATA', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows.slice(0, 3), base), 'INSUFFICIENT_DATA', 'keyDrivers');
  });
  it('outcome off its scale, bad ratings and weights', () => {
    expectCxMetricsError(() => keyDrivers([...rows, { y: 11, a: 1, b: 1 }], base), 'OUT_OF_RANGE', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers([...rows, { y: 7.5, a: 1, b: 1 }], base), 'NOT_AN_INTEGER', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows, { ...base, metric: 'csat' }), 'OUT_OF_RANGE', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers([...rows, { y: 5, a: Number.NaN, b: 1 }], base), 'INVALID_NUMBER', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers([...rows, { y: 5, a: '3' as unknown as number, b: 1 }], base), 'INVALID_NUMBER', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers([...rows, { y: 5, a: 6, b: 1 }], { ...base, driverScale: { min: 1, max: 5 } }), 'OUT_OF_RANGE', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows, { ...base, weight: () => -1 }), 'NEGATIVE_VALUE', 'keyDrivers');
  });
  it('bad options: level outside (0, 1), method, metric, accessors, resamples', () => {
    for (const level of [0, 1, 1.5, -0.1]) expectCxMetricsError(() => keyDrivers(rows, { ...base, level }), 'OUT_OF_RANGE', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows, { ...base, level: Number.NaN }), 'INVALID_NUMBER', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows, { ...base, method: 'pca' as 'shapley' }), 'INVALID_OPTION', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows, { ...base, metric: 'ces7' as 'ces' }), 'INVALID_OPTION', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows, { ...base, drivers: {} }), 'INVALID_OPTION', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows, { ...base, drivers: { a: 'a' as unknown as (r: Row) => number } }), 'INVALID_OPTION', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows, { ...base, outcome: undefined as unknown as (r: Row) => number }), 'INVALID_OPTION', 'keyDrivers');
    expectCxMetricsError(() => keyDrivers(rows, { ...base, resamples: 2.5 }), 'NOT_AN_INTEGER', 'keyDrivers');
    const many = Object.fromEntries(Array.from({ length: 13 }, (_, j) => [`d${j}`, (r: Row) => r.a + j]));
    expectCxMetricsError(() => keyDrivers(rows, { ...base, drivers: many, method: 'shapley' }), 'INVALID_OPTION', 'keyDrivers');
  });
});
