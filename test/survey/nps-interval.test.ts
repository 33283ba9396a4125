import { describe, expect, it } from 'vitest';
import { nps, npsInterval, npsTally } from '../../src/survey/index';
import { BAD_COUNTS, BAD_LEVELS, BAD_NPS_SCORES, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';

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
  it('an npsTally state keeps its weights (Kish n), as its result does', () => {
    const rows = [
      { score: 10, weight: 3 },
      { score: 8, weight: 1 },
      { score: 2, weight: 2 },
    ];
    const state = rows.reduce(npsTally.add, npsTally.create());
    expect(npsInterval(state)).toEqual(npsInterval(npsTally.result(state)));
    expect(npsInterval(state)!.n).toBeCloseTo(36 / 14, 12);
  });
  it('tiny accepted weights still give the unweighted interval (no 0/0 in Kish n)', () => {
    const scores = [10, 9, 7, 3, 0];
    expect(npsInterval(scores, { weight: () => 1e-100 })!.n).toBeCloseTo(5, 12);
    expect(npsInterval(scores, { weight: () => 1e-100 })!.lower).toBeCloseTo(npsInterval(scores)!.lower, 9);
  });
  it('returns undefined without answers', () => {
    expect(npsInterval([null])).toBeUndefined();
    expect(npsInterval({ promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
    expect(npsInterval([10], { weight: () => 0 })).toBeUndefined();
  });
});

describe('npsInterval bad input', () => {
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expectRejected(() => npsInterval([10], { level: level as number }), code, 'npsInterval', level);
  });
  it.each(BAD_NPS_SCORES)('score %o → %s with its index', (bad, code) => {
    expectRejected(() => npsInterval([10, bad as number]), code, 'npsInterval', bad, 1);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s with its index', (w, code) => {
    expectRejected(() => npsInterval([9, 9], { weight: (_d, i) => (i === 1 ? (w as number) : 1) }), code, 'npsInterval', w, 1);
  });
  it.each(BAD_COUNTS)('count %o → %s', (bad, code) => {
    expectRejected(() => npsInterval({ promoters: 2, passives: bad as number, detractors: 1 }), code, 'npsInterval', bad);
  });
  it('rejects unknown methods and malformed tally states', () => {
    expect(codeOf(() => npsInterval([9], { method: 'wilson' as never }))).toBe('INVALID_OPTION');
    const state = npsTally.add(npsTally.create(), { score: 9, weight: 2 });
    expect(codeOf(() => npsInterval({ ...state, promoterWeight: -1 } as never))).toBe('NEGATIVE_VALUE');
    expect(codeOf(() => npsInterval({ ...state, weighted: 'yes' } as never))).toBe('INVALID_OPTION');
  });
});
