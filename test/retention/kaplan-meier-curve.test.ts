import { describe, expect, it } from 'vitest';
import { kaplanMeierCurve, kaplanMeierSettings } from '../../src/retention/kaplan-meier-curve';
import { expectCxMetricsError } from '../support/error-code';

// The curve's known values (R `survival`), bands and restricted means are covered through the
// public functions in kaplan-meier.test.ts and kaplan-meier-tally.test.ts; these check the helper directly.
describe('kaplanMeierCurve', () => {
  it('computes the product-limit steps from tallies', () => {
    // times 1, 2, 3: d = 1, 1, 0; c = 0, 1, 2 → n = 5, 4, 2; Ŝ = 4/5, 4/5 · 3/4 = 3/5, 3/5
    const r = kaplanMeierCurve({ times: [1, 2, 3], events: [1, 1, 0], censored: [0, 1, 2], skipped: 0 }, 0.95, 'log-log', undefined);
    expect(r.steps.map((s) => s.survival)).toEqual([0.8, 0.6000000000000001, 0.6000000000000001]);
    expect(r.steps.map((s) => s.atRisk)).toEqual([5, 4, 2]);
    expect(r.median).toBeUndefined();
  });
  it('applies and validates the settings', () => {
    expect(kaplanMeierSettings('f', undefined)).toEqual({ level: 0.95, confidence: 'log-log', horizon: undefined });
    expectCxMetricsError(() => kaplanMeierSettings('f', { level: 1 }), 'OUT_OF_RANGE', 'f');
    expectCxMetricsError(() => kaplanMeierSettings('f', { confidence: 'arcsine' as never }), 'INVALID_OPTION', 'f');
  });
});
