/** The 30-digit references of reference/bg_nbd_residual_reference.py (P(alive at T + t), P(Y(t) = n | …), DERT, ln Lᵢ); not a test file itself. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Params = [number, number, number, number];
type Customer = [number, number, number];

/** The JSON written by test/clv/reference/bg_nbd_residual_reference.py. */
export interface BgNbdResidualReference {
  readonly survival: [Params, Customer, number, number][];
  readonly conditionalCount: [Params, Customer, number, number, number][];
  readonly dert: [Params, Customer, number, number][];
  readonly perCustomer: { params: Params; rows: Customer[]; logLikelihood: number[] };
}

export const residual = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'reference', 'bg-nbd-residual-reference.json'), 'utf8')) as BgNbdResidualReference;

export const asCustomer = ([frequency, recency, T]: Customer) => ({ frequency, recency, T });
