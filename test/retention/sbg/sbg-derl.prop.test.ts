import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { sbgDerl } from '../../../src/retention/sbg/sbg-derl';
import { survivalByProduct } from '../retention-data';
import { wideParameter } from '../../clv/wide-arbitraries';
import { extremeParamsArb, sbgParamsArb } from './sbg-params';

const rate = fc.double({ min: 0.01, max: 1, noNaN: true });

test.prop([sbgParamsArb, rate, fc.integer({ min: 0, max: 50 })], { numRuns: 80 })(
  'equals the series; positive, below the annuity (1 + d)/d, rising with tenure, falling with d',
  (p, d, renewals) => {
    const v = sbgDerl(p, { discountRate: d, renewals });
    let series = 0;
    const before = survivalByProduct(p.alpha, p.beta, renewals);
    for (let t = renewals + 1, w = 1; w > 1e-18; t++, w /= 1 + d) series += (survivalByProduct(p.alpha, p.beta, t) / before) * w;
    expect(v).toBeCloseTo(series, 8);
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThanOrEqual((1 + d) / d + 1e-9);
    expect(sbgDerl(p, { discountRate: d, renewals: renewals + 1 })).toBeGreaterThanOrEqual(v * (1 - 1e-12));
    expect(sbgDerl(p, { discountRate: d * 1.1, renewals })).toBeLessThanOrEqual(v * (1 + 1e-12));
  },
);

test.prop([extremeParamsArb, rate, fc.integer({ min: 0, max: 1e6 })], { numRuns: 150 })('any valid α, β: finite, in [0, (1 + d)/d]', (p, d, renewals) => {
  const v = sbgDerl(p, { discountRate: d, renewals });
  expect(Number.isFinite(v)).toBe(true);
  expect(v).toBeGreaterThanOrEqual(0);
  expect(v).toBeLessThanOrEqual(((1 + d) / d) * (1 + 1e-12));
});

// Discount rates down to 1e-6: where the series is long (θ near 0, z = 1/(1 + d)
// near 1) Euler's integral takes over; the value stays in its bounds and falls with d (to 1e-9:
// the two values may come from different methods, each accurate to 1e-10, and where the lifetime
// is far below 1/d the value hardly depends on d).
test.prop([fc.record({ alpha: wideParameter, beta: wideParameter }), fc.double({ min: -6, max: -2, noNaN: true }), fc.integer({ min: 0, max: 1e6 })], {
  numRuns: 100,
  endOnFailure: true,
})(
  'small discount rates, α and β anywhere a fit can put them ([e^-30, e^30]): finite, in [0, (1 + d)/d], non-increasing in d',
  (p, e, renewals) => {
    const d = 10 ** e;
    const v = sbgDerl(p, { discountRate: d, renewals });
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(((1 + d) / d) * (1 + 1e-12));
    expect(sbgDerl(p, { discountRate: d * 2, renewals })).toBeLessThanOrEqual(v * (1 + 1e-9));
  },
);
