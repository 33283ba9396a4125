import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/internal/wilson';

// Independent values: python3 with scipy, by the formula
//   z = norm.ppf(1 − (1 − level)/2); c = p + z²/(2n); h = z·√(p(1 − p)/n + z²/(4n²)); (c ∓ h)/(1 + z²/n)
describe('wilsonInterval (internal, shared with the journey domain)', () => {
  it.each<[number, number, number, number, number]>([
    [80, 100, 0.95, 0.711170834406841, 0.866633066668967],
    [0, 10, 0.95, 0, 0.277532799862889],
    [10, 10, 0.95, 0.722467200137111, 1],
    [1, 1, 0.9, 0.269865948784054, 1],
    [37, 50, 0.99, 0.559139921586418, 0.86462707438912],
    [3, 1000, 0.95, 0.00102078388113862, 0.00878301405350317],
    [999, 1000, 0.8, 0.996662754948787, 0.999700842969804],
  ])('%i of %i at %f', (x, n, level, lower, upper) => {
    const r = wilsonInterval(x, n, level);
    expect(r.lower).toBeCloseTo(lower, 13);
    expect(r.upper).toBeCloseTo(upper, 13);
  });
  it('gives [0, 1] for n = 0 and rejects impossible arguments as bugs', () => {
    expect(wilsonInterval(0, 0, 0.95)).toEqual({ lower: 0, upper: 1 });
    expect(() => wilsonInterval(3, 2, 0.95)).toThrow(/internal/);
    expect(() => wilsonInterval(1, 2, 1)).toThrow(/internal/);
  });
});
