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
 * The Cholesky factor L of a symmetric positive-definite A = LLᵀ (Golub & Van Loan 2013,
 * Alg. 4.2.1), reading the lower and upper triangles averaged so that slight asymmetry from
 * rounding is harmless; `undefined` when A is not (numerically) positive definite: a pivot
 * ≤ n·ε·max|Aᵢᵢ| or a non-finite entry. `what` names the caller in the internal errors.
 */
function choleskyFactor(m: readonly (readonly number[])[], what: string): number[][] | undefined {
  const n = m.length;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const row = m[i];
    if (row === undefined || row.length !== n) throw new Error(`internal ${what}: matrix is not square`);
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
      let value = (((m[i] as readonly number[])[j] as number) + ((m[j] as readonly number[])[i] as number)) / 2;
      for (let k = 0; k < j; k++) value -= (li[k] as number) * (lj[k] as number);
      li[j] = value / pivot;
    }
  }
  return l;
}

/**
 * The lower Cholesky factor L of a symmetric positive-definite A = LLᵀ, e.g. to draw correlated
 * normals θ̂ + L·z; `undefined` when A is not (numerically) positive definite.
 */
export function choleskyLower(m: readonly (readonly number[])[]): number[][] | undefined {
  return choleskyFactor(m, 'choleskyLower');
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky factorisation A = LLᵀ
 * (Golub & Van Loan 2013, Alg. 4.2.1), then A⁻¹ = L⁻ᵀL⁻¹. Returns `undefined` when the matrix
 * is not (numerically) positive definite — a pivot ≤ n·ε·max|Aᵢᵢ| or a non-finite entry — which
 * for a Hessian means the fit is not at a strict minimum and standard errors do not exist.
 */
export function invertSymmetric(m: readonly (readonly number[])[]): number[][] | undefined {
  const n = m.length;
  const l = choleskyFactor(m, 'invertSymmetric');
  if (l === undefined) return undefined;
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

/**
 * Solve A·x = b for a symmetric positive-definite A by Cholesky factorisation (Golub & Van Loan
 * 2013, Alg. 4.2.1, then forward and back substitution): the normal equations of least squares
 * (XᵀX)β = Xᵀy, or standardised regression weights R⁻¹r from a correlation matrix. Returns
 * `undefined` when A is not (numerically) positive definite, with the pivot test of
 * {@link invertSymmetric}.
 */
export function solveSymmetric(m: readonly (readonly number[])[], b: readonly number[]): number[] | undefined {
  const n = m.length;
  if (b.length !== n) throw new Error('internal solveSymmetric: sizes differ');
  if (n === 0) return [];
  const l = choleskyFactor(m, 'solveSymmetric');
  if (l === undefined) return undefined;
  // L·y = b, then Lᵀ·x = y.
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= ((l[i] as number[])[k] as number) * (y[k] as number);
    y[i] = s / ((l[i] as number[])[i] as number);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= ((l[k] as number[])[i] as number) * (x[k] as number);
    x[i] = s / ((l[i] as number[])[i] as number);
  }
  return x;
}

/** Eigenvalues (decreasing) and orthonormal eigenvectors (the columns of `vectors`) of a symmetric matrix. */
export interface SymmetricEigen {
  /** λ₁ ≥ λ₂ ≥ … ≥ λₙ. */
  readonly values: number[];
  /** V with A = V·diag(λ)·Vᵀ: column k (`vectors[i][k]`, i = 0…n−1) belongs to `values[k]`. */
  readonly vectors: number[][];
}

/**
 * Eigen-decomposition A = V·Λ·Vᵀ of a real symmetric matrix by the cyclic Jacobi method
 * (Golub & Van Loan 2013, Alg. 8.5.3): plane rotations annihilate each off-diagonal entry in
 * turn until the off-diagonal norm is below 1e-15 of the Frobenius norm (quadratic convergence;
 * a few sweeps for the small matrices it is meant for). Accurate to a few ulps relative to ‖A‖,
 * eigenvectors orthonormal to rounding. Throws on a non-square or non-finite matrix.
 */
export function symmetricEigen(m: readonly (readonly number[])[]): SymmetricEigen {
  const n = m.length;
  const a: number[][] = m.map((row, i) => {
    if (row.length !== n) throw new Error('internal symmetricEigen: matrix is not square');
    return row.map((v, j) => {
      if (!Number.isFinite(v)) throw new Error('internal symmetricEigen: non-finite entry');
      return (v + ((m[j] as readonly number[])[i] as number)) / 2;
    });
  });
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let frobenius = 0;
  for (const row of a) for (const x of row) frobenius += x * x;
  const threshold = (1e-15 * Math.sqrt(frobenius)) ** 2;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += 2 * ((a[p] as number[])[q] as number) ** 2;
    if (off <= threshold) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = (a[p] as number[])[q] as number;
        if (apq === 0) continue;
        const app = (a[p] as number[])[p] as number;
        const aqq = (a[q] as number[])[q] as number;
        // Symmetric Schur decomposition of the 2×2 block (Alg. 8.5.1): c, s with the smaller rotation angle.
        const tau = (aqq - app) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = (a[k] as number[])[p] as number;
          const akq = (a[k] as number[])[q] as number;
          (a[k] as number[])[p] = c * akp - s * akq;
          (a[k] as number[])[q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = (a[p] as number[])[k] as number;
          const aqk = (a[q] as number[])[k] as number;
          (a[p] as number[])[k] = c * apk - s * aqk;
          (a[q] as number[])[k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = (v[k] as number[])[p] as number;
          const vkq = (v[k] as number[])[q] as number;
          (v[k] as number[])[p] = c * vkp - s * vkq;
          (v[k] as number[])[q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => ((a[y] as number[])[y] as number) - ((a[x] as number[])[x] as number));
  return {
    values: order.map((k) => (a[k] as number[])[k] as number),
    vectors: v.map((row) => order.map((k) => row[k] as number)),
  };
}
