import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { sbgRetentionRate } from '../../../src/retention/sbg/sbg-retention-rate';
import { extremeParamsArb, sbgParamsArb } from './sbg-params';

test.prop([sbgParamsArb, fc.integer({ min: 1, max: 500 })], { numRuns: 150 })('r(t) is non-decreasing, in (0, 1)', (p, t) => {
  const r = sbgRetentionRate(p, t);
  expect(sbgRetentionRate(p, t + 1)).toBeGreaterThanOrEqual(r);
  expect(r).toBeGreaterThan(0);
  expect(r).toBeLessThan(1);
});

test.prop([extremeParamsArb, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER - 1 })], { numRuns: 200 })(
  'any valid α, β, t: in [0, 1] and non-decreasing',
  (p, t) => {
    const r = sbgRetentionRate(p, t);
    expect(r >= 0 && r <= 1).toBe(true);
    expect(sbgRetentionRate(p, t + 1)).toBeGreaterThanOrEqual(r);
  },
);
