import { describe, expect, it } from 'vitest';
import { sampleSize, type SampleSizeOptions } from '../../src/survey/index';
import { BAD_LEVELS, codeOf, expectRejected } from './helpers';
import { reference } from './significance-data';

// Independent values: reference/significance_reference.py — closed forms with scipy.stats.norm / t,
// statsmodels normal_sample_size_one_tail (NPS, CES) and samplesize_proportions_2indep_onetail (CSAT).

interface Case {
  metric: 'nps' | 'csat' | 'ces';
  mode: 'n' | 'margin' | 'difference';
  shares?: [number, number];
  share?: number;
  standardDeviation?: number;
  n?: number;
  margin?: number;
  difference?: number;
  power?: number;
  level: number;
  designEffect: number;
}

describe('sampleSize known values', () => {
  it.each((reference.sampleSize as Case[]).map((c) => [c.metric, c.mode, c] as const))('%s, %s: %o', (_m, _mode, c) => {
    const options: SampleSizeOptions = {
      metric: c.metric,
      level: c.level,
      designEffect: c.designEffect,
      ...(c.shares ? { shares: { promoters: c.shares[0], detractors: c.shares[1] } } : {}),
      ...(c.share === undefined ? {} : { share: c.share }),
      ...(c.standardDeviation === undefined ? {} : { standardDeviation: c.standardDeviation }),
      ...(c.mode === 'n' ? { n: c.n! } : c.mode === 'margin' ? { margin: c.margin! } : { difference: c.difference!, power: c.power! }),
    };
    const r = sampleSize(options);
    if (c.mode === 'n') expect(r.margin).toBeCloseTo(c.margin!, 10);
    else expect(r.n).toBe(c.n);
    if (c.mode === 'margin') expect(r.margin).toBeLessThanOrEqual(c.margin!);
    if (c.mode === 'difference') expect(r).toMatchObject({ difference: c.difference, power: c.power });
  });
  it('defaults: the largest variance of each metric', () => {
    expect(sampleSize({ metric: 'nps', n: 100 }).standardDeviation).toBe(100);
    expect(sampleSize({ metric: 'csat', n: 100 }).standardDeviation).toBe(0.5);
    expect(sampleSize({ metric: 'ces', n: 100 }).standardDeviation).toBe(3);
    expect(sampleSize({ metric: 'ces', n: 100, scale: { min: 1, max: 5 } }).standardDeviation).toBe(2);
    expect(sampleSize({ metric: 'csat', difference: 0.1 }).power).toBe(0.8);
  });
  it('the design effect multiplies the answers needed and divides the effective n', () => {
    const plain = sampleSize({ metric: 'csat', margin: 0.04 });
    const weighted = sampleSize({ metric: 'csat', margin: 0.04, designEffect: 1.5 });
    expect(weighted.n).toBeGreaterThanOrEqual(Math.ceil(plain.n * 1.5) - 1);
    expect(weighted.effectiveSampleSize).toBeCloseTo(weighted.n / 1.5, 12);
    expect(sampleSize({ metric: 'nps', n: 300, designEffect: 2 }).margin).toBeCloseTo(sampleSize({ metric: 'nps', n: 150 }).margin, 12);
  });
});

describe('sampleSize bad input', () => {
  it.each(BAD_LEVELS)('level %o → %s', (level, code) => {
    expectRejected(() => sampleSize({ metric: 'nps', n: 100, level: level as number }), code, 'sampleSize', level);
  });
  it('exactly one of n, margin, difference', () => {
    expect(codeOf(() => sampleSize({ metric: 'nps' }))).toBe('INVALID_OPTION');
    expect(codeOf(() => sampleSize({ metric: 'nps', n: 100, margin: 5 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => sampleSize({ metric: 'nps', n: 100, power: 0.9 }))).toBe('INVALID_OPTION');
  });
  it('options of another metric → INVALID_OPTION', () => {
    expectRejected(() => sampleSize({ metric: 'nps', n: 10, share: 0.5 }), 'INVALID_OPTION', 'sampleSize', 0.5);
    expectRejected(() => sampleSize({ metric: 'csat', n: 10, standardDeviation: 1 }), 'INVALID_OPTION', 'sampleSize', 1);
    expect(codeOf(() => sampleSize({ metric: 'ces', n: 10, shares: { promoters: 0.5, detractors: 0.1 } }))).toBe('INVALID_OPTION');
    expect(codeOf(() => sampleSize({ metric: 'bogus' as never, n: 10 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => sampleSize(null as never))).toBe('INVALID_OPTION');
  });
  it.each<[SampleSizeOptions, string, unknown]>([
    [{ metric: 'nps', margin: 0 }, 'OUT_OF_RANGE', 0],
    [{ metric: 'nps', margin: -5 }, 'OUT_OF_RANGE', -5],
    [{ metric: 'nps', margin: 250 }, 'OUT_OF_RANGE', 250],
    [{ metric: 'csat', margin: 5 }, 'OUT_OF_RANGE', 5],
    [{ metric: 'ces', margin: 7 }, 'OUT_OF_RANGE', 7],
    [{ metric: 'nps', margin: Number.NaN }, 'INVALID_NUMBER', Number.NaN],
    [{ metric: 'nps', difference: 0 }, 'OUT_OF_RANGE', 0],
    [{ metric: 'csat', difference: 0.3, share: 0.8 }, 'OUT_OF_RANGE', 0.3],
    [{ metric: 'nps', difference: 10, power: 0.3 }, 'OUT_OF_RANGE', 0.3],
    [{ metric: 'nps', difference: 10, power: 1 }, 'OUT_OF_RANGE', 1],
    [{ metric: 'nps', n: 0 }, 'OUT_OF_RANGE', 0],
    [{ metric: 'nps', n: 10.5 }, 'NOT_AN_INTEGER', 10.5],
    [{ metric: 'nps', n: -3 }, 'NEGATIVE_VALUE', -3],
    [{ metric: 'ces', n: 1 }, 'OUT_OF_RANGE', 1],
    [{ metric: 'csat', n: 10, share: 1 }, 'OUT_OF_RANGE', 1],
    [{ metric: 'csat', n: 10, share: 1.5 }, 'OUT_OF_RANGE', 1.5],
    [{ metric: 'ces', n: 10, standardDeviation: 0 }, 'OUT_OF_RANGE', 0],
    [{ metric: 'nps', n: 10, designEffect: 0 }, 'OUT_OF_RANGE', 0],
  ])('%o → %s', (options, code, value) => {
    expectRejected(() => sampleSize(options), code, 'sampleSize', value);
  });
  it('NPS shares that sum above 1 or leave no variance → OUT_OF_RANGE', () => {
    expect(codeOf(() => sampleSize({ metric: 'nps', n: 10, shares: { promoters: 0.7, detractors: 0.5 } }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => sampleSize({ metric: 'nps', n: 10, shares: { promoters: 0, detractors: 0 } }))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => sampleSize({ metric: 'nps', n: 10, shares: { promoters: 1, detractors: 0 } }))).toBe('OUT_OF_RANGE');
  });
});
