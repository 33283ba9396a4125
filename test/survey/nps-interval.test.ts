import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/errors';
import { nps, npsInterval } from '../../src/survey/index';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error.code;
    throw error;
  }
  return undefined;
}

// Independent values: python3 + scipy.stats.norm, by the formulas
//   adjusted: n' = n + 3; p' = (P + .75)/n'; d' = (D + .75)/n'; c = p' − d'; se = √((p' + d' − c²)/n')
//   wald:     n' = n;     p' = P/n;          d' = D/n
//   100 × clip(c ∓ z·se, −1, 1), z = norm.ppf(1 − (1 − level)/2)
describe('npsInterval known values', () => {
  it.each<[number, number, number, number, number, number, number, number, number, number]>([
    [50, 30, 20, 0.95, 29.126213592233, 14.0511301787616, 44.2012970057044, 30, 14.6921919249573, 45.3078080750427],
    [10, 5, 5, 0.9, 21.7391304348, -6.33741188349, 49.8156727531, 25, -5.49640244923, 55.4964024492],
    [3, 0, 0, 0.95, 50, -6.57928670381, 100, 100, 100, 100],
    [0, 1, 9, 0.99, -69.2307692308, -100, -28.2907028328, -90, -100, -65.5635376109],
    [412, 301, 187, 0.95, 24.9169435216, 19.8524722981, 29.9814147451, 25, 19.926525316, 30.073474684],
  ])('%i/%i/%i at %f', (promoters, passives, detractors, level, estimate, lower, upper, score, wLower, wUpper) => {
    const counts = { promoters, passives, detractors };
    const adjusted = npsInterval(counts, { level })!;
    expect(adjusted.method).toBe('adjusted-wald');
    expect(adjusted.score).toBeCloseTo(score, 9);
    expect(adjusted.estimate).toBeCloseTo(estimate, 9);
    expect(adjusted.lower).toBeCloseTo(lower, 9);
    expect(adjusted.upper).toBeCloseTo(upper, 9);
    const wald = npsInterval(counts, { level, method: 'wald' })!;
    expect(wald.estimate).toBeCloseTo(score, 9);
    expect(wald.lower).toBeCloseTo(wLower, 9);
    expect(wald.upper).toBeCloseTo(wUpper, 9);
  });
  it('uses Kish effective n for weighted data (python: n = 36/14, p = 1/2, d = 1/3)', () => {
    const rows = [
      { s: 10, w: 3 },
      { s: 8, w: 1 },
      { s: 2, w: 2 },
    ];
    const r = npsInterval(rows, { accessor: (d) => d.s, weight: (d) => d.w })!;
    expect(r.n).toBeCloseTo(36 / 14, 12);
    expect(r.estimate).toBeCloseTo(7.692307692307687, 9);
    expect(r.lower).toBeCloseTo(-59.14647240389823, 9);
    expect(r.upper).toBeCloseTo(74.5310877885136, 9);
  });
  it('accepts raw scores, counts and an nps result alike', () => {
    const scores = [10, 9, 8, 7, 6, 0, 10, 10];
    const r = nps(scores);
    expect(npsInterval(scores)).toEqual(npsInterval(r));
    expect(npsInterval(scores)).toEqual(npsInterval({ promoters: r.promoters, passives: r.passives, detractors: r.detractors }));
  });
  it('returns undefined without answers', () => {
    expect(npsInterval([null])).toBeUndefined();
    expect(npsInterval({ promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
    expect(npsInterval([10], { weight: () => 0 })).toBeUndefined();
  });
});

describe('npsInterval bad input', () => {
  it.each<[unknown, string]>([
    [0, 'OUT_OF_RANGE'],
    [1, 'OUT_OF_RANGE'],
    [95, 'OUT_OF_RANGE'],
    [-0.5, 'OUT_OF_RANGE'],
    [Number.NaN, 'INVALID_NUMBER'],
    [Infinity, 'INVALID_NUMBER'],
    ['0.95', 'INVALID_NUMBER'],
  ])('level %o → %s', (level, code) => {
    expect(codeOf(() => npsInterval([10], { level: level as number }))).toBe(code);
  });
  it('rejects bad scores, counts, weights and methods', () => {
    expect(codeOf(() => npsInterval([10, 11]))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => npsInterval([Number.NaN]))).toBe('INVALID_NUMBER');
    expect(codeOf(() => npsInterval(['9' as unknown as number]))).toBe('INVALID_NUMBER');
    expect(codeOf(() => npsInterval([7.5]))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => npsInterval([-1]))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => npsInterval({ promoters: -2, passives: 1, detractors: 1 }))).toBe('NEGATIVE_VALUE');
    expect(codeOf(() => npsInterval({ promoters: 2.5, passives: 1, detractors: 1 }))).toBe('NOT_AN_INTEGER');
    expect(codeOf(() => npsInterval([9], { weight: () => -1 }))).toBe('NEGATIVE_VALUE');
    expect(codeOf(() => npsInterval([9], { weight: () => Infinity }))).toBe('INVALID_NUMBER');
    expect(codeOf(() => npsInterval([9], { method: 'wilson' as never }))).toBe('INVALID_OPTION');
  });
});

const counts = fc.record({
  promoters: fc.integer({ min: 0, max: 500 }),
  passives: fc.integer({ min: 0, max: 500 }),
  detractors: fc.integer({ min: 0, max: 500 }),
});
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const method = fc.constantFrom('adjusted-wald' as const, 'wald' as const);

describe('npsInterval properties', () => {
  test.prop([counts, level, method], { numRuns: 200 })('contains its estimate and stays within [−100, 100]', (c, l, m) => {
    const r = npsInterval(c, { level: l, method: m });
    if (c.promoters + c.passives + c.detractors === 0) {
      expect(r).toBeUndefined();
      return;
    }
    expect(r!.lower).toBeGreaterThanOrEqual(-100);
    expect(r!.upper).toBeLessThanOrEqual(100);
    expect(r!.lower).toBeLessThanOrEqual(r!.estimate + 1e-9);
    expect(r!.upper).toBeGreaterThanOrEqual(r!.estimate - 1e-9);
    if (m === 'wald') expect(r!.estimate).toBeCloseTo(r!.score, 9);
  });
  test.prop([counts, level, method, fc.integer({ min: 2, max: 20 })], { numRuns: 200 })('narrows as n grows with the same shares', (c, l, m, k) => {
    if (c.promoters + c.passives + c.detractors === 0) return;
    const small = npsInterval(c, { level: l, method: m })!;
    const big = npsInterval({ promoters: k * c.promoters, passives: k * c.passives, detractors: k * c.detractors }, { level: l, method: m })!;
    expect(big.upper - big.lower).toBeLessThanOrEqual(small.upper - small.lower + 1e-9);
  });
  test.prop([counts, method], { numRuns: 100 })('widens with the level', (c, m) => {
    if (c.promoters + c.passives + c.detractors === 0) return;
    const a = npsInterval(c, { level: 0.8, method: m })!;
    const b = npsInterval(c, { level: 0.99, method: m })!;
    expect(b.upper - b.lower).toBeGreaterThanOrEqual(a.upper - a.lower - 1e-9);
  });
});
