/** The mpmath references of the MBG/NBD tests (reference/mbg_nbd_reference.py); not a test file itself. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Params = [number, number, number, number];
export type History = [number, number, number];

/** The JSON written by test/clv/reference/mbg_nbd_reference.py. */
export interface MbgNbdReference {
  readonly cdnowFit: { readonly params: Params; readonly logLikelihood: number };
  readonly cdnowPublished: { readonly params: Params; readonly logLikelihood: number };
  readonly perCustomer: [Params, History, number][];
  readonly expected: [Params, number, number][];
  readonly conditional: [Params, History, number, number][];
  readonly alive: [Params, History, number][];
  readonly aliveAt: [Params, History, number, number][];
  readonly count: [Params, number, number, number][];
  readonly conditionalCount: [Params, History, number, number, number][];
  readonly dert: [Params, History, number, number][];
}

export const mbgReference = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'reference', 'mbg-nbd-reference.json'), 'utf8')) as MbgNbdReference;

export const asParams = ([r, alpha, a, b]: Params) => ({ r, alpha, a, b });
export const asCustomer = ([frequency, recency, T]: History) => ({ frequency, recency, T });
/** The BTYDplus estimates on CDNOW (weeks). */
export const CDNOW_MBG = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

/** The JSON written by test/clv/reference/mbg_nbd_extreme_reference.py: every parameter in [e^-30, e^30]. */
export interface MbgNbdExtremeReference
  extends Pick<MbgNbdReference, 'expected' | 'conditional' | 'alive' | 'aliveAt' | 'count' | 'conditionalCount' | 'dert'> {
  /** Points the script could not compute (its two evaluations disagree, or mpmath is too slow): [prediction, arguments, why]. */
  readonly leftOut: [string, number[], string][];
}

export const mbgExtremeReference = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'reference', 'mbg-nbd-extreme-reference.json'), 'utf8'),
) as MbgNbdExtremeReference;
