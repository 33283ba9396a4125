import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { retentionRate } from '../../src/retention/retention-rate';
import { countsArb } from './rate-counts';

test.prop([countsArb], { numRuns: 200 })('retentionRate lies in [0, 1] and equals (E − N)/S', (c) => {
  const r = retentionRate(c) as number;
  expect(r).toBeGreaterThanOrEqual(0);
  expect(r).toBeLessThanOrEqual(1);
  expect(r).toBe((c.end - c.acquired) / c.start);
});

test.prop([countsArb, fc.integer({ min: 1, max: 1000 })], { numRuns: 100 })(
  'more customers kept never lowers it',
  (c, more) => {
    const kept = Math.min(c.start, c.end - c.acquired + more);
    expect(retentionRate({ ...c, end: kept + c.acquired })).toBeGreaterThanOrEqual(retentionRate(c) as number);
  },
);
