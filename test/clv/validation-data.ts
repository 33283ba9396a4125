/** CDNOW split at 1997-09-30 and the independent values of reference/validation_reference.py (tests only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeTransactions } from '../../src/clv';
import { cdnowTransactions } from './clv-data';

/** What reference/validation_reference.py writes. */
export interface ValidationReference {
  readonly params: { readonly bgNbd: number[]; readonly paretoNbd: number[] };
  readonly holdoutWeeks: number;
  readonly calibrationVsHoldout: Record<
    'bgNbd' | 'paretoNbd',
    {
      readonly groups: { customers: number; expected: number; actual: number }[];
      readonly expectedTotal: number;
      readonly actualTotal: number;
      readonly mae: number;
      readonly rmse: number;
      readonly aggregateError: number;
      readonly correlation: number;
    }
  >;
  readonly histogram: { readonly bgNbd: { observed: number[]; expected: number[]; statistic: number; df: number; pValue: number } };
  readonly tracking: Record<
    'bgNbd' | 'paretoNbd',
    {
      weeks: number;
      calibrationPeriod: number;
      expectedCumulative: number[];
      actualCumulative: number[];
      calibrationExpected: number;
      calibrationActual: number;
      holdoutExpected: number;
      holdoutActual: number;
    }
  >;
}

export const validationReference: ValidationReference = JSON.parse(readFileSync(join(import.meta.dirname, 'reference', 'validation-reference.json'), 'utf8'));

/** The published CDNOW parameters, in weeks. */
export const BG_NBD_CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
export const PARETO_NBD_CDNOW = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } as const;

export const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
export const CDNOW_WINDOW = { observationEnd: day('1998-06-30'), calibrationEnd: day('1997-09-30') } as const;

/** The CDNOW purchases as `{ customerId, at }` records. */
export function cdnowPurchases(): { customerId: number; at: number; amount: number }[] {
  return cdnowTransactions().map((p) => ({ customerId: p.sampleId, at: p.at, amount: p.amount }));
}

/** CDNOW summarised with a holdout: 2,357 rows in weeks, holdout 39 weeks. */
export function cdnowHoldoutRows() {
  return summarizeTransactions(cdnowPurchases(), CDNOW_WINDOW).rows;
}

/** max |a − b| / |b| over two arrays. */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs((actual[i] as number) - (expected[i] as number)) / Math.abs(expected[i] as number));
  return worst;
}
