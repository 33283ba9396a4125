import { beforeAll, describe, expect, it } from 'vitest';
import { analyseClv } from '../../../src/cli/sections/clv';
import { rfmSection } from '../../../src/cli/sections/rfm';
import type { ReportInput } from '../../../src/cli/sections/types';
import { reportInput, sampleInput } from './report-input';

let sample: ReportInput;
beforeAll(() => {
  sample = sampleInput();
});

describe('rfmSection on the bundled sample', () => {
  it('every customer in exactly one segment; the segments’ CLV adds up to the customers’ CLV', () => {
    const a = analyseClv(sample);
    const s = rfmSection(sample, a);
    expect(s?.id).toBe('rfm');
    const data = s?.data as { segments: { segment: string; customers: number; share: number; meanClv: number; totalClv: number; meanProbabilityAlive: number }[]; unmatched: number };
    expect(data.unmatched).toBe(0);
    expect(data.segments.reduce((t, x) => t + x.customers, 0)).toBe(2357);
    expect(data.segments.reduce((t, x) => t + x.share, 0)).toBeCloseTo(1, 12);
    const { prediction } = a!.atEnd!;
    const total = prediction.clv.reduce((t, x) => t + x, 0);
    expect(data.segments.reduce((t, x) => t + x.totalClv, 0)).toBeCloseTo(total, 6);
    for (const x of data.segments) {
      expect(x.customers).toBeGreaterThan(0);
      expect(x.meanClv).toBeCloseTo(x.totalClv / x.customers, 9);
      expect(x.meanProbabilityAlive).toBeGreaterThanOrEqual(0);
      expect(x.meanProbabilityAlive).toBeLessThanOrEqual(1);
    }
    // P(alive) comes from the model chosen by fit (MBG/NBD on the sample), which the column names.
    expect(s?.lines.some((l) => l.includes('mean P(alive) MBG/NBD'))).toBe(true);
    expect(s?.lines.join('\n')).not.toContain('P(alive) = 100 %');
    // Champions (recent, frequent) are worth the most per customer.
    const best = [...data.segments].sort((p, q) => q.meanClv - p.meanClv)[0];
    expect(best?.segment).toBe('champions');
  });

  it('no purchases: no section', () => {
    expect(rfmSection(reportInput({}))).toBeUndefined();
  });
});
