import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { digamma, digammaDifference, logBeta, logDiffExp, logGamma, logSumExp, trigamma, ZETA_MINUS_ONE } from '../../src/internal/special';
import { expectClose } from './close';

// Reference values: python3 /tmp/kern/known.py with mpmath 1.3, mp.dps = 50, every argument
// converted as mpf(float(s)) so the reference is for the exact double the test passes.
describe('ZETA_MINUS_ONE', () => {
  it('equals mpmath zeta(k) - 1 for k = 2…39, rounded to double, bit for bit', () => {
    // mpmath.mp.dps = 40; [float(mpmath.zeta(k) - 1) for k in range(2, 40)]
    const mpmath = [
      0.6449340668482264, 0.2020569031595943, 0.08232323371113819, 0.03692775514336993, 0.01734306198444914,
      0.008349277381922827, 0.00407735619794434, 0.0020083928260822143, 0.0009945751278180853,
      0.0004941886041194645, 0.0002460865533080483, 0.00012271334757848915, 6.124813505870483e-5,
      3.058823630702049e-5, 1.528225940865187e-5, 7.637197637899763e-6, 3.81729326499984e-6,
      1.908212716553939e-6, 9.539620338727962e-7, 4.769329867878064e-7, 2.38450502727733e-7,
      1.1921992596531106e-7, 5.960818905125948e-8, 2.980350351465228e-8, 1.4901554828365043e-8,
      7.45071178983543e-9, 3.725334024788457e-9, 1.862659723513049e-9, 9.313274324196682e-10,
      4.656629065033784e-10, 2.3283118336765053e-10, 1.164155017270052e-10, 5.820772087902701e-11,
      2.9103850444971e-11, 1.4551921891041985e-11, 7.275959835057482e-12, 3.637979547378651e-12,
      1.818989650307066e-12,
    ];
    expect(ZETA_MINUS_ONE).toEqual(mpmath);
  });
});

describe('logGamma', () => {
  // mpmath.loggamma(mpf(float(x)))
  const known: [number, number][] = [
    [1e-300, 690.7755278982137],
    [1e-8, 18.42068073818021],
    [0.5, 0.5723649429247001],
    [0.999999, 5.772164873855652e-7],
    [1.000001, -5.772148423874147e-7],
    [1.5, -0.12078223763524522],
    [2.000001, 4.2278465762452923e-7],
    [2.5, 0.2846828704729192],
    [3.7, 1.428072326665388],
    [9.99, 12.779315214350193],
    [10, 12.801827480081469],
    [123.456, 469.6055471299295],
    [1e6, 12815504.569147611],
    [1e15, 3.3538776394910668e16],
    [1e300, 6.897755278982137e302],
  ];
  it.each(known)('logGamma(%s) matches mpmath', (x, want) => expectClose(logGamma(x), want, 1e-14));

  it('is exactly 0 at 1 and 2', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
  });

  test.prop([fc.double({ min: 1e-6, max: 1e6, noNaN: true })], { numRuns: 300 })('Γ(x + 1) = x·Γ(x)', (x) => {
    expectClose(logGamma(x + 1), logGamma(x) + Math.log(x), 2e-14, 2e-14);
  });

  it('rejects x ≤ 0 and NaN as an internal error', () => {
    expect(() => logGamma(0)).toThrow(/internal logGamma/);
    expect(() => logGamma(-1)).toThrow(/internal logGamma/);
    expect(() => logGamma(Number.NaN)).toThrow(/internal logGamma/);
  });
});

describe('digamma and trigamma', () => {
  // mpmath.digamma(mpf(float(x)))
  const psi: [number, number][] = [
    [1e-8, -100000000.57721564],
    [0.25, -4.2274535333762655],
    [1, -0.5772156649015329],
    [1.4616321449683622, -9.241265521729427e-17],
    [1.5, 0.03648997397857652],
    [2, 0.42278433509846713],
    [7.3, 1.9178203356379862],
    [50, 3.901989673427892],
    [1e8, 18.420680738952367],
  ];
  it.each(psi)('digamma(%s) matches mpmath', (x, want) => expectClose(digamma(x), want, 1e-14));

  // mpmath.polygamma(1, mpf(float(x)))
  const psi1: [number, number][] = [
    [1e-8, 1.0000000000000002e16],
    [0.25, 17.19732915450711],
    [1, 1.6449340668482264],
    [2, 0.6449340668482264],
    [7.3, 0.1467957681314271],
    [50, 0.020201333226697125],
    [1e8, 1.000000005e-8],
  ];
  it.each(psi1)('trigamma(%s) matches mpmath', (x, want) => expectClose(trigamma(x), want, 1e-14));

  test.prop([fc.double({ min: 1e-3, max: 1e4, noNaN: true })], { numRuns: 200 })('recurrences ψ(x+1) = ψ(x) + 1/x, ψ′(x+1) = ψ′(x) − 1/x²', (x) => {
    // Tolerance relative to the largest term, |ψ(x)| + 1/x: the sum itself may cancel.
    expectClose(digamma(x + 1), digamma(x) + 1 / x, 0, 1e-14 * (Math.abs(digamma(x)) + 1 / x));
    expectClose(trigamma(x + 1), trigamma(x) - 1 / (x * x), 0, 1e-14 * trigamma(x));
  });

  test.prop([fc.double({ min: 0.05, max: 500, noNaN: true })], { numRuns: 100 })('digamma is the derivative of logGamma', (x) => {
    const h = 1e-5 * x;
    expectClose((logGamma(x + h) - logGamma(x - h)) / (2 * h), digamma(x), 1e-6, 1e-6);
  });
});

describe('digammaDifference', () => {
  const reference = JSON.parse(readFileSync(new URL('reference/digamma-difference-reference.json', import.meta.url), 'utf8')) as { values: [number, number, number][] };
  it('matches mpmath ψ(a + k) − ψ(a) from a = 1e-300 to 1e300, k = 0.5 to 1e13, at rtol 1e-14 (reference/digamma_difference_reference.py)', () => {
    for (const [a, k, want] of reference.values) expectClose(digammaDifference(a, k), want, 1e-14);
  });

  it('is 0 for k = 0 and refuses arguments outside its domain', () => {
    expect(digammaDifference(3, 0)).toBe(0);
    expect(() => digammaDifference(0, 1)).toThrow(/internal digammaDifference/);
    expect(() => digammaDifference(1, -1)).toThrow(/internal digammaDifference/);
    expect(() => digammaDifference(1, Number.NaN)).toThrow(/internal digammaDifference/);
  });

  test.prop([fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.integer({ min: 0, max: 200 })], { numRuns: 100 })(
    'equals ψ(a + k) − ψ(a) where that subtraction is accurate, and the sum Σ_{i<k} 1/(a+i)',
    (a, k) => {
      const want = digamma(a + k) - digamma(a);
      // The subtraction is good to ε·(|ψ(a)| + |ψ(a+k)|).
      expectClose(digammaDifference(a, k), want, 0, 1e-14 * (Math.abs(digamma(a)) + Math.abs(digamma(a + k))));
      let sum = 0;
      for (let i = 0; i < k; i++) sum += 1 / (a + i);
      expectClose(digammaDifference(a, k), sum, 1e-13);
    },
  );
});

describe('logBeta', () => {
  // mpmath.log(mpmath.beta(a, b))
  const known: [number, number, number][] = [
    [0.5, 0.5, 1.1447298858494002],
    [1e6, 1e6, -1386300.003362921],
    [1e6, 0.5, -6.335390211057437],
    [0.001, 1e6, 6.893363375325389],
    [3, 4, -4.0943445622221],
    [12.5, 3e5, -138.91011398868173],
    [1e-10, 2, 23.025850929840455],
    [40, 60, -67.96861624748244],
  ];
  it.each(known)('logBeta(%s, %s) matches mpmath', (a, b, want) => expectClose(logBeta(a, b), want, 1e-14));

  test.prop([fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true })], { numRuns: 200 })(
    'is symmetric and satisfies B(a+1, b) = B(a, b)·a/(a+b)',
    (a, b) => {
      expect(logBeta(a, b)).toBe(logBeta(b, a));
      expectClose(logBeta(a + 1, b), logBeta(a, b) + Math.log(a / (a + b)), 1e-13, 1e-12);
    },
  );
});

describe('logSumExp and logDiffExp', () => {
  it('handles huge, tiny and infinite arguments', () => {
    expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp(-1000, -Infinity)).toBe(-1000);
    expect(logSumExp(-Infinity, -Infinity)).toBe(-Infinity);
    expectClose(logSumExp(0, -40), Math.log1p(Math.exp(-40)), 1e-15);
    expect(logDiffExp(1000, -Infinity)).toBe(1000);
    expect(logDiffExp(5, 5)).toBe(-Infinity);
    // log(e^0 − e^−1e-20) = log(1e-20) to first order; log(−expm1(−1e-20)) keeps it exact.
    expectClose(logDiffExp(0, -1e-20), Math.log(1e-20), 1e-15);
    expectClose(logDiffExp(1000, 999), 1000 + Math.log1p(-Math.exp(-1)), 1e-15);
    expect(() => logDiffExp(1, 2)).toThrow(/internal logDiffExp/);
  });

  test.prop([fc.double({ min: -700, max: 700, noNaN: true }), fc.double({ min: -700, max: 700, noNaN: true })], { numRuns: 200, examples: [[0, -13.468663763964539]] })(
    'logDiffExp inverts logSumExp',
    (a, b) => {
      const s = logSumExp(a, b);
      expect(s).toBeGreaterThanOrEqual(Math.max(a, b));
      // Undoing the sum amplifies the rounding of s (ε·|s|) by e^(s − a) = 1 + e^(b − a), and the
      // rounding of b − s (ε·|b − s|) by e^(b − a): with a = 0, b = −13.5 the second one dominates.
      const amplified = Math.abs(s) * (1 + Math.exp(b - a)) + Math.abs(b - s) * Math.exp(b - a);
      if (Math.abs(a - b) < 30) expectClose(logDiffExp(s, b), a, 1e-12, 4 * Number.EPSILON * amplified);
    },
  );
});

