/**
 * Bad-input rows of the model descriptors' own methods (`bgNbd.fit`, `bgNbd.kernel`, …): the
 * methods that wrap a public function rather than being it. A method that *is* an exported
 * function (`bgNbd.probabilityAlive === bgNbdProbabilityAlive`) is covered by that function's
 * row; `bad-input.test.ts` fails for a descriptor method that is neither.
 */
import { bgBb } from '../../src/clv/bg-bb/bg-bb';
import { bgNbd } from '../../src/clv/bg-nbd/bg-nbd';
import { gammaGamma } from '../../src/clv/gamma-gamma/gamma-gamma';
import { mbgNbd } from '../../src/clv/mbg-nbd/mbg-nbd';
import type { TransactionModelKernel } from '../../src/clv/model';
import { paretoNbd } from '../../src/clv/pareto-nbd/pareto-nbd';
import { sbg } from '../../src/retention/sbg/sbg';
import { donations } from '../clv/bg-bb/bg-bb-data';
import { cdnowSummary } from '../clv/clv-data';
import { NOT_OPTIONS, replaceAt, replaceField, type NumberSite, type Rejection, type Row } from './table';

const ROWS = cdnowSummary().slice(0, 600);
const DONATIONS = donations();
const SURVIVORS = [1000, 869, 743, 653, 593, 551, 517, 491];
const RENEWALS = SURVIVORS.flatMap((s, t) => {
  const lost = t === 0 ? 0 : (SURVIVORS[t - 1] as number) - s;
  const churned = Array.from({ length: lost }, () => ({ renewals: t - 1, churned: true }));
  return t === SURVIVORS.length - 1 ? [...churned, ...Array.from({ length: s }, () => ({ renewals: t, churned: false }))] : churned;
});

const BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const MBG_NBD = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const PARETO = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 };
const GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 };
const BG_BB = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const SBG = { alpha: 0.668, beta: 3.806 };

interface Shape {
  readonly data: readonly object[];
  /** The fields read, each put bad in record 3 (a repeat buyer, so every field is read). */
  readonly fields: readonly string[];
}
const HISTORIES: Shape = { data: ROWS, fields: ['frequency', 'recency', 'T'] };
const SPENDERS: Shape = { data: ROWS, fields: ['frequency', 'monetaryValue'] };
const DONORS: Shape = { data: DONATIONS, fields: ['frequency', 'recency', 'periods'] };
const RENEWERS: Shape = { data: RENEWALS, fields: ['renewals'] };

/** An options argument (or anything else) passed to a method that takes none: INVALID_OPTION naming the method and the door for options. */
function extraArguments(method: string, hint: string, run: (extra: unknown) => unknown): Rejection[] {
  return [...NOT_OPTIONS, { maxIterations: 5 }].map((extra) => ({
    what: `an extra argument ${typeof extra === 'symbol' ? 'Symbol' : typeof extra === 'function' ? 'function' : JSON.stringify(extra) ?? String(extra)}`,
    run: () => run(extra),
    code: 'INVALID_OPTION' as const,
    mentions: [method, hint],
  }));
}

/** A descriptor method `(rows)` or `(params, rows)` over its customer shape, with the function it wraps. */
function rowsMethodRow(name: string, fn: string, hint: string, shape: Shape, call: (rows: unknown, ...extra: unknown[]) => unknown): Row {
  return {
    name,
    fn,
    call: (data, options) => (options === undefined ? call(data) : call(data, options)),
    valid: { data: shape.data },
    collection: { name: fn.startsWith('fitSbg') || fn.startsWith('sbg') ? 'input' : 'rows' },
    numbers: shape.fields.map((what): NumberSite => ({ what, put: (bad) => ({ data: replaceField(shape.data, 3, what, bad) }) })),
    nullRecords: true,
    rejects: extraArguments(name, hint, (extra) => call(shape.data, extra)),
  };
}

type Descriptor = { readonly fit: (rows: never) => unknown; readonly logLikelihood: (params: never, rows: never) => unknown };

function fitAndLikelihoodRows(descriptor: Descriptor, prefix: string, fit: string, logLikelihood: string, params: object, shape: Shape): Row[] {
  const fitCall = descriptor.fit as (...args: unknown[]) => unknown;
  const llCall = descriptor.logLikelihood as (...args: unknown[]) => unknown;
  return [
    rowsMethodRow(`${prefix}.fit`, fit, `${fit}(rows, options)`, shape, (rows, ...extra) => fitCall(rows, ...extra)),
    rowsMethodRow(`${prefix}.logLikelihood`, logLikelihood, `${logLikelihood}(params, rows, options)`, shape, (rows, ...extra) => llCall(params, rows, ...extra)),
  ];
}

type Kernel = (fn: string, params: never) => TransactionModelKernel;

/**
 * `model.kernel(fn, params)` and its two functions, called on `[fn, params, x, tx, T, t]`: the
 * parameters and every plain number are gated and errors name the caller `fn`.
 */
function kernelRow(name: string, kernel: Kernel, params: Record<string, number>): Row {
  const valid = ['caller', params, 2, 30.43, 38.86, 4] as const;
  const call = (data: unknown): unknown => {
    const [fn, p, x, tx, T, t] = data as [string, never, number, number, number, number];
    const k = kernel(fn, p);
    return [k.probabilityAlive(x, tx, T), k.expectedIfAlive(x, T, t)];
  };
  const put = (i: number) => (bad: unknown) => ({ data: replaceAt(valid, i, bad) });
  return {
    name,
    fn: 'caller',
    call,
    valid: { data: valid },
    numbers: [
      ...Object.keys(params).map((what): NumberSite => ({ what, put: (bad) => ({ data: replaceAt(valid, 1, { ...params, [what]: bad }) }) })),
      { what: 'frequency', put: put(2) },
      { what: 'recency', put: put(3) },
      { what: 'T', put: put(4) },
      { what: 't', put: put(5) },
    ],
    rejects: [
      { what: 'a recency above T', run: () => call(replaceAt(valid, 3, 40)), code: 'ORDER_VIOLATION', mentions: ['recency', '40'] },
      { what: 'a recency without repeat purchases', run: () => call(replaceAt(replaceAt(valid, 2, 0), 3, 5)), code: 'INCONSISTENT_INPUT', mentions: ['recency'] },
      { what: 'a fractional frequency', run: () => call(replaceAt(valid, 2, 1.5)), code: 'NOT_AN_INTEGER', mentions: ['frequency', '1.5'] },
      { what: 'a negative t', run: () => call(replaceAt(valid, 5, -1)), code: 'NEGATIVE_VALUE', mentions: ['t', '-1'] },
    ],
  };
}

export const descriptorRows: readonly Row[] = [
  ...fitAndLikelihoodRows(bgNbd, 'bgNbd', 'fitBgNbd', 'bgNbdLogLikelihood', BG_NBD, HISTORIES),
  ...fitAndLikelihoodRows(mbgNbd, 'mbgNbd', 'fitMbgNbd', 'mbgNbdLogLikelihood', MBG_NBD, HISTORIES),
  ...fitAndLikelihoodRows(paretoNbd, 'paretoNbd', 'fitParetoNbd', 'paretoNbdLogLikelihood', PARETO, HISTORIES),
  ...fitAndLikelihoodRows(bgBb, 'bgBb', 'fitBgBb', 'bgBbLogLikelihood', BG_BB, DONORS),
  ...fitAndLikelihoodRows(gammaGamma, 'gammaGamma', 'fitGammaGamma', 'gammaGammaLogLikelihood', GAMMA_GAMMA, SPENDERS),
  ...fitAndLikelihoodRows(sbg, 'sbg', 'fitSbg', 'sbgLogLikelihood', SBG, RENEWERS),
  kernelRow('bgNbd.kernel', bgNbd.kernel as Kernel, BG_NBD),
  kernelRow('mbgNbd.kernel', mbgNbd.kernel as Kernel, MBG_NBD),
  kernelRow('paretoNbd.kernel', paretoNbd.kernel as Kernel, PARETO),
  {
    name: 'sbg.expectedLifetime',
    fn: 'sbgExpectedLifetime',
    call: (data, options) => sbg.expectedLifetime(data as never, options as never),
    valid: { data: SBG, options: { horizon: 12 } },
    optionKeys: ['horizon'],
    numbers: [
      ...(['alpha', 'beta'] as const).map((what): NumberSite => ({ what, put: (bad) => ({ data: { ...SBG, [what]: bad }, options: { horizon: 12 } }) })),
      { what: 'horizon', put: (bad) => ({ data: SBG, options: { horizon: bad } }) },
    ],
  },
];
