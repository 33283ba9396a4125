import { describe, expect, it } from 'vitest';
import { fitSbg, sbgLogLikelihood, sbgSurvival } from '../../../src/retention';
import { errorCode } from '../../support/error-code';
import { paperSurvivors, reference, relativeError } from '../retention-data';

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
