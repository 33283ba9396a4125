import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { keyDrivers } from '../../src/survey/index';

/** Responses with 2–5 ratings 1–5 and a 0–10 outcome, enough of them to fit. */
const data = fc.integer({ min: 2, max: 5 }).chain((p) =>
  fc.array(fc.record({ y: fc.integer({ min: 0, max: 10 }), x: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: p, maxLength: p }) }), { minLength: p + 8, maxLength: 60 }).map((rows) => ({ p, rows })),
);

function analyse(p: number, rows: readonly { y: number; x: number[] }[], method: 'relative-weights' | 'shapley', order?: number[]) {
  const names = Array.from({ length: p }, (_, j) => `d${j}`);
  const drivers = Object.fromEntries(names.map((n, j) => [n, (r: { x: number[] }) => r.x[j] as number]));
  try {
    return keyDrivers(order === undefined ? rows : order.map((i) => rows[i]!), { outcome: (r) => r.y, drivers, method, resamples: 0 });
  } catch {
    return undefined; // degenerate draws (a constant rating, collinear drivers) are the bad-input tests' business
  }
}

describe('keyDrivers properties', () => {
  test.prop([data, fc.constantFrom('relative-weights' as const, 'shapley' as const)], { numRuns: 150 })('importances are ≥ 0 and sum to R² in [0, 1]; shares sum to 1', ({ p, rows }, method) => {
    const result = analyse(p, rows, method);
    if (result === undefined) return;
    const sum = result.drivers.reduce((s, d) => s + d.importance, 0);
    expect(result.rSquared!).toBeGreaterThanOrEqual(0);
    expect(result.rSquared!).toBeLessThanOrEqual(1);
    expect(Math.abs(sum - result.rSquared!)).toBeLessThan(1e-10);
    for (const d of result.drivers) expect(d.importance).toBeGreaterThanOrEqual(0);
    if (result.rSquared! > 1e-9) expect(Math.abs(result.drivers.reduce((s, d) => s + d.share!, 0) - 1)).toBeLessThan(1e-9);
  });

  test.prop([data], { numRuns: 100 })('invariant to the order of the responses', ({ p, rows }) => {
    const a = analyse(p, rows, 'relative-weights');
    if (a === undefined) return;
    const reversed = analyse(p, rows, 'relative-weights', rows.map((_, i) => rows.length - 1 - i))!;
    a.drivers.forEach((d, j) => expect(Math.abs(d.importance - reversed.drivers[j]!.importance)).toBeLessThan(1e-10));
  });

  test.prop([data], { numRuns: 100 })('with two drivers, relative weights equal the Shapley values', ({ rows }) => {
    const two = rows.map((r) => ({ y: r.y, x: r.x.slice(0, 2) }));
    const rw = analyse(2, two, 'relative-weights');
    if (rw === undefined) return;
    const sh = analyse(2, two, 'shapley')!;
    rw.drivers.forEach((d, j) => expect(Math.abs(d.importance - sh.drivers[j]!.importance)).toBeLessThan(1e-10));
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 12, maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 40, maxLength: 40 })], { numRuns: 100 })(
    'a driver that is the outcome rescaled gives R² = 1 and ranks first',
    (x, noise) => {
      const rows = x.map((v, i) => ({ y: v * 2, x: [v, noise[i] as number] }));
      const result = analyse(2, rows, 'relative-weights');
      if (result === undefined) return;
      expect(result.rSquared!).toBeCloseTo(1, 9);
      expect(result.drivers[0]!.importance).toBeGreaterThanOrEqual(result.drivers[1]!.importance);
    },
  );
});
