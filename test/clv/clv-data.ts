/** Reading the CDNOW reference data and the independent reference values (tests only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/doc-examples';

const dataDir = join(repoRoot, '..', 'shared', 'data');

export interface CdnowRow {
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

/** `cdnow_customers_summary_with_transactions.csv` (ID,x,t_x,T,zbar), weeks and dollars. */
export function cdnowSummary(): CdnowRow[] {
  const text = readFileSync(join(dataDir, 'cdnow_customers_summary_with_transactions.csv'), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [, x, tx, T, zbar] = line.split(',').map(Number);
      return { frequency: x as number, recency: tx as number, T: T as number, monetaryValue: zbar as number };
    });
}

/** `cdnow_customers_summary.csv` (ID,frequency,recency,T): the file the BG/NBD paper fits. */
export function cdnowBgNbdSummary(): CdnowRow[] {
  const text = readFileSync(join(dataDir, 'cdnow_customers_summary.csv'), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [, x, tx, T] = line.split(',').map(Number);
      return { frequency: x as number, recency: tx as number, T: T as number, monetaryValue: 0 };
    });
}

/** Values computed by reference/bg_nbd_reference.py (mpmath, scipy), independent of src/. */
export interface Reference {
  bgnbdCdnow: { params: number[]; logLikelihood: number; standardErrors: number[] };
  bgnbdExpected: [number, number, number][];
  bgnbdExpectedQuad: [number[], number, number][];
  bgnbdConditional: [number, number, number, number, number, number][];
  bgnbdAlive: [number, number, number, number][];
  bgnbdConditionalLarge: [number, number, number, number, number][];
  bgnbdCount: [number, number, number][];
  gammaGammaCdnow: { params: number[]; logLikelihood: number; standardErrors: number[]; skipped: number };
  gammaGammaSpend: [number, number, number][];
  clv: [number, number, number, number, number, number, number, number][];
}

export const reference: Reference = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'clv', 'reference', 'clv-models-reference.json'), 'utf8'),
) as Reference;

/** |actual − expected| ≤ tol·max(1, |expected|)-style relative closeness. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}
