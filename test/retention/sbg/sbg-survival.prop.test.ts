import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { sbgRetentionRate } from '../../../src/retention/sbg/sbg-retention-rate';
import { sbgSurvival } from '../../../src/retention/sbg/sbg-survival';
import { survivalByProduct } from '../retention-data';
import { extremeParamsArb, sbgParamsArb } from './sbg-params';

test.prop([sbgParamsArb, fc.integer({ min: 0, max: 200 })], { numRuns: 150 })('S(t) is non-increasing, in [0, 1], and equals Π r(k)', (p, t) => {
  const s = sbgSurvival(p, t);
  const next = sbgSurvival(p, t + 1);
  expect(next).toBeLessThanOrEqual(s);
  expect(next).toBeGreaterThanOrEqual(0);
  expect(s).toBeLessThanOrEqual(1);
  expect(s).toBeCloseTo(survivalByProduct(p.alpha, p.beta, t), 12);
  expect(next / s).toBeCloseTo(sbgRetentionRate(p, t + 1), 12);
});

test.prop([extremeParamsArb, fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER - 1 })], { numRuns: 200 })(
  'any valid α, β, t: finite, in [0, 1], non-increasing (to its accuracy, ~|ln S|·ε)',
  (p, t) => {
    const s = sbgSurvival(p, t);
    expect(s >= 0 && s <= 1).toBe(true);
    expect(sbgSurvival(p, t + 1)).toBeLessThanOrEqual(s * (1 + 1e-13));
  },
);
