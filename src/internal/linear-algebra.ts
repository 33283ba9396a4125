/**
 * Small dense linear algebra for standard errors of fitted models: a numeric Hessian of the
 * negative log-likelihood and its inverse (the asymptotic covariance matrix).
 */

/**
 * Hessian of `f` at `x` by central differences (Nocedal & Wright 2006, §8.1, eq. 8.21):
 * diagonal (f(x+hᵢ) − 2f(x) + f(x−hᵢ))/hᵢ², off-diagonal from the four points x ± hᵢ ± hⱼ.
 * Step hᵢ = ε^(1/4)·max(|xᵢ|, 1) (ε = 2⁻⁵², optimal for second differences), rounded so that
 * x + hᵢ − x = hᵢ exactly. The result is symmetric by construction.
 */
export function numericHessian(f: (x: readonly number[]) => number, x: readonly number[]): number[][] {
  const n = x.length;
  const point = x.slice();
  const steps = x.map((xi) => {
    const h = 1.220703125e-4 * Math.max(Math.abs(xi), 1); // 2^-13 ≈ ε^(1/4)
    return xi + h - xi;
  });
  const at = (i: number, di: number, j: number, dj: number): number => {
    point[i] = (x[i] as number) + di;
    point[j] = (point[j] as number) + dj;
    const value = f(point);
    point[i] = x[i] as number;
    point[j] = x[j] as number;
    return value;
  };
  const center = f(point);
  const hessian: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const hi = steps[i] as number;
    const row = hessian[i] as number[];
    row[i] = (at(i, hi, i, 0) - 2 * center + at(i, -hi, i, 0)) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = steps[j] as number;
      const value = (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) / (4 * hi * hj);
      row[j] = value;
      (hessian[j] as number[])[i] = value;
    }
  }
  return hessian;
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky factorisation A = LLᵀ
 * (Golub & Van Loan 2013, Alg. 4.2.1), then A⁻¹ = L⁻ᵀL⁻¹. Returns `undefined` when the matrix
 * is not (numerically) positive definite — a pivot ≤ n·ε·max|Aᵢᵢ| or a non-finite entry — which
 * for a Hessian means the fit is not at a strict minimum and standard errors do not exist.
 */
export function invertSymmetric(m: readonly (readonly number[])[]): number[][] | undefined {
  const n = m.length;
  if (n === 0) return [];
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const row = m[i];
    if (row === undefined || row.length !== n) throw new Error('internal invertSymmetric: matrix is not square');
    for (const v of row) if (!Number.isFinite(v)) return undefined;
    scale = Math.max(scale, Math.abs(row[i] as number));
  }
  const tolerance = n * Number.EPSILON * scale;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const lj = l[j] as number[];
    let diagonal = (m[j] as readonly number[])[j] as number;
    for (let k = 0; k < j; k++) diagonal -= (lj[k] as number) ** 2;
    if (!(diagonal > tolerance)) return undefined;
    const pivot = Math.sqrt(diagonal);
    lj[j] = pivot;
    for (let i = j + 1; i < n; i++) {
      const li = l[i] as number[];
      // Use the lower triangle, averaged with the upper, so slight asymmetry from rounding is harmless.
      let value = (((m[i] as readonly number[])[j] as number) + ((m[j] as readonly number[])[i] as number)) / 2;
      for (let k = 0; k < j; k++) value -= (li[k] as number) * (lj[k] as number);
      li[j] = value / pivot;
    }
  }
  // Invert L (lower triangular) by forward substitution, column by column.
  const inverseL: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    (inverseL[j] as number[])[j] = 1 / ((l[j] as number[])[j] as number);
    for (let i = j + 1; i < n; i++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum += ((l[i] as number[])[k] as number) * ((inverseL[k] as number[])[j] as number);
      (inverseL[i] as number[])[j] = -sum / ((l[i] as number[])[i] as number);
    }
  }
  // A⁻¹ = L⁻ᵀ L⁻¹: entry (i, j) = Σ_k L⁻¹[k][i]·L⁻¹[k][j], k ≥ max(i, j).
  const inverse: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += ((inverseL[k] as number[])[i] as number) * ((inverseL[k] as number[])[j] as number);
      (inverse[i] as number[])[j] = sum;
      (inverse[j] as number[])[i] = sum;
    }
  }
  return inverse;
}
