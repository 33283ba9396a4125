import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fitSbg } from '../../src/retention/fit-sbg';
import { seededRandom } from '../../bench/harness';
import { betaSample } from '../clv/clv-simulate';
import { repoRoot } from '../support/doc-examples';
import { errorCode } from '../support/error-code';

/** Table 1 of Fader & Hardie (2007): percent alive after each yearly renewal, × 1000 customers = counts. */
function paperSurvivors(): { regular: number[]; highEnd: number[] } {
  const text = readFileSync(join(repoRoot, '..', 'shared', 'data', 'sbg_survival_calibration.csv'), 'utf8');
  const rows = text.trim().split(/\r?\n/).slice(1).map((line) => line.split(',').map(Number));
  return {
    regular: rows.map((r) => Math.round((r[1] as number) * 10)),
    highEnd: rows.map((r) => Math.round((r[2] as number) * 10)),
  };
}

const sig3 = (x: number): number => Number(x.toPrecision(3));
const sig4 = (x: number): number => Number(x.toPrecision(4));

/** Simulate the sBG: θᵢ ~ Beta(α, β), renew with probability 1 − θᵢ until churn or `periods`. */
function simulate(alpha: number, beta: number, customers: number, periods: number, seed: number) {
  const random = seededRandom(seed);
  const rows: { renewals: number; churned: boolean }[] = [];
  for (let i = 0; i < customers; i++) {
    const theta = betaSample(random, alpha, beta);
    let renewals = 0;
    let churned = false;
    while (renewals < periods) {
      if (random() < theta) {
        churned = true;
        break;
      }
      renewals++;
    }
    rows.push({ renewals, churned });
  }
  return rows;
}

describe('fitSbg: the published estimates (Fader & Hardie 2007, Table 1, years 0–7)', () => {
  const { regular, highEnd } = paperSurvivors();
  it('reads 1,000-customer cohorts from the CSV', () => {
    expect(regular).toEqual([1000, 631, 468, 382, 326, 289, 262, 241]);
    expect(highEnd[0]).toBe(1000);
  });
  it('regular: α = 0.704, β = 1.182', () => {
    const fit = fitSbg(regular);
    expect(fit.converged).toBe(true);
    expect(sig3(fit.alpha)).toBe(0.704);
    expect(sig4(fit.beta)).toBe(1.182);
    expect(fit.customers).toBe(1000);
    expect(fit.churned).toBe(759);
    expect(fit.periods).toBe(7);
    expect(Object.isFrozen(fit)).toBe(true);
  });
  it('high end: α = 0.668, β = 3.806', () => {
    const fit = fitSbg(highEnd);
    expect(fit.converged).toBe(true);
    expect(sig3(fit.alpha)).toBe(0.668);
    expect(sig4(fit.beta)).toBe(3.806);
    expect(fit.standardErrors?.alpha).toBeGreaterThan(0);
  });
  it('the log-likelihood equals the closed form evaluated independently', () => {
    // ln L at the estimates by the recursion P(1) = α/(α+β), P(t) = P(t−1)(β+t−2)/(α+β+t−1).
    const fit = fitSbg(regular);
    let p = fit.alpha / (fit.alpha + fit.beta);
    let s = 1 - p;
    let ll = (1000 - 631) * Math.log(p);
    for (let t = 2; t <= 7; t++) {
      p = (p * (fit.beta + t - 2)) / (fit.alpha + fit.beta + t - 1);
      s -= p;
      ll += ((regular[t - 1] as number) - (regular[t] as number)) * Math.log(p);
    }
    ll += 241 * Math.log(s);
    expect(fit.logLikelihood).toBeCloseTo(ll, 8);
  });
  it('per-customer records give the same fit as the survivor counts', () => {
    const customers: { renewals: number; churned: boolean }[] = [];
    for (let t = 1; t <= 7; t++) {
      for (let k = 0; k < (regular[t - 1] as number) - (regular[t] as number); k++) customers.push({ renewals: t - 1, churned: true });
    }
    for (let k = 0; k < 241; k++) customers.push({ renewals: 7, churned: false });
    customers.push(null as never);
    const fit = fitSbg(customers, { renewals: (c) => c.renewals, churned: (c) => c.churned });
    const reference = fitSbg(regular);
    expect(fit.alpha).toBeCloseTo(reference.alpha, 6);
    expect(fit.beta).toBeCloseTo(reference.beta, 6);
    expect(fit.logLikelihood).toBeCloseTo(reference.logLikelihood, 6);
    expect(fit.skipped).toBe(1);
  });
});

describe('fitSbg: recovers α, β from data simulated with known values', () => {
  test.prop(
    [fc.constantFrom([0.7, 1.2], [1.5, 4], [3, 2]), fc.integer({ min: 1, max: 1_000_000 })],
    { numRuns: 4 },
  )('within 4 standard errors', ([alpha, beta], seed) => {
    const rows = simulate(alpha, beta, 6000, 12, seed);
    const fit = fitSbg(rows, { renewals: (c) => c.renewals, churned: (c) => c.churned });
    expect(fit.converged).toBe(true);
    const se = fit.standardErrors;
    expect(se).toBeDefined();
    expect(Math.abs(fit.alpha - alpha)).toBeLessThan(4 * (se?.alpha ?? 0));
    expect(Math.abs(fit.beta - beta)).toBeLessThan(4 * (se?.beta ?? 0));
  });
});

describe('fitSbg: bad input', () => {
  it('rejects impossible survivor series with codes', () => {
    expect(errorCode(() => fitSbg([1000, 631, 700]))).toBe('ORDER_VIOLATION');
    expect(errorCode(() => fitSbg([100, 120]))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => fitSbg([100, -1]))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => fitSbg([100, Number.NaN]))).toBe('INVALID_NUMBER');
    expect(errorCode(() => fitSbg([100, null as never]))).toBe('INVALID_NUMBER');
    expect(errorCode(() => fitSbg([100, 50.5]))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => fitSbg([100]))).toBe('INSUFFICIENT_DATA');
    expect(errorCode(() => fitSbg([0, 0]))).toBe('INSUFFICIENT_DATA');
  });
  it('rejects bad customer records', () => {
    const acc = { renewals: (c: { r: unknown; c: unknown }) => c.r as number, churned: (c: { r: unknown; c: unknown }) => c.c as boolean };
    expect(errorCode(() => fitSbg([{ r: Number.NaN, c: true }], acc))).toBe('INVALID_NUMBER');
    expect(errorCode(() => fitSbg([{ r: -1, c: true }], acc))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => fitSbg([{ r: 1, c: 'yes' }], acc))).toBe('INVALID_RECORD');
    expect(errorCode(() => fitSbg([], acc))).toBe('INSUFFICIENT_DATA');
    expect(errorCode(() => fitSbg([{ r: 1, c: true }], { renewals: acc.renewals } as never))).toBe('INVALID_OPTION');
  });
  it('reports a boundary maximum honestly when nobody churned', () => {
    const fit = fitSbg([100, 100, 100]);
    expect(fit.converged).toBe(false);
    expect(Number.isFinite(fit.alpha) && Number.isFinite(fit.beta)).toBe(true);
  });
});
