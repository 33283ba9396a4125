import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { sbgExpectedLifetime } from '../../../src/retention/sbg/sbg-expected-lifetime';
import { sbgSurvival } from '../../../src/retention/sbg/sbg-survival';
import { extremeParamsArb, sbgParamsArb } from './sbg-params';

test.prop([sbgParamsArb, fc.integer({ min: 1, max: 300 })], { numRuns: 100 })('the restricted mean is Σ S(t), grows with H, stays below E[T]', (p, h) => {
  const v = sbgExpectedLifetime(p, { horizon: h }) as number;
  let sum = 0;
  for (let t = 0; t < h; t++) sum += sbgSurvival(p, t);
  expect(v).toBeCloseTo(sum, 10);
  expect(sbgExpectedLifetime(p, { horizon: h + 1 })).toBeGreaterThanOrEqual(v);
  const full = sbgExpectedLifetime(p);
  if (full !== undefined) expect(v).toBeLessThanOrEqual(full * (1 + 1e-12));
});

test.prop([extremeParamsArb, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })], { numRuns: 200 })(
  'any valid α, β, H: finite, between 1 and H',
  (p, h) => {
    const v = sbgExpectedLifetime(p, { horizon: h }) as number;
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(1 - 1e-12);
    expect(v).toBeLessThanOrEqual(h * (1 + 1e-12));
  },
);
