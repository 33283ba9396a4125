/**
 * The distribution of the number of BG/BB transactions, unvalidated (the public functions
 * validate).
 *
 * A customer alive at the start with transaction probability p ~ Beta(a, b) and dropout
 * probability θ ~ Beta(g, d) (Fader, Hardie & Shang 2010, eq. (8)):
 *
 *   P(X(m) = k) = C(m, k) B(a+k, b+m−k)/B(a, b) · B(g, d+m)/B(g, d)                  alive through m
 *               + Σ_{i=k}^{m−1} C(i, k) B(a+k, b+i−k)/B(a, b) · B(g+1, d+i)/B(g, d)   alive through i, dead at i+1
 *
 * Every ratio of betas is a product of ratios of consecutive terms (never a difference of
 * log-betas, which cancel for parameters ~1e13):
 *
 *   B(a+k, b+j)/B(a, b) = exp(−Σ_{l<k} ln(1 + (b+j)/(a+l)) − Σ_{l<j} ln(1 + a/(b+l)))
 *   B(g, d+i)/B(g, d)   = exp(−Σ_{l<i} ln(1 + g/(d+l))),     B(g+1, d+i) = B(g, d+i) · g/(g+d+i)
 *
 * each sum by the kernel's Euler–Maclaurin `betaGeometricLogSurvivalSum`; between anchors
 * (every 64 terms) the term in i moves by one exact ratio,
 *
 *   T_{i+1}/T_i = (i+1)/(i+1−k) · (b+i−k)/(a+b+i) · (d+i)/(g+1+d+i),
 *
 * and the terms are summed as a running log-sum-exp. O(m − k) operations.
 */
import { betaGeometricLogSurvivalSum as lss } from '../../internal/beta-geometric';
import { logGamma } from '../../internal/special';
import { bgBbLogAliveAtN, LOG_BETA_ANCHOR } from './predict';

/** ln C(i, k), 0 ≤ k ≤ i. */
function logChoose(i: number, k: number): number {
  if (k === 0 || k === i) return 0;
  if (k === 1 || k === i - 1) return Math.log(i);
  return logGamma(i + 1) - logGamma(k + 1) - logGamma(i - k + 1);
}

/** ln[C(i, k) B(a+k, b+i−k)/B(a, b)]: the beta-binomial probability of k in i, k ≤ i. */
function logBetaBinomial(a: number, b: number, k: number, i: number): number {
  const j = i - k;
  return logChoose(i, k) - lss(b + j, a, 0, k) - lss(a, b, 0, j);
}

/**
 * ln P(X(m) = k) of a customer alive at the start, with p ~ Beta(a, b), θ ~ Beta(g, d);
 * 0 ≤ k ≤ m. (−Infinity is never returned for valid arguments: every term is positive.)
 */
export function bgBbLogCountProbability(a: number, b: number, g: number, d: number, k: number, m: number): number {
  if (m === 0) return 0; // k = 0: no opportunity, no transaction
  // Alive through m.
  let top = logBetaBinomial(a, b, k, m) - lss(g, d, 0, m);
  let sum = 1; // Σ exp(term − top)
  // Dead at i + 1, i = k … m − 1.
  let term = 0;
  for (let i = k, step = 0; i < m; i++, step++) {
    if (step % LOG_BETA_ANCHOR === 0) {
      term = logBetaBinomial(a, b, k, i) - lss(g, d, 0, i) - Math.log1p((d + i) / g);
    } else {
      const p = i - 1; // the ratio from term p to term i = p + 1
      term += Math.log1p(k / (i - k)) - Math.log1p((a + k) / (b + (p - k))) - Math.log1p((g + 1) / (d + p));
    }
    if (term > top) {
      sum = sum * Math.exp(top - term) + 1;
      top = term;
    } else {
      sum += Math.exp(term - top);
    }
  }
  const value = top + Math.log(sum);
  return value < 0 ? value : 0;
}

/**
 * P(X(n, n+n*) = k | x, tₓ, n), 0 ≤ k ≤ n*: the posterior share alive at n, A/L, times the
 * count probability of a new customer with (α+x, β+n−x, γ, δ+n), plus 1 − A/L at k = 0.
 */
export function bgBbConditionalCountProbability(
  alpha: number,
  beta: number,
  gamma: number,
  delta: number,
  x: number,
  tx: number,
  n: number,
  k: number,
  nStar: number,
): number {
  if (nStar === 0) return k === 0 ? 1 : 0;
  const logAlive = bgBbLogAliveAtN(alpha, beta, gamma, delta, x, tx, n);
  const alive = Math.exp(logAlive + bgBbLogCountProbability(alpha + x, beta + (n - x), gamma, delta + n, k, nStar));
  const value = k === 0 ? -Math.expm1(logAlive) + alive : alive;
  return value < 1 ? value : 1;
}
