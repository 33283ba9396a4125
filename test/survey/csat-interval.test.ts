import { describe, expect, it } from 'vitest';
import { csat, csatInterval, csatTally } from '../../src/survey/index';
import { BAD_COUNTS, BAD_LEVELS, BAD_SCORES_1_TO_5, BAD_WEIGHTS, codeOf, expectRejected } from './helpers';
import { expectClose } from '../internal/close';

// Wilson: scipy.stats.binomtest(x, n).proportion_ci(confidence_level=level, method='wilson');
// Clopper–Pearson: the same with method='exact' (scipy 1.17).
describe('csatInterval known values', () => {
  it.each<[number, number, number, number, number]>([
    [80, 100, 0.95, 0.708157310911372, 0.873344447898044],
    [2, 3, 0.9, 0.135350362171584, 0.983047572491557],
    [0, 10, 0.95, 0, 0.308497107818763],
    [10, 10, 0.95, 0.691502892181237, 1],
    [1, 1, 0.9, 0.05, 1],
    [37, 50, 0.99, 0.552636236897112, 0.88032099838738],
    [3, 1000, 0.95, 0.000619099931649917, 0.00874202323865765],
  ])('Clopper–Pearson %i of %i at %f', (x, n, level, lower, upper) => {
    const r = csatInterval({ satisfied: x, total: n }, { level, method: 'clopper-pearson' })!;
    expect(r.lower).toBeCloseTo(lower, 11);
    expect(r.upper).toBeCloseTo(upper, 11);
  });
  it('Clopper–Pearson for large n (scipy): closed forms at 0 and n, and a central case', () => {
    // x = 0 and x = n: 1 − (α/2)^(1/n) and (α/2)^(1/n), to full precision.
    expectClose(csatInterval({ satisfied: 0, total: 1e6 }, { method: 'clopper-pearson' })!.upper, 3.688872650206488e-6, 1e-14);
    expectClose(csatInterval({ satisfied: 1e6, total: 1e6 }, { method: 'clopper-pearson' })!.lower, 0.9999963111273498, 1e-15);
    const r = csatInterval({ satisfied: 300_000, total: 1e6 }, { method: 'clopper-pearson' })!;
    // The incomplete beta loses digits like max(a, b)·ε for large parameters (see internal/beta).
    expectClose(r.lower, 0.2991019119335821, 1e-11);
    expectClose(r.upper, 0.30089924664225376, 1e-11);
  });
  it.each<[number, number, number, number, number]>([
    [80, 100, 0.95, 0.711170834406841, 0.8666330666689674],
    [2, 3, 0.9, 0.25353386828122415, 0.9217342736662716],
    [0, 10, 0.95, 0, 0.27753279986288926],
    [37, 50, 0.99, 0.5591399215864181, 0.8646270743891205],
  ])('Wilson %i of %i at %f', (x, n, level, lower, upper) => {
    const r = csatInterval({ satisfied: x, total: n }, { level })!;
    expect(r).toMatchObject({ share: x / n, n, level, method: 'wilson' });
    expect(r.lower).toBeCloseTo(lower, 12);
    expect(r.upper).toBeCloseTo(upper, 12);
  });
  it('raw scores, counts, a csat result and a tally result agree', () => {
    const scores = [5, 4, 1, 2, 5, 3, 4];
    const want = csatInterval({ satisfied: 4, total: 7 });
    expect(csatInterval(scores)).toEqual(want);
    expect(csatInterval(csat(scores))).toEqual(want);
    expect(csatInterval(csatTally.result(scores.reduce(csatTally.add, csatTally.create())))).toEqual(want);
  });
  it('weighted data uses the effective n (hand computation: Σw = 4, Σw² = 10, n = 1.6)', () => {
    const r = csatInterval([5, 2], { weight: (_d, i) => (i === 0 ? 3 : 1) })!;
    expect(r.n).toBeCloseTo(1.6, 12);
    expect(r.share).toBeCloseTo(0.75, 12);
    const same = csatInterval({ satisfied: 3, total: 4 })!;
    expect(r.upper - r.lower).toBeGreaterThan(same.upper - same.lower);
  });
  it('undefined without answers', () => {
    expect(csatInterval([])).toBeUndefined();
    expect(csatInterval([5], { weight: () => 0 })).toBeUndefined();
    expect(csatInterval({ satisfied: 0, total: 0 }, { method: 'clopper-pearson' })).toBeUndefined();
  });
});

describe('csatInterval bad input', () => {
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expectRejected(() => csatInterval([5], { level: level as number }), code, 'csatInterval', level);
  });
  it.each(BAD_SCORES_1_TO_5)('score %o → %s with its index', (bad, code) => {
    expectRejected(() => csatInterval([5, bad as number]), code, 'csatInterval', bad, 1);
  });
  it.each(BAD_WEIGHTS)('weight %o → %s with its index', (w, code) => {
    expectRejected(() => csatInterval([5, 5], { weight: (_d, i) => (i === 1 ? (w as number) : 1) }), code, 'csatInterval', w, 1);
  });
  it.each(BAD_COUNTS)('count %o → %s', (bad, code) => {
    expectRejected(() => csatInterval({ satisfied: bad as number, total: 2 ** 53 - 1 }), code, 'csatInterval', bad);
    expectRejected(() => csatInterval({ satisfied: 0, total: bad as number }), code, 'csatInterval', bad);
  });
  it('rejects satisfied > total and unknown methods', () => {
    expect(codeOf(() => csatInterval({ satisfied: 4, total: 3 }))).toBe('INCONSISTENT_INPUT');
    expect(codeOf(() => csatInterval([5], { method: 'wald' as never }))).toBe('INVALID_OPTION');
  });
});
