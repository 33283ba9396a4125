/**
 * BG/NBD predictions in log space, unvalidated (the public functions validate; predictClv
 * calls these in its hot loop).
 *
 * Conditional expectation (Fader, Hardie & Lee 2005, eq. 10):
 *
 *   E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)]
 *                        / [1 + δ(x>0) a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)],   z = t/(α+T+t)
 *
 * With Euler's transformation ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z) (A&S 15.3.3)
 * the huge factor ((α+T)/(α+T+t))^(r+x) cancels: the bracket becomes
 * 1 − (1−z)^ε ₂F₁(A′, ε; C; z) with ε = a−1, A′ = a+b−1−r, C = a+b+x−1. Writing
 * ₂F₁(A′, ε; C; z) = 1 + ε·G and C·G = H = Σₖ≥₁ hₖ, h₁ = A′z,
 * hₖ₊₁ = hₖ · z (A′+k)(ε+k) / ((C+k)(k+1)),
 *
 *   numerator = C · (−expm1(ε ln(1−z)) / ε) − (1−z)^ε · H
 *
 * which is finite and smooth through a = 1 (where −expm1(εL)/ε → −L) and for any a+b (C+k > 0
 * for k ≥ 1), and needs no huge intermediate for x = 10,000. With x = 0 and T = 0 it is
 * E[X(t)] of a new customer (eq. 7). The series converges geometrically with ratio → z.
 */
import { checkRecencyAge } from './rfm-rows';
import { logBeta, logGamma } from './special';
import { describeValue, fail, requireCount, requireNonNegative, requirePositive } from './validate';

/** ln of the odds that a customer has dropped out: ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+tₓ)); −∞ for x = 0. */
export function bgNbdLogOddsDead(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): number {
  if (x === 0) return -Infinity;
  return Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
}

/** 1/(1 + e^u) without overflow. */
export function logisticComplement(u: number): number {
  if (u === -Infinity) return 1;
  if (u > 0) {
    const e = Math.exp(-u);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(u));
}

const MAX_TERMS = 10_000_000;

/**
 * Expected purchases in (T, T+t] of a customer alive at T (the numerator above, before
 * P(alive)). The series needs about ln(ε)/ln(z) terms; if it has not converged after 10⁷
 * (t more than ~10⁶ times α + T) it throws OUT_OF_RANGE for `fn` rather than return a wrong value.
 */
export function bgNbdExpectedIfAlive(fn: string, r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  const u = alpha + T;
  const z = t / (u + t);
  const L = -Math.log1p(t / u); // ln(1 − z), accurate for small t
  const eps = a - 1;
  const C = a + b + x - 1;
  const A = a + b - 1 - r;
  const first = eps === 0 ? -L : -Math.expm1(eps * L) / eps;
  let h = A * z;
  let sum = h;
  let compensation = 0;
  let converged = A === 0 || z === 0;
  for (let k = 1; k < MAX_TERMS && !converged; k++) {
    const ratio = (z * (A + k) * (eps + k)) / ((C + k) * (k + 1));
    h *= ratio;
    const s = sum + h;
    compensation += Math.abs(sum) >= Math.abs(h) ? sum - s + h : h - s + sum;
    sum = s;
    const rho = Math.max(Math.abs(ratio), z);
    converged = h === 0 || (rho < 1 && Math.abs(h) * (rho / (1 - rho)) <= 1e-17 * Math.abs(sum + compensation));
  }
  if (!converged) {
    throw fail('OUT_OF_RANGE', fn, `t ${describeValue(t)} is too long relative to alpha + T = ${describeValue(u)} for an accurate expectation`, {
      field: 't',
      value: t,
    });
  }
  const value = C * first - Math.exp(eps * L) * (sum + compensation);
  // Rounding can only push a tiny positive expectation below zero.
  return value > 0 ? value : 0;
}

/** E[Y(t) | x, tₓ, T]. */
export function bgNbdConditionalExpectation(
  fn: string,
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  return bgNbdExpectedIfAlive(fn, r, alpha, a, b, x, T, t) * logisticComplement(bgNbdLogOddsDead(r, alpha, a, b, x, tx, T));
}

/**
 * P(X(t) = n) for a new customer (Fader, Hardie & Lee 2005, eq. 8):
 *
 *   B(a, b+n)/B(a, b) · NB(n; r, α/(α+t)) + δ(n>0) B(a+1, b+n−1)/B(a, b) · P(NB(r, α/(α+t)) ≥ n)
 *
 * with NB(j; r, q) = Γ(r+j)/(Γ(r) j!) q^r (1−q)^j. The tail P(NB ≥ n) is summed from below
 * (1 − Σ_{j<n}) when n is at most the NB mean, else directly from n upward, both in log space.
 */
export function bgNbdPurchaseCountProbability(r: number, alpha: number, a: number, b: number, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const lnQ = -Math.log1p(t / alpha); // ln(α/(α+t))
  const lnZ = -Math.log1p(alpha / t); // ln(t/(α+t))
  const lgR = logGamma(r);
  const logPmf = (j: number): number => logGamma(r + j) - lgR - logGamma(j + 1) + r * lnQ + (j === 0 ? 0 : j * lnZ);
  const lbAB = logBeta(a, b);
  const lbN = logBeta(a, b + n);
  const first = Math.exp(lbN - lbAB + logPmf(n));
  if (n === 0) return first;
  let tail: number;
  const mean = r * (t / alpha);
  if (n <= mean) {
    let lower = 0;
    for (let j = 0; j < n; j++) lower += Math.exp(logPmf(j));
    tail = Math.max(0, 1 - lower);
  } else {
    // Σ_{j≥n} pmf(j): ratios (r+j)/(j+1)·z decrease towards z < 1 beyond the mode.
    const z = Math.exp(lnZ);
    const logStart = logPmf(n);
    let term = 1;
    let sum = 1;
    for (let j = n; j < n + MAX_TERMS; j++) {
      const ratio = ((r + j) / (j + 1)) * z;
      term *= ratio;
      sum += term;
      if (term <= 1e-17 * sum * (1 - ratio) || term === 0) break;
    }
    tail = Math.exp(logStart + Math.log(sum));
  }
  const second = Math.exp(Math.log(a) - Math.log(b + n - 1) + lbN - lbAB) * tail;
  const p = first + second;
  return p > 1 ? 1 : p;
}

/** The parameters checked (each finite and > 0), as a tuple. */
export function requireBgNbdParams(
  fn: string,
  params: { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number },
): [number, number, number, number] {
  if (params === null || typeof params !== 'object') {
    throw fail('INVALID_NUMBER', fn, `params ${describeValue(params)} must be an object with r, alpha, a, b`, { field: 'params', value: params });
  }
  return [
    requirePositive(fn, 'r', params.r),
    requirePositive(fn, 'alpha', params.alpha),
    requirePositive(fn, 'a', params.a),
    requirePositive(fn, 'b', params.b),
  ];
}

/** One customer's (x, tₓ, T) checked. */
export function requireBgNbdCustomer(
  fn: string,
  customer: { readonly frequency: number; readonly recency: number; readonly T: number },
): [number, number, number] {
  if (customer === null || typeof customer !== 'object') {
    throw fail('INVALID_NUMBER', fn, `customer ${describeValue(customer)} must be an object with frequency, recency, T`, {
      field: 'customer',
      value: customer,
    });
  }
  const x = requireCount(fn, 'frequency', customer.frequency);
  const tx = requireNonNegative(fn, 'recency', customer.recency);
  const T = requireNonNegative(fn, 'T', customer.T);
  checkRecencyAge(fn, x, tx, T);
  return [x, tx, T];
}
