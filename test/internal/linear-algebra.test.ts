import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { invertSymmetric, numericHessian, solveSymmetric, symmetricEigen } from '../../src/internal/linear-algebra';
import { logGamma, trigamma } from '../../src/internal/special';
import { expectClose } from './close';

describe('numericHessian', () => {
  it('matches the analytic Hessian of a smooth function', () => {
    // f = x²y + eˣ sin y + 3y²: f_xx = 2y + eˣ sin y, f_xy = 2x + eˣ cos y, f_yy = −eˣ sin y + 6
    const f = (v: readonly number[]): number => {
      const [x, y] = v as [number, number];
      return x * x * y + Math.exp(x) * Math.sin(y) + 3 * y * y;
    };
    const [x, y] = [0.7, -1.3];
    const h = numericHessian(f, [x, y]);
    expectClose(h[0]![0]!, 2 * y + Math.exp(x) * Math.sin(y), 1e-6, 1e-7);
    expectClose(h[0]![1]!, 2 * x + Math.exp(x) * Math.cos(y), 1e-6, 1e-7);
    expect(h[1]![0]).toBe(h[0]![1]);
    expectClose(h[1]![1]!, -Math.exp(x) * Math.sin(y) + 6, 1e-6, 1e-7);
  });

  it('scales its steps to large coordinates', () => {
    const f = (v: readonly number[]): number => ((v[0] as number) - 1e6) ** 2 / 1e6;
    expectClose(numericHessian(f, [1e6 + 3])[0]![0]!, 2e-6, 1e-4);
  });
});

describe('invertSymmetric', () => {
  it('inverts a known SPD matrix', () => {
    // [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8
    const inv = invertSymmetric([[4, 2], [2, 3]]);
    expect(inv).toBeDefined();
    expectClose(inv![0]![0]!, 3 / 8, 1e-15);
    expectClose(inv![0]![1]!, -2 / 8, 1e-15);
    expectClose(inv![1]![1]!, 4 / 8, 1e-15);
  });

  it('returns undefined for matrices that are not positive definite or not finite', () => {
    expect(invertSymmetric([[1, 2], [2, 1]])).toBeUndefined(); // indefinite
    expect(invertSymmetric([[1, 1], [1, 1]])).toBeUndefined(); // singular
    expect(invertSymmetric([[0]])).toBeUndefined();
    expect(invertSymmetric([[1, Number.NaN], [Number.NaN, 1]])).toBeUndefined();
    expect(invertSymmetric([])).toEqual([]);
  });

  test.prop([fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 })], { numRuns: 100 })(
    'A·A⁻¹ = I for A = BBᵀ + I',
    (b) => {
      const n = 4;
      const a = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (__, j) => b[i]!.reduce((s, v, k) => s + v * b[j]![k]!, 0) + (i === j ? 1 : 0)),
      );
      const inv = invertSymmetric(a);
      expect(inv).toBeDefined();
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const product = a[i]!.reduce((s, v, k) => s + v * inv![k]![j]!, 0);
          expectClose(product, i === j ? 1 : 0, 0, 1e-10);
        }
      }
    },
  );

  it('gives the gamma MLE covariance from the numeric Hessian of the NLL (inverse Fisher information)', () => {
    // Observed information of Gamma(k, β) with n observations: [[n ψ′(k), −n/β], [−n/β, n k/β²]].
    const sample = [0.8, 1.9, 2.4, 0.35, 3.1, 1.2, 0.95, 4.4, 2.2, 1.65, 0.5, 2.9];
    const [k, beta] = [2.2850865707435597, 1.226892118520032]; // MLE, see optimize.test.ts
    const nll = (p: readonly number[]): number =>
      -sample.reduce((s, x) => s + p[0]! * Math.log(p[1]!) - logGamma(p[0]!) + (p[0]! - 1) * Math.log(x) - p[1]! * x, 0);
    const n = sample.length;
    const h = numericHessian(nll, [k, beta]);
    expectClose(h[0]![0]!, n * trigamma(k), 1e-6);
    expectClose(h[0]![1]!, -n / beta, 1e-6);
    expectClose(h[1]![1]!, (n * k) / beta ** 2, 1e-6);
    const cov = invertSymmetric(h)!;
    const det = n * trigamma(k) * ((n * k) / beta ** 2) - (n / beta) ** 2;
    expectClose(cov[0]![0]!, (n * k) / beta ** 2 / det, 1e-5);
    expectClose(cov[1]![1]!, (n * trigamma(k)) / det, 1e-5);
  });
});

// numpy.linalg.eigvalsh and numpy.linalg.solve on the same matrix.
const SPD = [
  [4, 1, 0.5, 0.2],
  [1, 3, 0.3, 0.1],
  [0.5, 0.3, 2, 0.05],
  [0.2, 0.1, 0.05, 1],
];

describe('solveSymmetric', () => {
  it('matches numpy.linalg.solve', () => {
    const x = solveSymmetric(SPD, [1, 2, 3, 4])!;
    [-0.23940993433109348, 0.4764336438607208, 1.3901191203420893, 3.9307326664630424].forEach((v, i) => expectClose(x[i]!, v, 1e-14));
  });
  it('returns undefined for a matrix that is not positive definite', () => {
    expect(solveSymmetric([[1, 1], [1, 1]], [1, 2])).toBeUndefined();
    expect(solveSymmetric([[1, Number.NaN], [Number.NaN, 1]], [1, 2])).toBeUndefined();
    expect(solveSymmetric([], [])).toEqual([]);
  });
});

describe('symmetricEigen', () => {
  it('matches numpy.linalg.eigvalsh, decreasing, with orthonormal eigenvectors', () => {
    const { values, vectors } = symmetricEigen(SPD);
    [4.75588147619745, 2.3823599255054884, 1.8759194278132854, 0.9858391704837799].forEach((v, i) => expectClose(values[i]!, v, 1e-14));
    for (let a = 0; a < 4; a++) {
      for (let b = 0; b < 4; b++) {
        let dot = 0;
        for (let i = 0; i < 4; i++) dot += vectors[i]![a]! * vectors[i]![b]!;
        expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(1e-14);
      }
    }
  });

  test.prop([fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 15, maxLength: 15 })], { numRuns: 100 })('A·V = V·Λ for random symmetric 5×5 matrices', (entries) => {
    const n = 5;
    const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    let k = 0;
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i]![j] = a[j]![i] = entries[k++]!;
    const { values, vectors } = symmetricEigen(a);
    const norm = Math.max(1, ...values.map(Math.abs));
    for (let c = 0; c < n; c++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i]![j]! * vectors[j]![c]!;
        expect(Math.abs(av - values[c]! * vectors[i]![c]!)).toBeLessThan(1e-12 * norm);
      }
      if (c > 0) expect(values[c]!).toBeLessThanOrEqual(values[c - 1]!);
    }
  });
});
