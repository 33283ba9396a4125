/** Reading the CDNOW reference data and the independent reference values (tests only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/doc-examples';

const dataDir = join(repoRoot, 'test', 'fixtures', 'data');

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

export interface CdnowPurchase {
  readonly sampleId: number;
  /** UTC midnight of the purchase day, epoch ms. */
  readonly at: number;
  readonly amount: number;
}

/** `CDNOW_sample.txt`: `master_id sample_id YYYYMMDD number_of_cds dollar_value`, CRLF, leading spaces. */
export function cdnowTransactions(): CdnowPurchase[] {
  const out: CdnowPurchase[] = [];
  for (const line of readFileSync(join(dataDir, 'CDNOW_sample.txt'), 'utf8').split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const date = fields[2] as string;
    out.push({
      sampleId: Number(fields[1]),
      at: Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
      amount: Number(fields[4]),
    });
  }
  return out;
}

/** A CSV of `test/fixtures/data` as records of numbers, keyed by the header. */
export function readDataCsv(name: string): Record<string, number>[] {
  const [header, ...lines] = readFileSync(join(dataDir, name), 'utf8').trim().split(/\r?\n/);
  const keys = (header as string).split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i] as string, Number(v)])));
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
