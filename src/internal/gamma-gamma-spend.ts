/** Gamma-Gamma conditional mean spend, shared by gammaGammaExpectedSpend and predictClv. */
import { describeValue, fail, requirePositive } from './validate';

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

/** E[Z | z̄, x] = p(γ + x z̄)/(px + q − 1); throws OUT_OF_RANGE when px + q ≤ 1 (no finite mean). */
export function gammaGammaMean(fn: string, p: number, q: number, gamma: number, x: number, z: number): number {
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw fail(
      'OUT_OF_RANGE',
      fn,
      x === 0
        ? `q ${describeValue(q)} ≤ 1: the Gamma-Gamma population has no finite mean spend`
        : `p·x + q = ${describeValue(p * x + q)} ≤ 1: the expected spend of this customer is infinite`,
      { field: 'q', value: q },
    );
  }
  return (p * (gamma + x * z)) / denominator;
}
