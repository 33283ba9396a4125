import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CxMetricsError } from '../../src/internal/errors';
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
  } catch (error) {
    // Degenerate draws (a constant rating or outcome, collinear drivers) are the bad-input tests'
    // business; anything else is a failure. Callers discard them with fc.pre, so a property
    // that only ever met degenerate draws fails instead of passing vacuously.
    if (error instanceof CxMetricsError && error.code === 'INSUFFICIENT_DATA') return undefined;
    throw error;
  }
}

/** R² of an ordinary least-squares fit with an intercept, 1 − SSE/SST, by Gaussian elimination on the normal equations (independent of src/). */
function olsRSquared(rows: readonly { y: number; x: number[] }[]): number {
  const k = rows[0]!.x.length + 1;
  const a = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  for (const r of rows) {
    const z = [1, ...r.x];
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) a[i]![j]! += z[i]! * z[j]!;
      a[i]![k]! += z[i]! * r.y;
    }
  }
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let i = c + 1; i < k; i++) if (Math.abs(a[i]![c]!) > Math.abs(a[pivot]![c]!)) pivot = i;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let i = 0; i < k; i++) {
      if (i === c) continue;
      const f = a[i]![c]! / a[c]![c]!;
      for (let j = c; j <= k; j++) a[i]![j]! -= f * a[c]![j]!;
    }
  }
  const coef = a.map((row, i) => row[k]! / row[i]!);
  const mean = rows.reduce((s, r) => s + r.y, 0) / rows.length;
  let sse = 0;
  let sst = 0;
  for (const r of rows) {
    const fit = coef.reduce((s, c, i) => s + c * (i === 0 ? 1 : r.x[i - 1]!), 0);
    sse += (r.y - fit) ** 2;
    sst += (r.y - mean) ** 2;
  }
  return 1 - sse / sst;
}

describe('keyDrivers properties', () => {
  test.prop([data, fc.constantFrom('relative-weights' as const, 'shapley' as const)], { numRuns: 150 })('importances are ≥ 0 and sum to the regression R² in [0, 1]; shares sum to 1', ({ p, rows }, method) => {
    const result = analyse(p, rows, method);
    fc.pre(result !== undefined);
    if (result === undefined) return;
    const sum = result.drivers.reduce((s, d) => s + d.importance, 0);
    // R² is the regression's own (checked against a least-squares fit made here), and the parts add up to it.
    expect(Math.abs(result.rSquared! - olsRSquared(rows))).toBeLessThan(1e-7);
    expect(result.rSquared!).toBeGreaterThanOrEqual(0);
    expect(result.rSquared!).toBeLessThanOrEqual(1);
    expect(Math.abs(sum - result.rSquared!)).toBeLessThan(1e-10);
    for (const d of result.drivers) expect(d.importance).toBeGreaterThanOrEqual(0);
    if (result.rSquared! > 1e-9) expect(Math.abs(result.drivers.reduce((s, d) => s + d.share!, 0) - 1)).toBeLessThan(1e-9);
  });

  test.prop([data], { numRuns: 100 })('invariant to the order of the responses', ({ p, rows }) => {
    const a = analyse(p, rows, 'relative-weights');
    fc.pre(a !== undefined);
    if (a === undefined) return;
    const reversed = analyse(p, rows, 'relative-weights', rows.map((_, i) => rows.length - 1 - i))!;
    a.drivers.forEach((d, j) => expect(Math.abs(d.importance - reversed.drivers[j]!.importance)).toBeLessThan(1e-10));
  });

  test.prop([data], { numRuns: 100 })('with two drivers, relative weights equal the Shapley values', ({ rows }) => {
    const two = rows.map((r) => ({ y: r.y, x: r.x.slice(0, 2) }));
    const rw = analyse(2, two, 'relative-weights');
    fc.pre(rw !== undefined);
    if (rw === undefined) return;
    const sh = analyse(2, two, 'shapley')!;
    rw.drivers.forEach((d, j) => expect(Math.abs(d.importance - sh.drivers[j]!.importance)).toBeLessThan(1e-10));
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 12, maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 40, maxLength: 40 })], { numRuns: 100 })(
    'a driver that is the outcome rescaled gives R² = 1 and ranks first',
    (x, noise) => {
      const rows = x.map((v, i) => ({ y: v * 2, x: [v, noise[i] as number] }));
      const result = analyse(2, rows, 'relative-weights');
      fc.pre(result !== undefined);
      if (result === undefined) return;
      expect(result.rSquared!).toBeCloseTo(1, 9);
      expect(result.drivers[0]!.importance).toBeGreaterThanOrEqual(result.drivers[1]!.importance);
    },
  );
});
