import { describe, expect, it } from 'vitest';
import { bgBbDert, type DiscreteCustomerHistory } from '../../../src/clv';
import { errorCode } from '../../support/error-code';
import { relativeError } from '../clv-data';
import { EXTREME_RTOL, extremeError, extremeReference } from '../extreme-data';
import { BAD_BG_BB_CUSTOMERS, BAD_BG_BB_PARAMS, bgBbReference as reference, bgBbExtremeReference, params4, PUBLISHED } from './bg-bb-data';

const customer = (x: number, tx: number, n: number): DiscreteCustomerHistory => ({ frequency: x, recency: tx, periods: n });

describe('bgBbDert: known values (independent mpmath, reference/bg_bb_reference.py)', () => {
  it('matches eq. 14 (mpmath ₂F₁; itself checked against the discounted series summed term by term)', () => {
    for (const [x, tx, n, d, expected] of reference.dert) {
      expect(relativeError(bgBbDert(PUBLISHED, customer(x, tx, n), { discountRate: d }), expected)).toBeLessThan(1e-12);
    }
  });

  it('is accurate for extreme customers: x = 10,000, tₓ = n, x = 0 with n = 10,000', () => {
    for (const e of reference.extreme) {
      const value = bgBbDert(PUBLISHED, customer(...e.customer), { discountRate: 0.1 });
      if (e.dert < 1e-300) expect(value).toBeLessThan(1e-300);
      else expect(relativeError(value, e.dert)).toBeLessThan(1e-12);
    }
  });

  it('hand computation: with γ → 0 nobody drops out, and DERT = E[p | history] / d', () => {
    // θ ~ Beta(γ, δ) with γ tiny puts all mass at θ = 0: alive for ever, transacting with
    // probability (α+x)/(α+β+n) at each opportunity; Σ_{k≥1} 1/(1+d)^k = 1/d.
    const value = bgBbDert({ ...PUBLISHED, gamma: 1e-12 }, customer(3, 5, 6), { discountRate: 0.1 });
    expect(relativeError(value, 4.204 / 7.954 / 0.1)).toBeLessThan(1e-9);
  });

  it('small discount rates, including γ a whole number (where the series is long and the Euler integral is used)', () => {
    // 1/(1+d) carries d to ~1e-16/d relative precision: the accuracy promised below d ≈ 1e-6.
    for (const [p, x, tx, n, d, expected] of reference.dertSmallRate) {
      const value = bgBbDert(params4(p), customer(x, tx, n), { discountRate: d });
      expect(relativeError(value, expected)).toBeLessThan(3e-16 / d + 1e-13);
    }
  });

  it('matches the whole-range references (every parameter in [e^-30, e^30], discount rates down to 1e-8) at rtol 1e-6', () => {
    let compared = 0;
    for (const [alpha, beta, gamma, delta, x, tx, n, , d, , , , dert] of extremeReference.bgBb.customers) {
      if (dert === null) continue; // mpmath's 2F1 did not converge there
      const call = () => bgBbDert({ alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! }, customer(x!, tx!, n!), { discountRate: d! });
      compared++;
      expect(extremeError(call(), dert!), JSON.stringify([alpha, beta, gamma, delta, x, tx, n, d])).toBeLessThan(EXTREME_RTOL);
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('bgBbDert: bad input', () => {
  const ok = { discountRate: 0.1 };
  it.each(BAD_BG_BB_CUSTOMERS)('%s → %s', (_what, c, code) => {
    expect(errorCode(() => bgBbDert(PUBLISHED, c as DiscreteCustomerHistory, ok))).toBe(code);
  });
  it.each(BAD_BG_BB_PARAMS)('parameters with %s → %s', (_what, params, code) => {
    expect(errorCode(() => bgBbDert(params as typeof PUBLISHED, customer(2, 3, 5), ok))).toBe(code);
  });
  it.each<[string, unknown, string]>([
    ['d = 0 (the sum diverges for γ ≤ 1)', 0, 'OUT_OF_RANGE'],
    ['negative d', -0.1, 'OUT_OF_RANGE'],
    ['NaN d', Number.NaN, 'INVALID_NUMBER'],
    ['d as a string', '0.1', 'INVALID_NUMBER'],
    ['missing d', undefined, 'INVALID_NUMBER'],
    ['d below 1e-8', 1e-9, 'OUT_OF_RANGE'],
  ])('%s → %s', (_what, d, code) => {
    expect(errorCode(() => bgBbDert(PUBLISHED, customer(2, 3, 5), { discountRate: d as number }))).toBe(code);
  });
  it('rejects missing options, naming the function', () => {
    expect(errorCode(() => bgBbDert(PUBLISHED, customer(2, 3, 5), undefined as never))).toBe('INVALID_NUMBER');
    expect(() => bgBbDert(PUBLISHED, customer(2, 3, 5), { discountRate: 0 })).toThrow(/^bgBbDert: discountRate 0 must be greater than 0/);
  });
});

describe('bgBbDert at concentrations up to 1e13 (reference/bg_bb_extreme_reference.py: every parameter in [e^-30, e^30], concentrations α + β, γ + δ of 1e11–1e13)', () => {
  it('matches mpmath at rtol 1e-6 (a reference below 1e-290 must come out below 1e-280)', () => {
    for (const point of bgBbExtremeReference.points) {
      for (const [x, tx, n, d, expected] of point.dert) {
        const value = bgBbDert(params4(point.params), { frequency: x, recency: tx, periods: n }, { discountRate: d });
        expect(extremeError(value, expected), `${point.name}: (${x}, ${tx}, ${n}), d = ${d}`).toBeLessThan(EXTREME_RTOL);
      }
    }
  });
});
