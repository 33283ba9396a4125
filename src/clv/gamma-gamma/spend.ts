/** Gamma-Gamma conditional mean spend, shared by gammaGammaExpectedSpend and predictClv. */
import { describeValue, fail, requirePositive } from '../../internal/validate';

/** The parameters checked (each finite and > 0), as a tuple. */
export function requireGammaGammaParams(
  fn: string,
  params: { readonly p: number; readonly q: number; readonly gamma: number },
): [number, number, number] {
  if (params === null || typeof params !== 'object') {
    throw fail('INVALID_NUMBER', fn, `params ${describeValue(params)} must be an object with p, q, gamma`, { field: 'params', value: params });
  }
  return [requirePositive(fn, 'p', params.p), requirePositive(fn, 'q', params.q), requirePositive(fn, 'gamma', params.gamma)];
}

/** Dekker's splitting constant 2²⁷ + 1. */
const SPLIT = 134217729;

/**
 * p·x + q − 1 to full relative precision even where p·x and 1 − q nearly cancel (q = 1 + 1e-12
 * with p·x = 1e-13 loses 4 digits in plain arithmetic): p·x exact as a double-double (Dekker's
 * product, |p·x| well below 1e300), the additions error-free (Knuth's two-sum), the rounding
 * errors added last. Written out without tuples: predictClv calls it once per customer.
 */
function spendDenominator(p: number, q: number, x: number): number {
  if (x === 0) return q - 1; // exact for q in [½, 2] (Sterbenz), relative rounding elsewhere
  const ph = p * x;
  // Dekker's split overflows past ~1e300; there p·x ≫ |q − 1|, so the plain sum is already exact to rounding (or Infinity).
  if (!(ph < 1e290 && p < 1e290 && x < 1e290)) return ph + (q - 1);
  const cp = SPLIT * p;
  const pHigh = cp - (cp - p);
  const pLow = p - pHigh;
  const cx = SPLIT * x;
  const xHigh = cx - (cx - x);
  const xLow = x - xHigh;
  const pl = pLow * xLow - (((ph - pHigh * xHigh) - pLow * xHigh) - pHigh * xLow);
  const s1 = ph - 1;
  const v1 = s1 - ph;
  const e1 = ph - (s1 - v1) + (-1 - v1);
  const s2 = s1 + q;
  const v2 = s2 - s1;
  const e2 = s1 - (s2 - v2) + (q - v2);
  return s2 + (e1 + e2 + pl);
}

/**
 * E[Z | z̄, x] = p(γ + x z̄)/(px + q − 1), a weighted average of the prior mean pγ/(q − 1) and z̄;
 * throws OUT_OF_RANGE when px + q ≤ 1: the posterior mean spend is then infinite (the model's
 * mean does not exist), not a number the model can give.
 */
export function gammaGammaMean(fn: string, p: number, q: number, gamma: number, x: number, z: number): number {
  const denominator = spendDenominator(p, q, x);
  if (!(denominator > 0)) {
    throw fail(
      'OUT_OF_RANGE',
      fn,
      x === 0
        ? `q ${describeValue(q)} ≤ 1: the Gamma-Gamma population has no finite mean spend (the expected spend does not exist)`
        : `p·x + q = ${describeValue(p * x + q)} ≤ 1: the expected spend of this customer does not exist (its posterior mean is infinite)`,
      { field: 'q', value: q },
    );
  }
  const numerator = gamma + x * z;
  const scaled = p * numerator;
  if (Number.isFinite(denominator) && Number.isFinite(scaled)) return scaled / denominator;
  // p·(γ + x z̄) can overflow where the ratio does not (p ~ 1e13, z̄ ~ 1e300): divide first then;
  // where γ + x z̄ or p·x is itself beyond a double (x z̄ ~ 1e308, x ~ 1e308): z̄ plus its pull towards
  // the prior mean, E = z̄ + (γ − (q − 1) z̄ / p) / (x + (q − 1)/p), which stays finite wherever E does.
  const mean =
    Number.isFinite(denominator) && Number.isFinite(numerator)
      ? numerator / (denominator / p)
      : z + (gamma - ((q - 1) / p) * z) / (Number.isFinite(denominator) ? denominator / p : x + (q - 1) / p);
  if (!Number.isFinite(mean)) {
    throw fail('OUT_OF_RANGE', fn, `the expected spend of a customer with frequency ${describeValue(x)} and monetaryValue ${describeValue(z)} is beyond a double`, {
      field: 'monetaryValue',
      value: z,
    });
  }
  return mean;
}
