import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { churnRate } from '../../src/retention/churn-rate';
import { retentionRate } from '../../src/retention/retention-rate';
import { countsArb } from './rate-counts';

test.prop([countsArb], { numRuns: 200 })('churnRate lies in [0, 1]', (c) => {
  const k = churnRate(c) as number;
  expect(k).toBeGreaterThanOrEqual(0);
  expect(k).toBeLessThanOrEqual(1);
});

test.prop([countsArb], { numRuns: 200 })('retention + churn = 1 when nothing is acquired', (c) => {
  const noneAcquired = { start: c.start, end: c.end - c.acquired };
  expect((retentionRate(noneAcquired) as number) + (churnRate(noneAcquired) as number)).toBeCloseTo(1, 14);
});

test.prop([countsArb], { numRuns: 200 })('and with acquisitions too: acquired customers are neither kept nor lost', (c) => {
  expect((retentionRate(c) as number) + (churnRate(c) as number)).toBeCloseTo(1, 14);
});

test.prop([fc.integer({ min: 0, max: 10_000 })], { numRuns: 100 })('S = 0: both undefined, whatever was acquired', (acquired) => {
  expect(retentionRate({ start: 0, end: acquired, acquired })).toBeUndefined();
  expect(churnRate({ start: 0, end: acquired, acquired })).toBeUndefined();
});
