/** Bad-input rows of the clv domain (see `table.ts`). Owned by the retention/clv gate (h/gate-b). */
import {
  bgBbConditionalExpectedTransactions,
  bgBbDert,
  bgBbExpectedTransactions,
  bgBbLogLikelihood,
  bgBbProbabilityAlive,
  bgBbTransactionCountProbability,
  bgBbConditionalTransactionCountProbability,
  bgNbdConditionalExpectedPurchases,
  bgNbdConditionalPurchaseCountProbability,
  bgNbdDert,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdConditionalPurchaseCountProbability,
  mbgNbdDert,
  mbgNbdExpectedPurchases,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  mbgNbdPurchaseCountProbability,
  fitMbgNbd,
  simulateMbgNbd,
  discountedClv,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  historicalClv,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
  paretoNbdConditionalPurchaseCountProbability,
  paretoNbdDert,
  bgNbd as bgNbdModel,
  predictClv,
  predictTransactions,
  rankCustomers,
  simpleClv,
  simulateBgNbd,
  simulateParetoNbd,
  simulateBgBb,
  simulateGammaGamma,
  summarizeTransactions,
  transactionSummaryTally,
  rfmHistogramTally,
  calibrationVsHoldout,
  repeatPurchaseHistogram,
  expectedCumulativePurchases,
  compareModels,
} from '../../src/clv/index';
import { cdnowSummary } from '../clv/clv-data';
import { donations } from '../clv/bg-bb/bg-bb-data';
import { foldWith, replaceField, type NumberSite, type Row } from './table';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const PURCHASES = [
  { id: 'ann', at: day('2024-01-01'), amount: 30 },
  { id: 'ann', at: day('2024-01-15'), amount: 20 },
  { id: 'bob', at: day('2024-02-12'), amount: 25 },
];
type P = (typeof PURCHASES)[number];
const HISTOGRAM = [
  { frequency: 0, recency: 0, T: 10, monetaryValue: 0, customers: 40 },
  { frequency: 2, recency: 6, T: 10, monetaryValue: 15, customers: 3 },
];
const WINDOW = { observationEnd: day('2024-02-26'), unit: 'day' };
const BY_PURCHASE = { ...WINDOW, customerId: (d: P) => d.id, at: (d: P) => d.at, amount: (d: P) => d.amount };
const RECORDS = PURCHASES.map((p) => ({ customerId: p.id, at: p.at, amount: p.amount }));

/** A few hundred CDNOW customers (weeks, dollars): enough for every fit to converge. */
const ROWS = cdnowSummary().slice(0, 600);
type R = (typeof ROWS)[number];
const BY_ROW = { frequency: (d: R) => d.frequency, recency: (d: R) => d.recency, T: (d: R) => d.T, maxIterations: 500 };
const BY_SPEND = { frequency: (d: R) => d.frequency, monetaryValue: (d: R) => d.monetaryValue, maxIterations: 500 };
const rowSite = (what: 'frequency' | 'recency' | 'T' | 'monetaryValue', options: object, index = 3): NumberSite => ({
  what,
  // Row 3 repeats (x > 0), so its recency and monetary value are read.
  put: (bad) => ({ data: replaceField(ROWS, index, what, bad), options }),
});

const DONATIONS = donations();
type D = (typeof DONATIONS)[number];
const BY_DONATION = { frequency: (d: D) => d.frequency, recency: (d: D) => d.recency, periods: (d: D) => d.periods, weight: (d: D) => d.weights };

const SPEND_ONLY = { frequency: (d: R) => d.frequency, monetaryValue: (d: R) => d.monetaryValue };
const SIMULATE_SPEND = { customers: 5, frequency: 3, seed: 2 };
const SIMULATE_DONORS = { customers: 5, periods: 6, seed: 2 };

const BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PARETO = { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 };
const GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 };
const BG_BB = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const CUSTOMER = { frequency: 2, recency: 30.43, T: 38.86 };
const DONOR = { frequency: 3, recency: 5, periods: 6 };

/** The parameter sites of a prediction whose arguments are `[params, ...rest]`. */
function paramSites(params: Record<string, number>, rest: readonly unknown[]): NumberSite[] {
  return Object.keys(params).map((what) => ({ what, put: (bad) => ({ data: [{ ...params, [what]: bad }, ...rest] }) }));
}
/** The sites of argument `k` (a customer object, or a number named `what`). */
function argSites(args: readonly unknown[], k: number, fields: readonly string[] | string): NumberSite[] {
  const put = (value: unknown): unknown[] => args.map((a, i) => (i === k ? value : a));
  if (typeof fields === 'string') return [{ what: fields, put: (bad) => ({ data: put(bad) }) }];
  return fields.map((what) => ({ what, put: (bad) => ({ data: put({ ...(args[k] as object), [what]: bad }) }) }));
}
function predictionRow(name: string, call: (...args: never[]) => unknown, params: Record<string, number>, args: readonly unknown[], sites: NumberSite[]): Row {
  return { name, call: (data) => call(...(data as never[])), valid: { data: args }, numbers: [...paramSites(params, args.slice(1)), ...sites] };
}

const PREDICT_OPTIONS = {
  timeUnit: 'week',
  horizon: 12,
  horizonUnit: 'month',
  frequency: (d: R) => d.frequency,
  recency: (d: R) => d.recency,
  T: (d: R) => d.T,
  monetaryValue: (d: R) => d.monetaryValue,
} as const;
const PREDICT_OPTION_KEYS = ['timeUnit', 'horizon', 'horizonUnit', 'discountRate', 'margin', 'window', 'intervals', 'frequency', 'recency', 'T', 'periods', 'monetaryValue'];
const PREDICTION = predictClv(bgNbdModel, BG_NBD, { gammaGamma: GAMMA_GAMMA }, ROWS.slice(0, 20), PREDICT_OPTIONS);

function BY_ROW_ACCESSORS() {
  return { frequency: (d: R) => d.frequency, recency: (d: R) => d.recency, T: (d: R) => d.T };
}
const HOLDOUT_ROWS = ROWS.slice(0, 20).map((r, i) => ({ ...r, holdoutFrequency: i % 3, holdoutDuration: 39 }));
type H = (typeof HOLDOUT_ROWS)[number];
const BY_HOLDOUT = { ...BY_ROW_ACCESSORS(), holdoutFrequency: (d: H) => d.holdoutFrequency, holdoutDuration: (d: H) => d.holdoutDuration };
const TRACKING = { ...WINDOW, customerId: (d: P) => d.id, at: (d: P) => d.at, calibrationEnd: day('2024-01-31') };
const FITS = { bg: { model: 'bg-nbd', logLikelihood: -100, n: 50 }, nbd: { logLikelihood: -110, n: 50, parameters: 2 } };
const TRANSACTIONS_OPTIONS = { t: 39, frequency: (d: R) => d.frequency, recency: (d: R) => d.recency, T: (d: R) => d.T };

const SIMPLE = { averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, grossMargin: 0.4 };
const DISCOUNTED = { margin: 100, retention: 0.8, discountRate: 0.1, horizon: 10 };

const bgNbdCustomer = [BG_NBD, CUSTOMER, 4];
const MBG_NBD = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const mbgNbdCustomer = [MBG_NBD, CUSTOMER, 4];
const mbgNbdCount = [MBG_NBD, CUSTOMER, 2, 4];
const paretoCustomer = [PARETO, CUSTOMER, 4];
const bgBbCustomer = [BG_BB, DONOR, 5];

/** The row of a transaction-model fit over (frequency, recency, T) rows: BG/NBD and Pareto/NBD alike. */
function transactionModelFitRow(name: string, fit: (rows: never, options: never) => unknown): Row {
  return {
    name,
    call: (data, options) => fit(data as never, options as never),
    valid: { data: ROWS, options: BY_ROW },
    collection: { name: 'rows' },
    optionKeys: ['maxIterations', 'weight', 'frequency', 'recency', 'T'],
    accessors: ['weight', 'frequency', 'recency', 'T'],
    numbers: [rowSite('frequency', BY_ROW), rowSite('recency', BY_ROW), rowSite('T', BY_ROW)],
    nullRecords: true,
  };
}

/** The row of a transaction model's log-likelihood at fixed parameters over (frequency, recency, T) rows. */
function transactionLogLikelihoodRow(name: string, logLikelihood: (rows: never, options: never) => unknown, extraOptionKeys: readonly string[] = []): Row {
  const options = { frequency: BY_ROW.frequency, recency: BY_ROW.recency, T: BY_ROW.T };
  return {
    name,
    call: (data, o) => logLikelihood(data as never, o as never),
    valid: { data: ROWS, options },
    collection: { name: 'rows' },
    optionKeys: ['weight', 'frequency', 'recency', 'T', ...extraOptionKeys],
    accessors: ['weight', 'frequency', 'recency', 'T'],
    numbers: [rowSite('frequency', options), rowSite('recency', options), rowSite('T', options)],
    nullRecords: true,
  };
}

/** The row of a transaction model's seeded simulator. */
function simulatorRow(name: string, simulate: (options: never) => unknown): Row {
  const valid = { customers: 10, T: 30, seed: 1, resolution: 1 / 7 };
  return {
    name,
    call: (_data, options) => simulate(options as never),
    valid: { data: undefined, options: valid },
    optionKeys: ['customers', 'T', 'seed', 'resolution'],
    numbers: (['customers', 'T', 'seed', 'resolution'] as const).map((what) => ({ what, put: (bad) => ({ data: undefined, options: { ...valid, [what]: bad } }) })),
    sizes: [{ what: 'customers', put: (huge) => ({ data: undefined, options: { ...valid, customers: huge } }) }],
  };
}

export const clvRows: readonly Row[] = [
  {
    name: 'summarizeTransactions',
    call: (data, options) => summarizeTransactions(data as never, options as never),
    valid: { data: PURCHASES, options: BY_PURCHASE },
    collection: { name: 'purchases' },
    optionKeys: ['observationEnd', 'calibrationEnd', 'unit', 'period', 'customerId', 'at', 'amount'],
    accessors: ['customerId', 'at', 'amount'],
    numbers: [
      { what: 'amount', put: (bad) => ({ data: replaceField(PURCHASES, 1, 'amount', bad), options: BY_PURCHASE }) },
      { what: 'purchase time', code: 'INVALID_DATE', put: (bad) => ({ data: replaceField(PURCHASES, 1, 'at', bad), options: BY_PURCHASE }) },
      { what: 'observationEnd', code: 'INVALID_DATE', put: (bad) => ({ data: PURCHASES, options: { ...BY_PURCHASE, observationEnd: bad } }) },
    ],
    nullRecords: true,
  },
  {
    name: 'transactionSummaryTally',
    call: foldWith(transactionSummaryTally),
    valid: { data: RECORDS, options: WINDOW },
    optionKeys: ['observationEnd', 'calibrationEnd', 'unit', 'period'],
    numbers: [
      { what: 'amount', put: (bad) => ({ data: replaceField(RECORDS, 1, 'amount', bad), options: WINDOW }) },
      { what: 'purchase time', code: 'INVALID_DATE', put: (bad) => ({ data: replaceField(RECORDS, 1, 'at', bad), options: WINDOW }) },
    ],
    nullRecords: true,
  },
  {
    name: 'rfmHistogramTally',
    call: foldWith(rfmHistogramTally),
    valid: { data: HISTOGRAM },
    optionKeys: [],
    numbers: (['frequency', 'recency', 'T', 'monetaryValue', 'customers'] as const).map((what) => ({
      what,
      put: (bad: unknown) => ({ data: replaceField(HISTOGRAM, 1, what, bad) }),
    })),
    nullRecords: true,
  },
  {
    name: 'historicalClv',
    call: (data, options) => historicalClv(data as never, options as never),
    valid: { data: PURCHASES, options: { grossMargin: 0.5, customerId: (d: P) => d.id, amount: (d: P) => d.amount } },
    collection: { name: 'purchases' },
    optionKeys: ['grossMargin', 'customerId', 'amount'],
    accessors: ['customerId', 'amount'],
    numbers: [
      { what: 'amount', put: (bad) => ({ data: replaceField(PURCHASES, 1, 'amount', bad), options: { customerId: (d: P) => d.id, amount: (d: P) => d.amount } }) },
      { what: 'grossMargin', put: (bad) => ({ data: PURCHASES, options: { grossMargin: bad, customerId: (d: P) => d.id, amount: (d: P) => d.amount } }) },
    ],
    nullRecords: true,
  },
  {
    name: 'simpleClv',
    call: (_data, options) => simpleClv(options as never),
    valid: { data: undefined, options: SIMPLE },
    optionKeys: ['averageOrderValue', 'purchaseFrequency', 'lifespan', 'grossMargin', 'frequencyUnit', 'lifespanUnit'],
    numbers: (['averageOrderValue', 'purchaseFrequency', 'lifespan', 'grossMargin'] as const).map((what) => ({ what, put: (bad) => ({ data: undefined, options: { ...SIMPLE, [what]: bad } }) })),
  },
  {
    name: 'discountedClv',
    call: (_data, options) => discountedClv(options as never),
    valid: { data: undefined, options: DISCOUNTED },
    optionKeys: ['margin', 'retention', 'discountRate', 'horizon', 'countAcquisitionPeriod'],
    numbers: (['margin', 'retention', 'discountRate', 'horizon'] as const).map((what) => ({
      what,
      put: (bad) => ({ data: undefined, options: { ...DISCOUNTED, [what]: bad } }),
      // An infinite horizon is the documented default (the perpetuity).
      ...(what === 'horizon' ? { except: [Number.POSITIVE_INFINITY] } : {}),
    })),
  },
  transactionModelFitRow('fitBgNbd', fitBgNbd),
  transactionModelFitRow('fitParetoNbd', fitParetoNbd),
  transactionLogLikelihoodRow('bgNbdLogLikelihood', (rows, options) => bgNbdLogLikelihood(BG_NBD, rows, options), ['perCustomer']),
  {
    ...transactionLogLikelihoodRow('paretoNbdLogLikelihood', (rows, options) => paretoNbdLogLikelihood(PARETO, rows, options)),
    optionKeys: ['weight', 'frequency', 'recency', 'T', 'perCustomer'],
  },
  simulatorRow('simulateBgNbd', (options) => simulateBgNbd(BG_NBD, options)),
  simulatorRow('simulateParetoNbd', (options) => simulateParetoNbd(PARETO, options)),
  transactionModelFitRow('fitMbgNbd', fitMbgNbd),
  {
    ...transactionLogLikelihoodRow('mbgNbdLogLikelihood', (rows, options) => mbgNbdLogLikelihood(MBG_NBD, rows, options)),
    optionKeys: ['weight', 'frequency', 'recency', 'T', 'perCustomer'],
  },
  simulatorRow('simulateMbgNbd', (options) => simulateMbgNbd(MBG_NBD, options)),
  predictionRow('mbgNbdExpectedPurchases', mbgNbdExpectedPurchases, MBG_NBD, [MBG_NBD, 4], argSites([MBG_NBD, 4], 1, 't')),
  predictionRow('mbgNbdConditionalExpectedPurchases', mbgNbdConditionalExpectedPurchases, MBG_NBD, mbgNbdCustomer, [
    ...argSites(mbgNbdCustomer, 1, ['frequency', 'recency', 'T']),
    ...argSites(mbgNbdCustomer, 2, 't'),
  ]),
  predictionRow('mbgNbdProbabilityAlive', mbgNbdProbabilityAlive, MBG_NBD, mbgNbdCustomer, [
    ...argSites(mbgNbdCustomer, 1, ['frequency', 'recency', 'T']),
    ...argSites(mbgNbdCustomer, 2, 't'),
  ]),
  predictionRow('mbgNbdPurchaseCountProbability', mbgNbdPurchaseCountProbability, MBG_NBD, [MBG_NBD, 2, 4], [
    ...argSites([MBG_NBD, 2, 4], 1, 'n'),
    ...argSites([MBG_NBD, 2, 4], 2, 't'),
  ]),
  predictionRow('mbgNbdConditionalPurchaseCountProbability', mbgNbdConditionalPurchaseCountProbability, MBG_NBD, mbgNbdCount, [
    ...argSites(mbgNbdCount, 1, ['frequency', 'recency', 'T']),
    ...argSites(mbgNbdCount, 2, 'n'),
    ...argSites(mbgNbdCount, 3, 't'),
  ]),
  {
    name: 'mbgNbdDert',
    call: (data, options) => mbgNbdDert(MBG_NBD, data as never, options as never),
    valid: { data: CUSTOMER, options: { discountRate: 0.01 } },
    optionKeys: ['discountRate'],
    numbers: [
      ...(['frequency', 'recency', 'T'] as const).map((what): NumberSite => ({ what, put: (bad) => ({ data: { ...CUSTOMER, [what]: bad }, options: { discountRate: 0.01 } }) })),
      { what: 'discountRate', put: (bad) => ({ data: CUSTOMER, options: { discountRate: bad } }) },
    ],
  },
  {
    name: 'fitGammaGamma',
    call: (data, options) => fitGammaGamma(data as never, options as never),
    valid: { data: ROWS, options: BY_SPEND },
    collection: { name: 'rows' },
    optionKeys: ['maxIterations', 'weight', 'frequency', 'monetaryValue'],
    accessors: ['weight', 'frequency', 'monetaryValue'],
    numbers: [rowSite('frequency', BY_SPEND), rowSite('monetaryValue', BY_SPEND)],
    nullRecords: true,
  },
  {
    name: 'fitBgBb',
    call: (data, options) => fitBgBb(data as never, options as never),
    valid: { data: DONATIONS, options: BY_DONATION },
    collection: { name: 'rows' },
    optionKeys: ['maxIterations', 'weight', 'frequency', 'recency', 'periods'],
    accessors: ['weight', 'frequency', 'recency', 'periods'],
    numbers: (['frequency', 'recency', 'periods'] as const).map((what) => ({ what, put: (bad) => ({ data: replaceField(DONATIONS, 2, what, bad), options: BY_DONATION }) })),
    nullRecords: true,
  },
  {
    name: 'gammaGammaLogLikelihood',
    call: (data, options) => gammaGammaLogLikelihood(GAMMA_GAMMA, data as never, options as never),
    valid: { data: ROWS, options: SPEND_ONLY },
    collection: { name: 'rows' },
    optionKeys: ['weight', 'frequency', 'monetaryValue', 'perCustomer'],
    accessors: ['weight', 'frequency', 'monetaryValue'],
    numbers: [rowSite('frequency', SPEND_ONLY), rowSite('monetaryValue', SPEND_ONLY)],
    nullRecords: true,
  },
  {
    name: 'simulateGammaGamma',
    call: (_data, options) => simulateGammaGamma(GAMMA_GAMMA, options as never),
    valid: { data: undefined, options: SIMULATE_SPEND },
    optionKeys: ['customers', 'frequency', 'seed'],
    numbers: (['customers', 'frequency', 'seed'] as const).map((what) => ({ what, put: (bad) => ({ data: undefined, options: { ...SIMULATE_SPEND, [what]: bad } }) })),
    sizes: [{ what: 'customers', put: (huge) => ({ data: undefined, options: { ...SIMULATE_SPEND, customers: huge } }) }],
  },
  {
    name: 'bgBbLogLikelihood',
    call: (data, options) => bgBbLogLikelihood(BG_BB, data as never, options as never),
    valid: { data: DONATIONS, options: BY_DONATION },
    collection: { name: 'rows' },
    optionKeys: ['weight', 'frequency', 'recency', 'periods', 'perCustomer'],
    accessors: ['weight', 'frequency', 'recency', 'periods'],
    numbers: (['frequency', 'recency', 'periods'] as const).map((what) => ({ what, put: (bad) => ({ data: replaceField(DONATIONS, 2, what, bad), options: BY_DONATION }) })),
    nullRecords: true,
  },
  {
    name: 'simulateBgBb',
    call: (_data, options) => simulateBgBb(BG_BB, options as never),
    valid: { data: undefined, options: SIMULATE_DONORS },
    optionKeys: ['customers', 'periods', 'seed'],
    numbers: (['customers', 'periods', 'seed'] as const).map((what) => ({ what, put: (bad) => ({ data: undefined, options: { ...SIMULATE_DONORS, [what]: bad } }) })),
    sizes: (['customers', 'periods'] as const).map((what) => ({ what, put: (huge) => ({ data: undefined, options: { ...SIMULATE_DONORS, [what]: huge } }) })),
  },
  {
    name: 'predictClv',
    call: (data, options) => predictClv(bgNbdModel, BG_NBD, { gammaGamma: GAMMA_GAMMA }, data as never, options as never),
    valid: { data: ROWS.slice(0, 20), options: PREDICT_OPTIONS },
    collection: { name: 'customers' },
    optionKeys: PREDICT_OPTION_KEYS,
    accessors: ['frequency', 'recency', 'T', 'periods', 'monetaryValue'],
    numbers: [
      { what: 'frequency', put: (bad) => ({ data: replaceField(ROWS.slice(0, 20), 3, 'frequency', bad), options: PREDICT_OPTIONS }) },
      { what: 'monetaryValue', put: (bad) => ({ data: replaceField(ROWS.slice(0, 20), 4, 'monetaryValue', bad), options: PREDICT_OPTIONS }) },
      { what: 'horizon', put: (bad) => ({ data: ROWS.slice(0, 20), options: { ...PREDICT_OPTIONS, horizon: bad } }) },
      { what: 'margin', put: (bad) => ({ data: ROWS.slice(0, 20), options: { ...PREDICT_OPTIONS, margin: bad } }) },
      { what: 'window.to', put: (bad) => ({ data: ROWS.slice(0, 20), options: { ...PREDICT_OPTIONS, window: { from: 0, to: bad } } }) },
    ],
    sizes: [{ what: 'horizon', put: (huge) => ({ data: ROWS.slice(0, 20), options: { ...PREDICT_OPTIONS, horizon: huge } }) }],
    nullRecords: true,
  },
  {
    name: 'predictTransactions',
    call: (data, options) => predictTransactions(bgNbdModel, BG_NBD, data as never, options as never),
    valid: { data: ROWS.slice(0, 20), options: TRANSACTIONS_OPTIONS },
    collection: { name: 'customers' },
    optionKeys: ['t', 'intervals', 'frequency', 'recency', 'T'],
    accessors: ['frequency', 'recency', 'T'],
    numbers: [
      { what: 'frequency', put: (bad) => ({ data: replaceField(ROWS.slice(0, 20), 3, 'frequency', bad), options: TRANSACTIONS_OPTIONS }) },
      { what: 'recency', put: (bad) => ({ data: replaceField(ROWS.slice(0, 20), 3, 'recency', bad), options: TRANSACTIONS_OPTIONS }) },
      { what: 'T', put: (bad) => ({ data: replaceField(ROWS.slice(0, 20), 3, 'T', bad), options: TRANSACTIONS_OPTIONS }) },
      { what: 't', put: (bad) => ({ data: ROWS.slice(0, 20), options: { ...TRANSACTIONS_OPTIONS, t: bad } }) },
    ],
    nullRecords: true,
  },
  {
    name: 'rankCustomers',
    call: (data, options) => rankCustomers(data as never, options as never),
    valid: { data: PREDICTION, options: { by: 'probabilityAlive', top: 5 } },
    optionKeys: ['by', 'top'],
    numbers: [{ what: 'top', put: (bad) => ({ data: PREDICTION, options: { top: bad } }) }],
  },
  predictionRow('bgNbdExpectedPurchases', bgNbdExpectedPurchases, BG_NBD, [BG_NBD, 4], argSites([BG_NBD, 4], 1, 't')),
  predictionRow('bgNbdConditionalExpectedPurchases', bgNbdConditionalExpectedPurchases, BG_NBD, bgNbdCustomer, [
    ...argSites(bgNbdCustomer, 1, ['frequency', 'recency', 'T']),
    ...argSites(bgNbdCustomer, 2, 't'),
  ]),
  predictionRow('bgNbdProbabilityAlive', bgNbdProbabilityAlive, BG_NBD, [BG_NBD, CUSTOMER], argSites([BG_NBD, CUSTOMER], 1, ['frequency', 'recency', 'T'])),
  predictionRow('bgNbdPurchaseCountProbability', bgNbdPurchaseCountProbability, BG_NBD, [BG_NBD, 2, 4], [
    ...argSites([BG_NBD, 2, 4], 1, 'n'),
    ...argSites([BG_NBD, 2, 4], 2, 't'),
  ]),
  predictionRow('bgNbdConditionalPurchaseCountProbability', bgNbdConditionalPurchaseCountProbability, BG_NBD, [BG_NBD, CUSTOMER, 2, 4], [
    ...argSites([BG_NBD, CUSTOMER, 2, 4], 1, ['frequency', 'recency', 'T']),
    ...argSites([BG_NBD, CUSTOMER, 2, 4], 2, 'n'),
    ...argSites([BG_NBD, CUSTOMER, 2, 4], 3, 't'),
  ]),
  {
    name: 'bgNbdDert',
    call: (data, options) => bgNbdDert(BG_NBD, data as never, options as never),
    valid: { data: CUSTOMER, options: { discountRate: 0.01 } },
    optionKeys: ['discountRate'],
    numbers: [
      ...(['frequency', 'recency', 'T'] as const).map((what): NumberSite => ({ what, put: (bad) => ({ data: { ...CUSTOMER, [what]: bad }, options: { discountRate: 0.01 } }) })),
      { what: 'discountRate', put: (bad) => ({ data: CUSTOMER, options: { discountRate: bad } }) },
    ],
  },
  predictionRow('paretoNbdExpectedPurchases', paretoNbdExpectedPurchases, PARETO, [PARETO, 4], argSites([PARETO, 4], 1, 't')),
  predictionRow('paretoNbdConditionalExpectedPurchases', paretoNbdConditionalExpectedPurchases, PARETO, paretoCustomer, [
    ...argSites(paretoCustomer, 1, ['frequency', 'recency', 'T']),
    ...argSites(paretoCustomer, 2, 't'),
  ]),
  predictionRow('paretoNbdProbabilityAlive', paretoNbdProbabilityAlive, PARETO, paretoCustomer, [
    ...argSites(paretoCustomer, 1, ['frequency', 'recency', 'T']),
    ...argSites(paretoCustomer, 2, 't'),
  ]),
  predictionRow('paretoNbdPurchaseCountProbability', paretoNbdPurchaseCountProbability, PARETO, [PARETO, 2, 4], [
    ...argSites([PARETO, 2, 4], 1, 'n'),
    ...argSites([PARETO, 2, 4], 2, 't'),
  ]),
  predictionRow('paretoNbdConditionalPurchaseCountProbability', paretoNbdConditionalPurchaseCountProbability, PARETO, [PARETO, CUSTOMER, 2, 4], [
    ...argSites([PARETO, CUSTOMER, 2, 4], 1, ['frequency', 'recency', 'T']),
    ...argSites([PARETO, CUSTOMER, 2, 4], 2, 'n'),
    ...argSites([PARETO, CUSTOMER, 2, 4], 3, 't'),
  ]),
  {
    name: 'paretoNbdDert',
    call: (data, options) => paretoNbdDert(PARETO, data as never, options as never),
    valid: { data: CUSTOMER, options: { discountRate: 0.01 } },
    optionKeys: ['discountRate'],
    numbers: [
      ...(['frequency', 'recency', 'T'] as const).map((what): NumberSite => ({ what, put: (bad) => ({ data: { ...CUSTOMER, [what]: bad }, options: { discountRate: 0.01 } }) })),
      { what: 'discountRate', put: (bad) => ({ data: CUSTOMER, options: { discountRate: bad } }) },
    ],
  },
  predictionRow('gammaGammaExpectedSpend', gammaGammaExpectedSpend, GAMMA_GAMMA, [GAMMA_GAMMA, { frequency: 2, monetaryValue: 35 }], argSites([GAMMA_GAMMA, { frequency: 2, monetaryValue: 35 }], 1, ['frequency', 'monetaryValue'])),
  predictionRow('bgBbExpectedTransactions', bgBbExpectedTransactions, BG_BB, [BG_BB, 5], argSites([BG_BB, 5], 1, 'opportunities')),
  predictionRow('bgBbConditionalExpectedTransactions', bgBbConditionalExpectedTransactions, BG_BB, bgBbCustomer, [
    ...argSites(bgBbCustomer, 1, ['frequency', 'recency', 'periods']),
    ...argSites(bgBbCustomer, 2, 'opportunities'),
  ]),
  predictionRow('bgBbProbabilityAlive', bgBbProbabilityAlive, BG_BB, [BG_BB, DONOR, 2], [
    ...argSites([BG_BB, DONOR, 2], 1, ['frequency', 'recency', 'periods']),
    ...argSites([BG_BB, DONOR, 2], 2, 'opportunities'),
  ]),
  predictionRow('bgBbTransactionCountProbability', bgBbTransactionCountProbability, BG_BB, [BG_BB, 2, 5], [
    ...argSites([BG_BB, 2, 5], 1, 'transactions'),
    ...argSites([BG_BB, 2, 5], 2, 'opportunities'),
  ]),
  predictionRow('bgBbConditionalTransactionCountProbability', bgBbConditionalTransactionCountProbability, BG_BB, [BG_BB, DONOR, 1, 5], [
    ...argSites([BG_BB, DONOR, 1, 5], 1, ['frequency', 'recency', 'periods']),
    ...argSites([BG_BB, DONOR, 1, 5], 2, 'transactions'),
    ...argSites([BG_BB, DONOR, 1, 5], 3, 'opportunities'),
  ]),
  {
    name: 'bgBbDert',
    call: (data, options) => bgBbDert(BG_BB, data as never, options as never),
    valid: { data: DONOR, options: { discountRate: 0.1 } },
    optionKeys: ['discountRate'],
    numbers: [
      ...(['frequency', 'recency', 'periods'] as const).map((what): NumberSite => ({ what, put: (bad) => ({ data: { ...DONOR, [what]: bad }, options: { discountRate: 0.1 } }) })),
      { what: 'discountRate', put: (bad) => ({ data: DONOR, options: { discountRate: bad } }) },
    ],
  },
  {
    name: 'calibrationVsHoldout',
    call: (data, options) => calibrationVsHoldout(bgNbdModel, BG_NBD, data as never, options as never),
    valid: { data: HOLDOUT_ROWS, options: { ...BY_HOLDOUT, maxFrequency: 3 } },
    collection: { name: 'customers' },
    optionKeys: ['maxFrequency', 'weight', 'frequency', 'recency', 'T', 'holdoutFrequency', 'holdoutDuration'],
    accessors: ['weight', 'frequency', 'recency', 'T', 'holdoutFrequency', 'holdoutDuration'],
    numbers: [
      ...(['frequency', 'recency', 'T', 'holdoutFrequency', 'holdoutDuration'] as const).map(
        (what): NumberSite => ({ what, put: (bad) => ({ data: replaceField(HOLDOUT_ROWS, 3, what, bad), options: BY_HOLDOUT }) }),
      ),
      { what: 'weight', put: (bad) => ({ data: HOLDOUT_ROWS, options: { ...BY_HOLDOUT, weight: () => bad } }) },
      { what: 'maxFrequency', put: (bad) => ({ data: HOLDOUT_ROWS, options: { ...BY_HOLDOUT, maxFrequency: bad } }) },
    ],
    nullRecords: true,
  },
  {
    name: 'repeatPurchaseHistogram',
    call: (data, options) => repeatPurchaseHistogram(bgNbdModel, BG_NBD, data as never, options as never),
    valid: { data: ROWS, options: { frequency: BY_ROW.frequency, T: BY_ROW.T, maxFrequency: 5 } },
    collection: { name: 'customers' },
    optionKeys: ['maxFrequency', 'weight', 'frequency', 'T'],
    accessors: ['weight', 'frequency', 'T'],
    numbers: [
      ...(['frequency', 'T'] as const).map((what): NumberSite => ({ what, put: (bad) => ({ data: replaceField(ROWS, 3, what, bad), options: { frequency: BY_ROW.frequency, T: BY_ROW.T } }) })),
      { what: 'maxFrequency', put: (bad) => ({ data: ROWS, options: { maxFrequency: bad } }) },
    ],
    nullRecords: true,
  },
  {
    name: 'expectedCumulativePurchases',
    call: (data, options) => expectedCumulativePurchases(bgNbdModel, BG_NBD, data as never, options as never),
    valid: { data: PURCHASES, options: TRACKING },
    collection: { name: 'cohort' },
    optionKeys: ['observationEnd', 'calibrationEnd', 'unit', 'trackingPeriod', 'start', 'customerId', 'at'],
    accessors: ['customerId', 'at'],
    numbers: [
      { what: 'purchase time', code: 'INVALID_DATE', put: (bad) => ({ data: replaceField(PURCHASES, 1, 'at', bad), options: TRACKING }) },
      { what: 'observationEnd', code: 'INVALID_DATE', put: (bad) => ({ data: PURCHASES, options: { ...TRACKING, observationEnd: bad } }) },
      { what: 'calibrationEnd', code: 'INVALID_DATE', put: (bad) => ({ data: PURCHASES, options: { ...TRACKING, calibrationEnd: bad } }) },
    ],
    nullRecords: true,
  },
  {
    name: 'compareModels',
    call: (data, options) => compareModels(data as never, options as never),
    valid: { data: FITS, options: { nested: [{ restricted: 'nbd', full: 'bg' }] } },
    optionKeys: ['nested'],
    numbers: [
      { what: 'bg.logLikelihood', put: (bad) => ({ data: { ...FITS, bg: { ...FITS.bg, logLikelihood: bad } } }) },
      { what: 'nbd.n', put: (bad) => ({ data: { ...FITS, nbd: { ...FITS.nbd, n: bad } } }) },
      { what: 'nbd.parameters', put: (bad) => ({ data: { ...FITS, nbd: { ...FITS.nbd, parameters: bad } } }) },
    ],
  },
];
