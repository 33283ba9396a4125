import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bgNbd, calibrationVsHoldout, paretoNbd } from '../../src/clv';
import { CxMetricsError } from '../../src/internal/errors';
import { bgNbdCustomerWholeRange, bgNbdParamsWholeRange } from './bg-nbd/bg-nbd-arbitraries';
import { wideCustomer, wideParameter } from './wide-arbitraries';
import { BG_NBD_CDNOW } from './validation-data';

const holdout = fc.record({ holdoutFrequency: fc.integer({ min: 0, max: 30 }), holdoutDuration: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 100, noNaN: true })) });
const small = fc
  .record({ x: fc.integer({ min: 0, max: 12 }), T: fc.integer({ min: 0, max: 40 }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ frequency: x, recency: x === 0 ? 0 : T * share, T }));
const customer = fc.tuple(small, holdout).map(([c, h]) => ({ ...c, ...h }));

/** The documented refusal where an expectation cannot be computed accurately. */
function refused(error: unknown): boolean {
  return error instanceof CxMetricsError && error.code === 'OUT_OF_RANGE';
}

describe('calibrationVsHoldout: properties', () => {
  test.prop([fc.array(fc.tuple(customer, fc.integer({ min: 0, max: 4 })), { maxLength: 15 }), fc.integer({ min: 1, max: 9 })], { numRuns: 60 })(
    'duplicated customers give what weights give; groups add up to the totals',
    (list, top) => {
      const expanded = list.flatMap(([c, k]) => Array.from({ length: k }, () => c));
      const weighted = calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, list, {
        maxFrequency: top,
        frequency: (d) => d[0].frequency,
        recency: (d) => d[0].recency,
        T: (d) => d[0].T,
        holdoutFrequency: (d) => d[0].holdoutFrequency,
        holdoutDuration: (d) => d[0].holdoutDuration,
        weight: (d) => d[1],
      });
      const plain = calibrationVsHoldout(bgNbd, BG_NBD_CDNOW, expanded, { maxFrequency: top });
      expect(weighted.customers).toBe(plain.customers);
      expect(weighted.groups.map((g) => g.customers)).toEqual(plain.groups.map((g) => g.customers));
      weighted.groups.forEach((g, k) => {
        const p = plain.groups[k]!;
        if (g.expected === undefined) expect(p.expected).toBeUndefined();
        else {
          expect(g.expected).toBeCloseTo(p.expected!, 10);
          expect(g.actual).toBeCloseTo(p.actual!, 10);
        }
      });
      for (const key of ['mae', 'rmse', 'aggregateError', 'correlation'] as const) {
        const a = weighted.errors[key];
        const b = plain.errors[key];
        if (a === undefined || b === undefined) expect(a === undefined && b === undefined || key === 'correlation').toBe(true);
        else expect(a).toBeCloseTo(b, 8);
      }
      const sum = plain.groups.reduce((s, g) => s + (g.customers > 0 ? g.customers * g.expected! : 0), 0);
      expect(sum).toBeCloseTo(plain.expectedTotal, 8);
    },
  );

  test.prop([bgNbdParamsWholeRange, fc.array(fc.tuple(bgNbdCustomerWholeRange, holdout), { minLength: 1, maxLength: 4 })], { numRuns: 60 })(
    'BG/NBD over the whole fitted range: finite predictions in [0, (r + x)/(α + T)·t*], metrics finite, or a documented refusal',
    (params, list) => {
      const rows = list.map(([c, h]) => ({ ...c, ...h }));
      let result;
      try {
        result = calibrationVsHoldout(bgNbd, params, rows);
      } catch (error) {
        if (refused(error)) return;
        throw error;
      }
      result.expected.forEach((p, i) => {
        const row = rows[i]!;
        expect(Number.isFinite(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(((params.r + row.frequency) / (params.alpha + row.T)) * row.holdoutDuration * (1 + 1e-9) + 1e-300);
      });
      for (const v of Object.values(result.errors)) if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
      if (result.errors.correlation !== undefined) expect(Math.abs(result.errors.correlation)).toBeLessThanOrEqual(1);
    },
  );

  test.prop([fc.record({ r: wideParameter, alpha: wideParameter, s: wideParameter, beta: wideParameter }), fc.array(fc.tuple(wideCustomer, holdout), { minLength: 1, maxLength: 3 })], { numRuns: 40 })(
    'Pareto/NBD over the whole fitted range: finite, non-negative predictions, or a documented refusal',
    (params, list) => {
      const rows = list.map(([c, h]) => ({ ...c, ...h }));
      try {
        const result = calibrationVsHoldout(paretoNbd, params, rows);
        for (const p of result.expected) expect(Number.isFinite(p) && p >= 0).toBe(true);
      } catch (error) {
        if (!refused(error)) throw error;
      }
    },
  );
});
