import { describe, expect, it } from 'vitest';
import { requireLogScaleParameters } from '../../src/internal/log-scale-parameters';
import { CxMetricsError } from '../../src/internal/errors';
import { thrownBy } from '../support/error-code';

describe('requireLogScaleParameters', () => {
  it('returns ln θ for parameters within e^±30, the limits included', () => {
    expect(requireLogScaleParameters('f', ['a', 'b', 'c'], [1, Math.E, 0.5])).toEqual([0, 1, Math.log(0.5)]);
    const [lo, hi] = requireLogScaleParameters('f', ['a', 'b'], [Math.exp(-30) * (1 + 1e-15), Math.exp(30) * (1 - 1e-15)]);
    expect(Math.abs(lo as number)).toBeLessThanOrEqual(30);
    expect(Math.abs(hi as number)).toBeLessThanOrEqual(30);
  });

  it.each([
    ['too small', Math.exp(-31)],
    ['too large', Math.exp(31)],
    ['zero', 0],
    ['NaN', Number.NaN],
  ])('throws OUT_OF_RANGE naming the parameter for a value %s', (_name, value) => {
    const error = thrownBy(() => requireLogScaleParameters('g', ['alpha', 'beta'], [1, value])) as CxMetricsError;
    expect(error).toBeInstanceOf(CxMetricsError);
    expect(error.code).toBe('OUT_OF_RANGE');
    expect(error.details.field).toBe('beta');
    expect(error.message).toContain('g');
  });
});
