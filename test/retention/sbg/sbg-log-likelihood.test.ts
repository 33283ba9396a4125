import { describe, expect, it } from 'vitest';
import { fitSbg, sbgLogLikelihood, sbgSurvival } from '../../../src/retention';
import { errorCode } from '../../support/error-code';
import { paperSurvivors, reference, relativeError } from '../retention-data';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/doc-examples';

type Customer = { renewals: number; churned: boolean };
const accessors = { renewals: (c: Customer) => c.renewals, churned: (c: Customer) => c.churned };

function customersOf(counts: readonly number[]): Customer[] {
  const customers: Customer[] = [];
  for (let t = 1; t < counts.length; t++) {
    for (let k = 0; k < (counts[t - 1] as number) - (counts[t] as number); k++) customers.push({ renewals: t - 1, churned: true });
  }
  for (let k = 0; k < (counts.at(-1) as number); k++) customers.push({ renewals: counts.length - 1, churned: false });
  return customers;
}

describe('sbgLogLikelihood', () => {
  const { regular, highEnd } = paperSurvivors();

  it('matches the reference log-likelihoods at the reference MLEs (reference/retention_reference.py)', () => {
    for (const [counts, ref] of [[regular, reference.sbgRegular], [highEnd, reference.sbgHighEnd]] as const) {
      expect(relativeError(sbgLogLikelihood({ alpha: ref.alpha, beta: ref.beta }, counts), ref.logLikelihood)).toBeLessThan(1e-10);
    }
  });

  it("returns the fit's logLikelihood at the fit's estimates, in both input forms", () => {
    const fit = fitSbg(regular);
    expect(relativeError(sbgLogLikelihood(fit, regular), fit.logLikelihood)).toBeLessThan(1e-12);
    expect(relativeError(sbgLogLikelihood(fit, customersOf(regular), accessors), fit.logLikelihood)).toBeLessThan(1e-12);
  });

  it('equals the likelihood written out from the survival function', () => {
    const params = { alpha: 1.3, beta: 2.2 };
    const counts = [50, 30, 21, 17];
    let expected = 0;
    for (let t = 1; t < counts.length; t++) {
      expected += ((counts[t - 1] as number) - (counts[t] as number)) * Math.log(sbgSurvival(params, t - 1) - sbgSurvival(params, t));
    }
    expected += (counts.at(-1) as number) * Math.log(sbgSurvival(params, counts.length - 1));
    expect(relativeError(sbgLogLikelihood(params, counts), expected)).toBeLessThan(1e-13);
  });

  it('is 0 without a renewal to explain, and skips missing records', () => {
    expect(sbgLogLikelihood({ alpha: 1, beta: 1 }, [1000])).toBe(0);
    expect(sbgLogLikelihood({ alpha: 1, beta: 1 }, [])).toBe(0);
    expect(sbgLogLikelihood({ alpha: 1, beta: 1 }, [], accessors)).toBe(0);
    expect(sbgLogLikelihood({ alpha: 1, beta: 1 }, [{ renewals: 0, churned: false }], accessors)).toBe(0);
    const withMissing = [null, { renewals: 0, churned: true }] as unknown as Customer[];
    const getRenewals = (c: Customer | null) => c?.renewals;
    const getChurned = (c: Customer | null) => c?.churned;
    expect(sbgLogLikelihood({ alpha: 1, beta: 1 }, withMissing, { renewals: getRenewals, churned: getChurned })).toBeCloseTo(Math.log(0.5), 14);
  });

  it('refuses bad parameters, counts and options', () => {
    expect(errorCode(() => sbgLogLikelihood({ alpha: 0, beta: 1 }, regular))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => sbgLogLikelihood({ alpha: 1, beta: 1 }, [1000, 631, 700]))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => sbgLogLikelihood({ alpha: 1, beta: 1 }, [1000, 1200]))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => sbgLogLikelihood({ alpha: 1, beta: 1 }, customersOf(regular), { renewals: accessors.renewals } as never))).toBe('INVALID_OPTION');
    expect(errorCode(() => sbgLogLikelihood({ alpha: 1, beta: 1 }, regular, { maxIterations: 3 } as never))).toBe('INVALID_OPTION');
  });
});

/** reference/sbg_per_customer_reference.py (mpmath, 40 digits). */
const perCustomerReference = JSON.parse(readFileSync(join(repoRoot, 'test', 'retention', 'sbg', 'reference', 'sbg-per-customer-reference.json'), 'utf8')) as {
  cells: { name: string; params: [number, number]; survivors: number[]; cells: [number, number, number][]; total: number }[];
  wide: [[number, number], number, boolean, number][];
};

describe('sbgLogLikelihood per customer ({ perCustomer: true })', () => {
  it('survivor counts: one entry per cell (lost at renewal t, then active after T), matching mpmath; Σ wᵢ ln Lᵢ = total', () => {
    for (const { params, survivors, cells, total } of perCustomerReference.cells) {
      const [alpha, beta] = params;
      const each = sbgLogLikelihood({ alpha, beta }, survivors, { perCustomer: true });
      expect([...each.index]).toEqual(cells.map((c) => c[0]));
      cells.forEach(([, , expected], i) => expect(relativeError(each.logLikelihood[i] as number, expected)).toBeLessThan(1e-13));
      expect(each.total).toBe(sbgLogLikelihood({ alpha, beta }, survivors));
      expect(relativeError(each.total, total)).toBeLessThan(1e-12);
      const weighted = cells.reduce((s, [, w], i) => s + w * (each.logLikelihood[i] as number), 0);
      expect(relativeError(weighted, each.total)).toBeLessThan(1e-13);
      expect(each.skipped).toBe(0);
    }
  });

  it('records: one entry per record used, aligned with its position; the expansion of a series gives its cells', () => {
    const { regular } = paperSurvivors();
    const params = { alpha: 0.704, beta: 1.182 };
    const customers = customersOf(regular);
    const each = sbgLogLikelihood(params, customers, { ...accessors, perCustomer: true });
    const cells = sbgLogLikelihood(params, regular, { perCustomer: true });
    expect(each.index.length).toBe(customers.length);
    customers.forEach((c, i) => expect(each.logLikelihood[i]).toBe(cells.logLikelihood[c.churned ? c.renewals : cells.logLikelihood.length - 1]));
    expect(relativeError(each.total, cells.total)).toBeLessThan(1e-12);
    const withGaps = sbgLogLikelihood(params, [null, { renewals: 1, churned: true }, { renewals: undefined, churned: false }] as never[], {
      renewals: (c: Customer) => c.renewals,
      churned: (c: Customer) => c.churned,
      perCustomer: true,
    });
    expect([...withGaps.index]).toEqual([1]);
    expect(withGaps.skipped).toBe(2);
  });

  it('matches mpmath at parameters e^±30 and renewals to 100,000 (rtol 1e-12)', () => {
    for (const [[alpha, beta], renewals, churned, expected] of perCustomerReference.wide) {
      const each = sbgLogLikelihood({ alpha, beta }, [{ renewals, churned }], { ...accessors, perCustomer: true });
      expect(Math.abs((each.logLikelihood[0] as number) - expected), JSON.stringify([alpha, beta, renewals, churned])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    }
  });

  it('empty for a series without a renewal; rejects a perCustomer that is not a boolean', () => {
    const empty = sbgLogLikelihood({ alpha: 1, beta: 1 }, [1000], { perCustomer: true });
    expect([empty.index.length, empty.logLikelihood.length, empty.total]).toEqual([0, 0, 0]);
    expect(errorCode(() => sbgLogLikelihood({ alpha: 1, beta: 1 }, [1000, 600], { perCustomer: 'yes' as never }))).toBe('INVALID_OPTION');
  });
});
