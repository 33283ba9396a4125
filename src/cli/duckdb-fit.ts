/**
 * `cx-metrics fit <model> --engine duckdb`: the same JSON document as the in-memory engine, from
 * aggregates DuckDB computes on the purchase file. The models are fitted on the weighted RFM
 * histogram (`rfmHistogramSql`: `groupBy: 'timing'` for BG/NBD and Pareto/NBD, `'spend'` for
 * Gamma-Gamma), and the holdout validation sums the predictions over groups of customers with
 * the same calibration summary (each group's prediction × its customers), never per customer.
 */
import {
  bgNbdConditionalExpectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  gammaGammaExpectedSpend,
  paretoNbdConditionalExpectedPurchases,
} from '../clv/index';
import { UsageError } from './args';
import { checkPurchaseFile, histogram, holdoutCounts, holdoutSpend, openDuckDb, openPurchases, purchaseFile, type DuckDb, type EngineWindow, type HistogramRow, type HoldoutCountRow } from './duckdb-engine';
import { fitDocument, type FitDiagnostics } from './fit-document';
import { SAMPLE_CALIBRATION_END, SAMPLE_OBSERVATION_END, type InputOptions } from './input';

/** A model fitted from DuckDB's aggregates. */
interface DuckDbFit {
  readonly parameters: Readonly<Record<string, number>>;
  readonly fit: FitDiagnostics;
  readonly validation: Record<string, number | string> | null;
}

const weight = (r: { readonly customers: number }): number => r.customers;

function pick(fit: object, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, (fit as Record<string, number>)[n] as number]));
}

/** Repeat purchases predicted for the holdout window vs observed: Σ groups customers × `expected(row, t)`. */
function countValidation(rows: readonly HoldoutCountRow[], expected: (row: HoldoutCountRow, t: number) => number): Record<string, number | string> | null {
  if (rows.length === 0) return null;
  let predicted = 0;
  let observed = 0;
  for (const row of rows) {
    predicted += row.customers * expected(row, row.holdoutDuration);
    observed += row.holdoutFrequency;
  }
  return {
    measure: 'repeat purchases in the holdout window, all customers',
    holdoutWeeks: (rows[0] as HoldoutCountRow).holdoutDuration,
    predicted,
    observed,
    relativeError: observed === 0 ? Number.NaN : predicted / observed - 1,
  };
}

type Split = EngineWindow & { readonly calibrationEnd: number };

/** The models, as in `MODELS` of fit.ts, on DuckDB's aggregates. */
const DUCKDB_MODELS: Readonly<Record<string, { readonly groupBy: 'spend' | 'timing'; readonly fit: (db: DuckDb, rows: readonly HistogramRow[], split: Split | undefined) => Promise<DuckDbFit> }>> = {
  'bg-nbd': {
    groupBy: 'timing',
    fit: async (db, rows, split) => {
      const fit = fitBgNbd(rows, { weight });
      const validation = split === undefined ? null : countValidation(await holdoutCounts(db, split), (row, t) => bgNbdConditionalExpectedPurchases(fit, row, t));
      return { parameters: pick(fit, ['r', 'alpha', 'a', 'b']), fit, validation };
    },
  },
  'pareto-nbd': {
    groupBy: 'timing',
    fit: async (db, rows, split) => {
      const fit = fitParetoNbd(rows, { weight });
      const validation = split === undefined ? null : countValidation(await holdoutCounts(db, split), (row, t) => paretoNbdConditionalExpectedPurchases(fit, row, t));
      return { parameters: pick(fit, ['r', 'alpha', 's', 'beta']), fit, validation };
    },
  },
  'gamma-gamma': {
    groupBy: 'spend',
    fit: async (db, rows, split) => {
      const fit = fitGammaGamma(rows, { weight });
      let validation: DuckDbFit['validation'] = null;
      if (split !== undefined) {
        // As the memory engine: mean spend per holdout period of the repeat customers who bought
        // in the holdout window, predicted from their calibration spend vs observed.
        let periods = 0;
        let predicted = 0;
        let observed = 0;
        for (const row of await holdoutSpend(db, split)) {
          periods += row.periods;
          predicted += row.periods * gammaGammaExpectedSpend(fit, row);
          observed += row.spend;
        }
        if (periods > 0) {
          validation = { measure: 'mean spend per holdout purchase period of repeat customers', holdoutPeriods: periods, predicted: predicted / periods, observed: observed / periods, relativeError: predicted / observed - 1 };
        }
      }
      return { parameters: pick(fit, ['p', 'q', 'gamma']), fit, validation };
    },
  },
};

/** Fit `model` to the purchase file through DuckDB; resolves to the JSON document `fit` prints. */
export async function fitWithDuckDb(model: string, options: InputOptions): Promise<string> {
  const spec = DUCKDB_MODELS[model];
  if (spec === undefined) throw new UsageError(`unknown model ${JSON.stringify(model)}: use one of ${Object.keys(DUCKDB_MODELS).join(', ')}`);
  const source = purchaseFile(options);
  if (source === undefined) throw new UsageError('fit needs purchases: give --purchases FILE (or --sample)');
  checkPurchaseFile(source.file);
  const db = await openDuckDb();
  try {
    const file = await openPurchases(db, source.file, source.shownAs);
    if (file.summary.records === 0) throw new UsageError('fit needs purchases: give --purchases FILE (or --sample)');
    const observationEnd = options.observationEnd ?? (options.sample ? SAMPLE_OBSERVATION_END : (file.last as number));
    const calibrationEnd = options.calibrationEnd ?? (options.sample ? SAMPLE_CALIBRATION_END : undefined);
    const split = calibrationEnd === undefined ? undefined : { observationEnd, calibrationEnd };
    const rows = await histogram(db, split ?? { observationEnd }, spec.groupBy);
    const fitted = await spec.fit(db, rows, split);
    let customers = 0;
    let repeatCustomers = 0;
    for (const row of rows) {
      customers += row.customers;
      if (row.frequency > 0) repeatCustomers += row.customers;
    }
    return fitDocument({ model, files: [file.summary], customers, repeatCustomers, calibrationEnd, observationEnd, ...fitted });
  } finally {
    db.close();
  }
}
