import { describe, expect, it } from 'vitest';
import { bgBbLogLikelihood, fitBgBb } from '../../../src/clv';
import { errorCode as code } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError } from '../extreme-data';
import { bgBbCountsReference as countsReference, bgBbExtremeReference, bgBbReference as reference, donations, params4, PUBLISHED } from './bg-bb-data';

const table = donations();
const byWeight = { weight: (d: { weights: number }) => d.weights };

describe('bgBbLogLikelihood', () => {
  it('matches the mpmath likelihood of each reference customer (reference/bg_bb_reference.py)', () => {
    for (const [x, tx, n, ll] of reference.likelihood) {
      const value = bgBbLogLikelihood(PUBLISHED, [{ frequency: x, recency: tx, periods: n }]);
      expect(Math.abs(value - ll)).toBeLessThan(1e-13 * Math.max(1, Math.abs(ll)));
    }
  });

  it('matches the reference total on the donations at the reference MLE, weighted or expanded', () => {
    const params = params4(reference.donations.params);
    expect(relativeError(bgBbLogLikelihood(params, table, byWeight), reference.donations.logLikelihood)).toBeLessThan(1e-14);
    const expanded = table.flatMap((d) => Array.from({ length: d.weights }, () => ({ frequency: d.frequency, recency: d.recency, periods: d.periods })));
    expect(relativeError(bgBbLogLikelihood(params, expanded), reference.donations.logLikelihood)).toBeLessThan(1e-12);
  });

  it("returns the fit's logLikelihood at the fit's estimates", () => {
    const fit = fitBgBb(table, byWeight);
    expect(relativeError(bgBbLogLikelihood(fit, table, byWeight), fit.logLikelihood)).toBeLessThan(1e-12);
  });

  it('reads other record types through accessors, skips missing rows, and is 0 for no rows', () => {
    const rows: ([number, number, number] | null)[] = [[2, 4, 6], null, [0, 0, 6]];
    const value = bgBbLogLikelihood(PUBLISHED, rows, { frequency: (d) => d?.[0], recency: (d) => d?.[1], periods: (d) => d?.[2] });
    const direct = bgBbLogLikelihood(PUBLISHED, [
      { frequency: 2, recency: 4, periods: 6 },
      { frequency: 0, recency: 0, periods: 6 },
    ]);
    expect(value).toBe(direct);
    expect(bgBbLogLikelihood(PUBLISHED, [])).toBe(0);
    expect(bgBbLogLikelihood(PUBLISHED, [null, undefined])).toBe(0);
  });

  it('is highest at the MLE along each parameter', () => {
    const fit = fitBgBb(table, byWeight);
    const at = bgBbLogLikelihood(fit, table, byWeight);
    for (const k of ['alpha', 'beta', 'gamma', 'delta'] as const) {
      for (const f of [0.9, 1.1]) expect(bgBbLogLikelihood({ ...PUBLISHED, ...fit, [k]: fit[k] * f }, table, byWeight)).toBeLessThan(at);
    }
  });

  it('refuses parameters outside the numeric range and bad rows', () => {
    const one = [{ frequency: 1, recency: 1, periods: 1 }];
    expect(code(() => bgBbLogLikelihood({ ...PUBLISHED, alpha: 1e14 }, one))).toBe('OUT_OF_RANGE');
    expect(code(() => bgBbLogLikelihood({ ...PUBLISHED, delta: 1e-14 }, one))).toBe('OUT_OF_RANGE');
    expect(code(() => bgBbLogLikelihood({ ...PUBLISHED, beta: 0 }, one))).toBe('OUT_OF_RANGE');
    expect(code(() => bgBbLogLikelihood(PUBLISHED, [{ frequency: 2, recency: 1, periods: 6 }]))).toBe('INCONSISTENT_INPUT');
    expect(code(() => bgBbLogLikelihood(PUBLISHED, one, { wieght: () => 1 } as never))).toBe('INVALID_OPTION');
  });
});

describe('bgBbLogLikelihood per customer ({ perCustomer: true })', () => {
  it("matches the workbook's ln L of each donations cell (mpmath, reference/bg_bb_counts_reference.py)", () => {
    const mle = params4(reference.donations.params);
    const cells = countsReference.cellLogLikelihood;
    const rows = cells.map(([x, tx, n, w]) => ({ frequency: x, recency: tx, periods: n, weights: w }));
    for (const [params, column] of [[mle, 4], [PUBLISHED, 5]] as const) {
      const each = bgBbLogLikelihood(params, rows, { ...byWeight, perCustomer: true });
      expect([...each.index]).toEqual(cells.map((_, i) => i));
      cells.forEach((cell, i) => expect(Math.abs((each.logLikelihood[i] as number) - (cell[column] as number))).toBeLessThan(1e-13 * Math.abs(cell[column] as number)));
      expect(each.total).toBe(bgBbLogLikelihood(params, rows, byWeight));
      expect(each.skipped).toBe(0);
    }
  });

  it('aligns with the input positions, skips missing rows, gives weight-0 rows their ln L, and Σ wᵢ ln Lᵢ = total', () => {
    const rows = [
      { frequency: 2, recency: 4, periods: 6, w: 3 },
      null,
      { frequency: 0, recency: 0, periods: 6, w: 0 },
      { frequency: 2, recency: 4, periods: 6, w: 1 },
      { frequency: 1, recency: undefined, periods: 6, w: 1 },
    ];
    const each = bgBbLogLikelihood(PUBLISHED, rows as never[], { weight: (d: { w: number }) => d.w, perCustomer: true });
    expect([...each.index]).toEqual([0, 2, 3]);
    expect(each.skipped).toBe(2);
    const single = (x: number, tx: number, n: number) => bgBbLogLikelihood(PUBLISHED, [{ frequency: x, recency: tx, periods: n }]);
    expect([...each.logLikelihood]).toEqual([single(2, 4, 6), single(0, 0, 6), single(2, 4, 6)]);
    expect(relativeError(each.total, 4 * single(2, 4, 6))).toBeLessThan(1e-15);
    const empty = bgBbLogLikelihood(PUBLISHED, [], { perCustomer: true });
    expect([empty.index.length, empty.logLikelihood.length, empty.total, empty.skipped]).toEqual([0, 0, 0, 0]);
    expect(bgBbLogLikelihood(PUBLISHED, [{ frequency: 2, recency: 4, periods: 6 }], { perCustomer: false })).toBe(single(2, 4, 6));
  });

  it('rejects a perCustomer that is not a boolean', () => {
    expect(code(() => bgBbLogLikelihood(PUBLISHED, [], { perCustomer: 'yes' as never }))).toBe('INVALID_OPTION');
    expect(() => bgBbLogLikelihood(PUBLISHED, [], { perCustomer: 1 as never })).toThrow(/^bgBbLogLikelihood: perCustomer 1 must be true or false/);
  });
});

describe('bgBbLogLikelihood over the whole range (reference/bg_bb_extreme_reference.py: every parameter in [e^-30, e^30], concentrations α + β, γ + δ of 1e11–1e13)', () => {
  // ln L is computed from ratios near 1 and, for a history without purchase, from its complement
  // ln(1 − Q): accurate in relative terms down to ln L = −8e-53, so no absolute floor (n = 0 is
  // exactly 0).
  it('matches each row\'s mpmath ln L at rtol 1e-6, alone and per customer', () => {
    for (const point of bgBbExtremeReference.points) {
      const params = params4(point.params);
      const rows = point.logLikelihood.map(([x, tx, n]) => ({ frequency: x, recency: tx, periods: n }));
      const each = bgBbLogLikelihood(params, rows, { perCustomer: true });
      point.logLikelihood.forEach(([x, tx, n, expected], i) => {
        const label = `${point.name}: (${x}, ${tx}, ${n})`;
        expect(extremeError(-bgBbLogLikelihood(params, [rows[i]!]), -expected), label).toBeLessThan(EXTREME_RTOL);
        expect(extremeError(-(each.logLikelihood[i] as number), -expected), label).toBeLessThan(EXTREME_RTOL);
      });
    }
  });

  it('matches the mpmath grouped totals Σ w ln L at rtol 1e-6 (the issue: 260 rows with n = 0 among them)', () => {
    for (const point of bgBbExtremeReference.points) {
      for (const { rows, total } of point.groupTotals) {
        const records = rows.map(([x, tx, n, w]) => ({ frequency: x, recency: tx, periods: n, w }));
        const value = bgBbLogLikelihood(params4(point.params), records, { weight: (d) => d.w });
        expect(extremeError(-value, -total), point.name).toBeLessThan(EXTREME_RTOL);
      }
    }
  });

  it('leaves no point out', () => {
    expect(bgBbExtremeReference.leftOut).toEqual([]);
  });
});
