/**
 * BG/BB quantities for one customer, unvalidated (the public functions validate), and the
 * checks the public functions share.
 *
 * Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual
 * Setting", Marketing Science 29(6). With Bα = B(α, β), Bγ = B(γ, δ):
 *
 *   L(x, tₓ, n) = B(α+x, β+n−x)/Bα · B(γ, δ+n)/Bγ
 *               + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/Bα · B(γ+1, δ+tₓ+i)/Bγ
 *   P(alive at n+1 | x, tₓ, n) = B(α+x, β+n−x)/Bα · B(γ, δ+n+1)/Bγ / L
 *
 * Every term is a log-beta from the kernel and the sum a log-sum-exp; the common 1/(Bα Bγ)
 * cancels in every ratio and is left out.
 *
 * Survival sums. With R_t = B(γ, δ+t)/B(γ, δ) (the probability of being alive at opportunity
 * t), R_{t+1}/R_t = (δ+t)/(γ+δ+t), and the sums telescope (ε = γ − 1, c = γ + δ):
 *
 *   Σ_{t=m+1}^{n} R_t / R_m = (δ+m) · W(m, n),    W = −expm1(u)/ε,    u = Σ_{j=m}^{n−1} log1p(−ε/(c+j))
 *
 * which is the paper's δ/(γ−1)·[…] closed form (m = 0) and its conditional version, written so
 * that it is smooth through γ = 1 (W → Σ 1/(c+j)) and never forms a ratio of huge gamma
 * functions: u is a sum of same-signed terms, so it is accurate in relative terms.
 */
import { betaGeometricDiscountedSurvival, betaGeometricLogSurvivalSum } from '../../internal/beta-geometric';
import { describeValue, fail, requireCount, requirePositive } from '../../internal/validate';

/**
 * Largest number of transaction opportunities accepted (n, n + n*): every quantity costs
 * O(n) operations, and a million opportunities (daily for 2,700 years) is past any real use.
 */
export const MAX_OPPORTUNITIES = 1_000_000;

/**
 * Consecutive ratios ln[B(a, b+k)/B(a, b)] are the kernel's Euler–Maclaurin sum every this many
 * entries and one log1p step B(a, b+1) = B(a, b)/(1 + a/b) between (rounding cannot build up over
 * more than this many steps).
 */
export const LOG_BETA_ANCHOR = 64;

/**
 * ln P(alive at opportunity n | x, tₓ, n): the share of the likelihood L held by its first
 * term, "alive through n" (≤ 0; 0 when tₓ = n). The common 1/(B(α,β) B(γ,δ)) cancels, and every
 * term is taken relative to the sum's first, B(α+x, β+tₓ−x) B(γ+1, δ+tₓ), as a product of ratios
 * (never a difference of log-betas, which are ~1e14 each for parameters ~1e13 and would cancel
 * to nothing):
 *
 *   head / first = B(α+x, β+n−x)/B(α+x, β+tₓ−x) · B(γ, δ+n)/B(γ+1, δ+tₓ)
 *                = exp(−Σⱼ₌₀^(n−tₓ−1) [ln(1 + (α+x)/(β+tₓ−x+j)) + ln(1 + γ/(δ+tₓ+j))]) · (1 + (δ+tₓ)/γ)
 *   termᵢ / first = exp(−Σⱼ₌₀^(i−1) [ln(1 + (α+x)/(β+tₓ−x+j)) + ln(1 + (γ+1)/(δ+tₓ+j))])
 *
 * the sums of logarithms by the sBG kernel's `betaGeometricLogSurvivalSum` (Euler–Maclaurin, O(1) for any
 * length) for the head and every 64 terms, and one log1p per term in between. O(n − tₓ)
 * operations at most; the sum stops once the terms left cannot reach 1e-17 of it.
 */
export function bgBbLogAliveAtN(alpha: number, beta: number, gamma: number, delta: number, x: number, tx: number, n: number): number {
  if (tx === n) return 0;
  const end = n - tx;
  const a1 = alpha + x;
  const b1 = beta + (tx - x); // not (β + tₓ) − x: a tiny β would be lost in the rounding of β + tₓ
  const g1 = gamma + 1;
  const d1 = delta + tx;
  const head = -betaGeometricLogSurvivalSum(a1, b1, 0, end) - betaGeometricLogSurvivalSum(gamma, delta, tx, end) + Math.log1p(d1 / gamma);
  // Terms in i decrease: i = 0 (relative value 0) is their largest.
  const top = Math.max(head, 0);
  let sum = Math.exp(head - top) + Math.exp(-top); // ≥ 1
  let term = 0; // ln(termᵢ / first)
  // The (end − i) terms left are each at most e^term.
  const negligible = -40 - Math.log(end);
  for (let i = 1; i < end; i++) {
    if (i % LOG_BETA_ANCHOR === 0) term = -betaGeometricLogSurvivalSum(a1, b1, 0, i) - betaGeometricLogSurvivalSum(g1, d1, 0, i);
    else term -= Math.log1p(a1 / (b1 + i - 1)) + Math.log1p(g1 / (d1 + i - 1));
    if (term - top < negligible) break;
    sum += Math.exp(term - top);
  }
  const value = head - top - Math.log(sum);
  return value < 0 ? value : 0;
}

/**
 * P(alive at n+1 | x, tₓ, n) = P(alive at n | history) · (δ+n)/(γ+δ+n): the paper's
 * B(α+x, β+n−x) B(γ, δ+n+1) / (B(α, β) B(γ, δ) L), since B(γ, δ+n+1)/B(γ, δ+n) = (δ+n)/(γ+δ+n).
 */
export function bgBbAlive(alpha: number, beta: number, gamma: number, delta: number, x: number, tx: number, n: number): number {
  return Math.exp(bgBbLogAliveAtN(alpha, beta, gamma, delta, x, tx, n)) * ((delta + n) / (gamma + delta + n));
}

/**
 * W(m, n) = Σ_{t=m+1}^{n} R_t / ((δ+m) R_m) (see the module comment): −expm1(u)/ε, or Σ 1/(c+j)
 * at γ = 1. `n` ≥ m; W(m, m) = 0.
 */
export function bgBbSurvivalWeight(gamma: number, delta: number, m: number, n: number): number {
  const eps = gamma - 1; // exact for γ in [0.5, 2] (Sterbenz), so 0 only at γ = 1
  const c = gamma + delta;
  const onePlusDelta = 1 + delta;
  if (eps === 0) {
    let s = 0;
    for (let j = m; j < n; j++) s += 1 / (c + j);
    return s;
  }
  let u = 0;
  for (let j = m; j < n; j++) {
    const r = eps / (c + j);
    // ln((1+δ+j)/(γ+δ+j)) = log1p(−ε/(c+j)); the quotient itself where −r is near −1 or beyond.
    u += Math.abs(r) <= 0.5 ? Math.log1p(-r) : Math.log((onePlusDelta + j) / (c + j));
  }
  return -Math.expm1(u) / eps;
}

/** E[X(n)] of a new customer: α/(α+β) · δ · W(0, n). */
export function bgBbExpectation(alpha: number, beta: number, gamma: number, delta: number, n: number): number {
  return (alpha / (alpha + beta)) * delta * bgBbSurvivalWeight(gamma, delta, 0, n);
}

/**
 * E[X(n, n+n*) | x, tₓ, n] = P(alive at n+1) · (α+x)/(α+β+n) · (γ+δ+n) · W(n, n+n*):
 * the chance of being alive at n+1, the posterior mean of p given alive, and the expected
 * number of the n* opportunities the customer stays alive for.
 */
export function bgBbConditionalExpectation(
  alpha: number,
  beta: number,
  gamma: number,
  delta: number,
  x: number,
  tx: number,
  n: number,
  nStar: number,
): number {
  if (nStar === 0) return 0;
  // P(alive at n+1) · (γ+δ+n) = P(alive at n | history) · (δ+n)
  const aliveAtN = Math.exp(bgBbLogAliveAtN(alpha, beta, gamma, delta, x, tx, n));
  return aliveAtN * (delta + n) * ((alpha + x) / (alpha + beta + n)) * bgBbSurvivalWeight(gamma, delta, n, n + nStar);
}

/** The parameters checked (each finite and > 0), as a tuple. */
export function requireBgBbParams(
  fn: string,
  params: { readonly alpha: number; readonly beta: number; readonly gamma: number; readonly delta: number },
): [number, number, number, number] {
  if (params === null || typeof params !== 'object') {
    throw fail('INVALID_NUMBER', fn, `params ${describeValue(params)} must be an object with alpha, beta, gamma, delta`, {
      field: 'params',
      value: params,
    });
  }
  return [
    requirePositive(fn, 'alpha', params.alpha),
    requirePositive(fn, 'beta', params.beta),
    requirePositive(fn, 'gamma', params.gamma),
    requirePositive(fn, 'delta', params.delta),
  ];
}

/** A number of opportunities: a whole number ≥ 0, at most {@link MAX_OPPORTUNITIES}. */
export function requireOpportunities(fn: string, what: string, value: unknown, index?: number): number {
  const n = requireCount(fn, what, value, index);
  if (n > MAX_OPPORTUNITIES) {
    throw fail('OUT_OF_RANGE', fn, `${what} ${n}${index === undefined ? '' : ` at index ${index}`} exceeds ${MAX_OPPORTUNITIES.toLocaleString('en-US')} transaction opportunities`, {
      field: what,
      value,
      ...(index === undefined ? {} : { index }),
    });
  }
  return n;
}

/**
 * One customer's (x, tₓ, n) checked together: tₓ ≤ n, and x ≤ tₓ with x = 0 exactly when
 * tₓ = 0 (tₓ is the opportunity of the last transaction, and at most one transaction happens
 * per opportunity).
 */
export function checkBgBbHistory(fn: string, x: number, tx: number, n: number, index?: number): void {
  const at = index === undefined ? '' : ` at index ${index}`;
  const where = index === undefined ? {} : { index };
  if (tx > n) {
    throw fail('ORDER_VIOLATION', fn, `recency ${tx}${at} is greater than periods ${n}`, { field: 'recency', value: tx, ...where });
  }
  if (x === 0 && tx !== 0) {
    throw fail(
      'INCONSISTENT_INPUT',
      fn,
      `recency ${tx}${at} must be 0 when frequency is 0 (recency is the opportunity of the last transaction, not the time since it)`,
      { field: 'recency', value: tx, ...where },
    );
  }
  if (x > tx) {
    throw fail(
      'INCONSISTENT_INPUT',
      fn,
      `frequency ${x}${at} is greater than recency ${tx}: at most one transaction per opportunity, so ${x} transactions need a last one at opportunity ${x} or later`,
      { field: 'frequency', value: x, ...where },
    );
  }
}

/** One customer's (x, tₓ, n) read and checked. */
export function requireBgBbCustomer(
  fn: string,
  customer: { readonly frequency: number; readonly recency: number; readonly periods: number },
): [number, number, number] {
  if (customer === null || typeof customer !== 'object') {
    throw fail('INVALID_NUMBER', fn, `customer ${describeValue(customer)} must be an object with frequency, recency, periods`, {
      field: 'customer',
      value: customer,
    });
  }
  const x = requireCount(fn, 'frequency', customer.frequency);
  const tx = requireCount(fn, 'recency', customer.recency);
  const n = requireOpportunities(fn, 'periods', customer.periods);
  checkBgBbHistory(fn, x, tx, n);
  return [x, tx, n];
}

/**
 * Smallest discount rate accepted: 1/(1+d) carries d to about 1e-16/d relative precision only,
 * so below this the result would be accurate to fewer than 8 digits (and a series needs ~40/d
 * terms).
 */
export const MIN_DISCOUNT_RATE = 1e-8;

/**
 * DERT(d | x, tₓ, n) = P(alive at n+1) · (α+x)/(α+β+n) · Σ_{k≥0} S(n+1+k | alive at n+1)/(1+d)^(k+1):
 * the dropout process is an sBG with (γ, δ), so the last factor is its discounted survival after
 * opportunity n + 1, over (1 + d).
 */
export function bgBbDiscountedResidualTransactions(
  fn: string,
  alpha: number,
  beta: number,
  gamma: number,
  delta: number,
  x: number,
  tx: number,
  n: number,
  d: number,
): number {
  return bgBbAlive(alpha, beta, gamma, delta, x, tx, n) * ((alpha + x) / (alpha + beta + n)) * (betaGeometricDiscountedSurvival(fn, gamma, delta, n + 1, d) / (1 + d));
}
