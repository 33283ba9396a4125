/**
 * Pareto/NBD predictions in log space, unvalidated (the public functions validate).
 *
 * P(alive) (Fader & Hardie 2005, "A note on deriving the Pareto/NBD model and related
 * expressions", eq. 21) is the share of the likelihood bracket due to a customer still alive at T:
 *
 *   P(alive | x, tₓ, T) = (α+T)^(−(r+x)) (β+T)^(−s) / [ (r+x) I(r+x+1, α, s, β; T) + s I(r+x, α, s+1, β; tₓ) ]
 *
 * (the bracket written as a sum of positive terms, see pareto-nbd-likelihood.ts), and
 *
 *   E[Y(t) | x, tₓ, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive)   (eq. 22)
 *
 * where (1 − ((β+T)/(β+T+t))^(s−1))/(s−1) = −expm1(−(s−1)L)/(s−1), L = ln(1 + t/(β+T)), is
 * evaluated without cancellation for s near 1 and equals L at s = 1 (the limit). With x = 0 and
 * T = 0 it is E[X(t)] of a new customer (eq. 17).
 */
import { logScaledPowerIntegral } from '../../internal/hypergeometric';
import { logSumExp } from '../../internal/special';
import { describeValue, fail, requirePositive } from '../../internal/validate';

/**
 * ln P(alive | x, tₓ, T); 0 when tₓ = T (nobody can have dropped out unseen). Both terms of the
 * bracket are divided by the numerator (α+T)^(−(r+x)) (β+T)^(−s) analytically, so that only
 * quantities of the size of the result are added (with r, s ~ 1e13 the numerator and the
 * bracket are each e^(−1e14) and their logarithms would cancel to nothing):
 *
 *   1/P = (r+x) J₁ /(α+T) + s J₂/(β+tₓ) · ((α+T)/(α+tₓ))^(r+x) ((β+T)/(β+tₓ))^s
 *   J₁ = I(r+x+1, α, s, β; T) (α+T)^(r+x+1) (β+T)^s,   J₂ = I(r+x, α, s+1, β; tₓ) (α+tₓ)^(r+x) (β+tₓ)^(s+1)
 *
 * (J from `logScaledPowerIntegral`; the powers between tₓ and T by log1p of (T − tₓ)/(·+tₓ)).
 */
export function paretoNbdLogProbabilityAlive(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  if (tx === T) return 0;
  const rx = r + x;
  const m = rx + s;
  const gap = T - tx;
  const w1 = Math.log(rx) + logScaledPowerIntegral(rx + 1, alpha, s, beta, T, m) - Math.log(alpha + T);
  const w2 =
    Math.log(s) +
    logScaledPowerIntegral(rx, alpha, s + 1, beta, tx, m) -
    Math.log(beta + tx) +
    rx * Math.log1p(gap / (alpha + tx)) +
    s * Math.log1p(gap / (beta + tx));
  const value = -logSumExp(w1, w2);
  // Rounding can only push a probability of about 1 above it.
  return value < 0 ? value : 0;
}

/** ln[(1 − e^(−cL))/c] for L > 0, any real c (the limit ln L at c = 0), without overflow. */
function logExpm1Ratio(c: number, L: number): number {
  if (c === 0) return Math.log(L);
  if (c > 0) return Math.log(-Math.expm1(-c * L)) - Math.log(c);
  const d = -c * L; // (e^d − 1)/|c| with d > 0
  return d + Math.log(-Math.expm1(-d)) - Math.log(-c);
}

/** E[Y(t) | x, tₓ, T] (E[X(t)] for x = tₓ = T = 0), ≥ 0; 0 for t = 0. */
export function paretoNbdConditionalExpectation(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  if (t === 0) return 0;
  return Math.exp(paretoNbdLogExpectedIfAlive(r, alpha, s, beta, x, T, t) + paretoNbdLogProbabilityAlive(r, alpha, s, beta, x, tx, T));
}

/** ln E[Y(t) | alive at T, x, T] = ln[(r+x)(β+T)/(α+T)] + ln[(1 − ((β+T)/(β+T+t))^(s−1))/(s−1)], t > 0. */
function paretoNbdLogExpectedIfAlive(r: number, alpha: number, s: number, beta: number, x: number, T: number, t: number): number {
  const L = Math.log1p(t / (beta + T));
  return Math.log(r + x) - Math.log(alpha + T) + Math.log(beta + T) + logExpm1Ratio(s - 1, L);
}

/** E[Y(t) | alive at T, x, T] ≥ 0 (the factor of the conditional expectation that does not depend on tₓ); 0 for t = 0. */
export function paretoNbdExpectedIfAlive(r: number, alpha: number, s: number, beta: number, x: number, T: number, t: number): number {
  return t === 0 ? 0 : Math.exp(paretoNbdLogExpectedIfAlive(r, alpha, s, beta, x, T, t));
}

/** The parameters checked (each finite and > 0), as a tuple. */
export function requireParetoNbdParams(
  fn: string,
  params: { readonly r: number; readonly alpha: number; readonly s: number; readonly beta: number },
): [number, number, number, number] {
  if (params === null || typeof params !== 'object') {
    throw fail('INVALID_NUMBER', fn, `params ${describeValue(params)} must be an object with r, alpha, s, beta`, { field: 'params', value: params });
  }
  return [
    requirePositive(fn, 'r', params.r),
    requirePositive(fn, 'alpha', params.alpha),
    requirePositive(fn, 's', params.s),
    requirePositive(fn, 'beta', params.beta),
  ];
}
