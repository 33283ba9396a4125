/** The Pareto/NBD reference values, arbitraries and bad parameters shared by its tests (not a test file itself). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';
import { repoRoot } from '../../support/doc-examples';

/** Values computed by reference/pareto_nbd_reference.py (mpmath, scipy), independent of src/. */
export interface ParetoNbdReference {
  cdnow: { params: number[]; logLikelihood: number; standardErrors: number[] };
  /** [a, b, z, ln ₂F₁(a, b; a+1; z)] */
  hyp2f1: [number, number, number, number][];
  /** [p, α, q, β, t, ln I, ∂/∂p, ∂/∂α, ∂/∂q, ∂/∂β] */
  powerIntegral: number[][];
  /** Parameter sets (r, α, s, β) the per-customer values refer to by index. */
  loglikParams: number[][];
  /** [set, x, tₓ, T, ln L (the note's 2F1 form), ln L (A₀ by quadrature)] */
  loglik: [number, number, number, number, number, number][];
  /** [set, x, tₓ, T, ln L] at 60 digits */
  loglikLarge: [number, number, number, number, number][];
  /** [set, x, tₓ, T, P(alive) (2F1 form), P(alive) (A₀ by quadrature)] */
  alive: [number, number, number, number, number, number][];
  /** [[r, α, s, β], t, E[X(t)] closed form, E[X(t)] by quadrature over μ] */
  expected: [number[], number, number, number][];
  /** [set, x, tₓ, T, t, E[Y(t) | …] closed form, by quadrature over μ] */
  conditional: [number, number, number, number, number, number, number][];
  /** [set, x, tₓ, T, t, E[Y(t) | …]] at 60 digits */
  conditionalLarge: [number, number, number, number, number, number][];
}

export const paretoNbdReference: ParetoNbdReference = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'clv', 'reference', 'pareto-nbd-reference.json'), 'utf8'),
) as ParetoNbdReference;

/** The published CDNOW estimates (Fader, Hardie & Lee 2005), weeks. */
export const CDNOW_PARETO_NBD = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

/** Pareto/NBD parameters over two to four orders of magnitude each, α and β independent (both cases). */
export const paretoNbdParams = fc.record({
  r: fc.double({ min: 0.05, max: 20, noNaN: true }),
  alpha: fc.double({ min: 0.01, max: 500, noNaN: true }),
  s: fc.double({ min: 0.05, max: 20, noNaN: true }),
  beta: fc.double({ min: 0.01, max: 500, noNaN: true }),
});

/** Parameter sets every Pareto/NBD prediction must reject. */
export const BAD_PARETO_NBD_PARAMS: readonly [string, unknown, string][] = [
  ['r = 0', { ...CDNOW_PARETO_NBD, r: 0 }, 'OUT_OF_RANGE'],
  ['NaN alpha', { ...CDNOW_PARETO_NBD, alpha: Number.NaN }, 'INVALID_NUMBER'],
  ['negative s', { ...CDNOW_PARETO_NBD, s: -0.606 }, 'OUT_OF_RANGE'],
  ['infinite beta', { ...CDNOW_PARETO_NBD, beta: Number.POSITIVE_INFINITY }, 'INVALID_NUMBER'],
  ['beta missing', { r: 0.553, alpha: 10.578, s: 0.606 }, 'INVALID_NUMBER'],
  ['s as a string', { ...CDNOW_PARETO_NBD, s: '0.606' }, 'INVALID_NUMBER'],
  ['BG/NBD parameters instead', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 'INVALID_NUMBER'],
  ['no parameters at all', undefined, 'INVALID_NUMBER'],
];

/** Values computed by reference/pareto_nbd_predictions_reference.py (mpmath), independent of src/. */
export interface ParetoNbdPredictionsReference {
  /** P(X(t) = n) of a new customer. */
  pmf: { params: number[]; n: number; t: number; value: number }[];
  /** P(Y(t) = n | x, tₓ, T); customer = [x, tₓ, T]. */
  conditionalPmf: { params: number[]; customer: number[]; n: number; t: number; value: number }[];
  /** P(alive at T + t | x, tₓ, T). */
  aliveAt: { params: number[]; customer: number[]; t: number; value: number }[];
  /** DERT(δ | x, tₓ, T), δ = discountRate. */
  dert: { params: number[]; customer: number[]; discountRate: number; value: number }[];
}

export const paretoNbdPredictionsReference: ParetoNbdPredictionsReference = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'clv', 'reference', 'pareto-nbd-predictions-reference.json'), 'utf8'),
) as ParetoNbdPredictionsReference;

/** [r, α, s, β] as parameters; [x, tₓ, T] as a customer history. */
export const asParetoNbdParams = ([r, alpha, s, beta]: number[]): { r: number; alpha: number; s: number; beta: number } => ({ r: r!, alpha: alpha!, s: s!, beta: beta! });
export const asHistory = ([frequency, recency, T]: number[]): { frequency: number; recency: number; T: number } => ({ frequency: frequency!, recency: recency!, T: T! });
