/**
 * `cx-metrics fit <model>`: fit a customer-base model to a purchase file and print its
 * parameters, diagnostics and holdout validation as JSON. Each model's library calls are in
 * its entry of {@link MODELS}.
 */
import {
  bgNbdConditionalExpectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  gammaGammaExpectedSpend,
  paretoNbdConditionalExpectedPurchases,
  summarizeTransactions,
  type TransactionSummaryRow,
} from '../clv/index';
import { parseArgs, UsageError, type FlagSpec } from './args';
import { fitWithDuckDb } from './duckdb-fit';
import { ENGINE_FLAG, readEngine } from './duckdb-engine';
import { fitDocument, type FitDiagnostics } from './fit-document';
import { FIT_USAGE } from './help';
import { inputOptions, loadInput } from './input';
import { EXIT, reportError, type Output } from './output';

/** A summary row with its holdout window (present when a calibration end was given). */
type Row = TransactionSummaryRow & { readonly holdoutFrequency?: number; readonly holdoutMonetaryValue?: number; readonly holdoutDuration?: number };

/** A fitted model as the JSON output shows it. */
interface FittedModel {
  readonly parameters: Readonly<Record<string, number>>;
  readonly fit: FitDiagnostics;
  /** The holdout validation, given rows with a holdout window. */
  readonly validate: (rows: readonly Row[]) => Record<string, number | string> | null;
}

function pick(fit: object, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, (fit as Record<string, number>)[n] as number]));
}

/** Repeat purchases predicted by `expected(row, t)` for the holdout window vs observed. */
function countValidation(rows: readonly Row[], expected: (row: Row, t: number) => number): Record<string, number | string> | null {
  if (rows.length === 0 || rows[0]?.holdoutDuration === undefined) return null;
  let predicted = 0;
  let observed = 0;
  for (const row of rows) {
    predicted += expected(row, row.holdoutDuration as number);
    observed += row.holdoutFrequency as number;
  }
  return {
    measure: 'repeat purchases in the holdout window, all customers',
    holdoutWeeks: rows[0]?.holdoutDuration as number,
    predicted,
    observed,
    relativeError: observed === 0 ? Number.NaN : predicted / observed - 1,
  };
}

/** The models `fit` knows, by name. */
export const MODELS: Readonly<Record<string, (rows: readonly Row[]) => FittedModel>> = {
  'bg-nbd': (rows) => {
    const fit = fitBgNbd(rows);
    return { parameters: pick(fit, ['r', 'alpha', 'a', 'b']), fit, validate: (h) => countValidation(h, (row, t) => bgNbdConditionalExpectedPurchases(fit, row, t)) };
  },
  'pareto-nbd': (rows) => {
    const fit = fitParetoNbd(rows);
    return { parameters: pick(fit, ['r', 'alpha', 's', 'beta']), fit, validate: (h) => countValidation(h, (row, t) => paretoNbdConditionalExpectedPurchases(fit, row, t)) };
  },
  'gamma-gamma': (rows) => {
    const fit = fitGammaGamma(rows);
    return {
      parameters: pick(fit, ['p', 'q', 'gamma']),
      fit,
      // Mean spend per holdout period of the repeat customers who bought in the holdout window,
      // predicted from their calibration spend vs observed, weighted by holdout periods.
      validate: (h) => {
        if (h.length === 0 || h[0]?.holdoutDuration === undefined) return null;
        let periods = 0;
        let predicted = 0;
        let observed = 0;
        for (const row of h) {
          const k = row.holdoutFrequency as number;
          if (row.frequency === 0 || k === 0) continue;
          periods += k;
          predicted += k * gammaGammaExpectedSpend(fit, row);
          observed += k * (row.holdoutMonetaryValue as number);
        }
        if (periods === 0) return null;
        return { measure: 'mean spend per holdout purchase period of repeat customers', holdoutPeriods: periods, predicted: predicted / periods, observed: observed / periods, relativeError: predicted / observed - 1 };
      },
    };
  },
};

const FLAGS = {
  '--sample': 'switch',
  '--purchases': 'value',
  '--calibration-end': 'value',
  '--observation-end': 'value',
  ...ENGINE_FLAG,
  '--help': 'switch',
} as const satisfies FlagSpec;

/**
 * Run `cx-metrics fit` with its arguments (after the command name); returns the exit code, as a
 * promise with `--engine duckdb`. Output is always JSON.
 */
export function fitCommand(argv: readonly string[], out: Output): number | Promise<number> {
  try {
    const args = parseArgs(argv, FLAGS);
    if (args.flags['--help'] === true) {
      out.stdout(FIT_USAGE);
      return EXIT.ok;
    }
    const [model, extra] = args.positionals;
    if (model === undefined) throw new UsageError(`name a model: ${Object.keys(MODELS).join(', ')}`);
    if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}`);
    const make = MODELS[model];
    if (make === undefined) throw new UsageError(`unknown model ${JSON.stringify(model)}: use one of ${Object.keys(MODELS).join(', ')}`);
    const options = inputOptions(args);
    if (readEngine(args) === 'duckdb') {
      return fitWithDuckDb(model, options).then(
        (document) => {
          out.stdout(document);
          return EXIT.ok;
        },
        (error: unknown) => reportError(error, out, true, FIT_USAGE),
      );
    }
    const input = loadInput(options, ['purchases']);
    if (input.purchases.length === 0) throw new UsageError('fit needs purchases: give --purchases FILE (or --sample)');
    const window = input.calibrationEnd === undefined ? { observationEnd: input.observationEnd } : { observationEnd: input.observationEnd, calibrationEnd: input.calibrationEnd };
    const rows = summarizeTransactions(input.purchases, window).rows as readonly Row[];
    const fitted = make(rows);
    out.stdout(
      fitDocument({
        model,
        files: input.files,
        customers: rows.length,
        repeatCustomers: rows.filter((r) => r.frequency > 0).length,
        calibrationEnd: input.calibrationEnd,
        observationEnd: input.observationEnd,
        parameters: fitted.parameters,
        fit: fitted.fit,
        validation: fitted.validate(rows),
      }),
    );
    return EXIT.ok;
  } catch (error) {
    return reportError(error, out, true, FIT_USAGE);
  }
}
