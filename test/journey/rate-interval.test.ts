import { describe, expect, it } from 'vitest';
import { rateInterval } from '../../src/journey/rate-interval';
import { wilsonInterval } from '../../src/internal/wilson';

describe('rateInterval', () => {
  it('is the Wilson interval, frozen, and undefined without trials', () => {
    const r = rateInterval(3, 10, 0.95);
    expect(r).toEqual({ lower: wilsonInterval(3, 10, 0.95).lower, upper: wilsonInterval(3, 10, 0.95).upper });
    expect(Object.isFrozen(r)).toBe(true);
    expect(rateInterval(0, 0, 0.95)).toBeUndefined();
  });
});
