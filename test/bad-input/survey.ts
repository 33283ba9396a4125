/** Bad-input rows of the survey domain (see `table.ts`). */
import { ces } from '../../src/survey/ces';
import { cesTally } from '../../src/survey/ces-tally';
import { classifyNps } from '../../src/survey/classify-nps';
import { compareCsat } from '../../src/survey/compare-csat';
import { compareNps } from '../../src/survey/compare-nps';
import { csat } from '../../src/survey/csat';
import { csatInterval } from '../../src/survey/csat-interval';
import { csatTally } from '../../src/survey/csat-tally';
import { nps } from '../../src/survey/nps';
import { npsFromCounts } from '../../src/survey/nps-from-counts';
import { npsInterval } from '../../src/survey/nps-interval';
import { npsRevenue } from '../../src/survey/nps-revenue';
import { npsTally } from '../../src/survey/nps-tally';
import { surveyBreakdown } from '../../src/survey/survey-breakdown';
import { surveyBreakdownFromCounts } from '../../src/survey/survey-breakdown-from-counts';
import { benchmarkTest } from '../../src/survey/benchmark-test';
import { compareGroups } from '../../src/survey/compare-groups';
import { sampleSize } from '../../src/survey/sample-size';
import { trendTest } from '../../src/survey/trend-test';
import { keyDrivers } from '../../src/survey/key-drivers';
import { rakeWeights } from '../../src/survey/rake-weights';
import { foldWith, replaceAt, replaceField, type NumberSite, type Row } from './table';

type Rec = { s: number; w: number };
const SCORES = [5, 4, 3, 2, 1, 5, 4, 4];
const RECORDS: Rec[] = SCORES.map((s) => ({ s, w: 1 }));
const BY_RECORD = { accessor: (r: Rec) => r.s, weight: (r: Rec) => r.w };
/** Every score is on every scale used here (NPS 0–10, CSAT 1–5, CES 1–7). */
const AT = 7;

const SCORE_KEYS = ['accessor', 'weight'];
const COUNTS = { promoters: 5, passives: 3, detractors: 2 };

/** The three places a scored batch function reads numbers: a bare score, a record's score, its weight. */
function scoreSites(extra: object = {}): NumberSite[] {
  return [
    { what: 'score', put: (bad) => ({ data: replaceAt(SCORES, AT, bad), options: extra }) },
    { what: 'score', put: (bad) => ({ data: replaceField(RECORDS, AT, 's', bad), options: { ...BY_RECORD, ...extra } }) },
    { what: 'weight', put: (bad) => ({ data: replaceField(RECORDS, AT, 'w', bad), options: { ...BY_RECORD, ...extra } }) },
  ];
}

/** A scored batch function: values (or records through accessors) and options. */
function scored(name: string, call: Row['call'], keys: readonly string[], extra: object = {}): Row {
  return {
    name,
    call,
    valid: { data: RECORDS, options: { ...BY_RECORD, ...extra } },
    collection: { name: 'values' },
    optionKeys: keys,
    accessors: SCORE_KEYS,
    numbers: scoreSites(extra),
    nullRecords: true,
  };
}

/** A survey tally: `add` takes a score or a { score, weight } pair. */
function tally(name: string, call: Row['call'], keys: readonly string[] | undefined): Row {
  const pairs = SCORES.map((score) => ({ score, weight: 1 }));
  return {
    name,
    call,
    valid: { data: pairs },
    ...(keys === undefined ? {} : { optionKeys: keys }),
    numbers: [
      { what: 'score', put: (bad) => ({ data: replaceAt(SCORES, AT, bad) }) },
      { what: 'score', put: (bad) => ({ data: replaceField(pairs, AT, 'score', bad) }) },
      { what: 'weight', put: (bad) => ({ data: replaceField(pairs, AT, 'weight', bad) }) },
    ],
    nullRecords: true,
  };
}

const at = Date.UTC(2024, 0, 15);
const SCORE_COUNTS = [
  { group: 'web', period: Date.UTC(2024, 0, 1), score: 9, responses: 3 },
  { group: 'web', period: Date.UTC(2024, 0, 1), score: 4, responses: 2 },
  { group: 'phone', period: Date.UTC(2024, 1, 1), score: 10, responses: 5 },
];
const RESPONSES = SCORES.map((score, i) => ({ type: 'survey', metric: 'nps', customerId: `c${i % 3}`, at, channel: 'web', score }));
const PURCHASES = [
  { type: 'purchase', customerId: 'c0', at, amount: 300, currency: 'EUR' },
  { type: 'purchase', customerId: 'c1', at, amount: 50, currency: 'EUR' },
];
const INTERACTIONS = [...RESPONSES, ...PURCHASES];
/** Two channels (compareGroups needs two groups) and two months (trendTest needs two periods). */
const TWO_GROUPS = RESPONSES.map((r, i) => ({ ...r, channel: i % 2 === 0 ? 'web' : 'app', at: Date.UTC(2024, i % 2, 15) }));
const GROUP_KEYS = ['metric', 'by', 'period', 'customers', 'weight', 'scale', 'threshold', 'easy', 'difficult', 'level', 'versus', 'correction', 'minimumSize', 'method'];

/** A row for compareGroups / trendTest: survey responses and options, read like surveyBreakdown. */
function grouped(name: string, call: Row['call'], options: object, keys: readonly string[]): Row {
  return {
    name,
    call,
    valid: { data: TWO_GROUPS, options: { ...options, weight: () => 1 } },
    collection: { name: 'responses' },
    optionKeys: keys,
    accessors: ['weight'],
    numbers: [
      { what: 'score', put: (bad) => ({ data: replaceField(TWO_GROUPS, AT, 'score', bad), options }) },
      { what: 'score', put: (bad) => ({ data: replaceField(TWO_GROUPS, AT, 'score', bad), options: { ...options, weight: () => 1 } }) },
      { what: 'weight', put: (bad) => ({ data: TWO_GROUPS, options: { ...options, weight: () => bad } }) },
    ],
    nullRecords: true,
  };
}

const BENCHMARK = { metric: 'csat', benchmark: 0.5 };
const benchmarkRow = scored('benchmarkTest', (data, options) => benchmarkTest(data as number[], options as never), [
  ...SCORE_KEYS,
  'metric',
  'benchmark',
  'alternative',
  'level',
  'scale',
  'threshold',
  'easy',
  'difficult',
], BENCHMARK);
const PLAN = { metric: 'nps', margin: 5 };

/** Respondents with a region (raked to half a, half b), a score, two ratings and a weight. */
type Rated = { r: string; s: number; a: number; b: number; w: number };
const RATED: Rated[] = SCORES.map((s, i) => ({ r: i % 2 === 0 ? 'a' : 'b', s, a: [1, 2, 3, 4, 5, 1, 3, 2][i] as number, b: [2, 2, 5, 1, 3, 4, 4, 1][i] as number, w: 1 }));
const RAKE_MARGINS = [{ name: 'region', category: (d: Rated) => d.r, targets: { a: 50, b: 50 } }];
const DRIVERS = { outcome: (d: Rated) => d.s, drivers: { a: (d: Rated) => d.a, b: (d: Rated) => d.b }, weight: (d: Rated) => d.w, resamples: 0 };
/** Two channels, one month: a single group for compareGroups without `by`, a single period for trendTest. */
const ONE_MONTH = TWO_GROUPS.map((r) => ({ ...r, at }));

export const surveyRows: readonly Row[] = [
  {
    name: 'classifyNps',
    call: (data) => classifyNps(data as number),
    valid: { data: 9 },
    numbers: [{ what: 'score', put: (bad) => ({ data: bad }) }],
  },
  scored('nps', (data, options) => nps(data as number[], options as never), SCORE_KEYS),
  {
    name: 'npsFromCounts',
    call: (data) => npsFromCounts(data as never),
    valid: { data: COUNTS },
    collection: { name: 'counts' },
    numbers: (['promoters', 'passives', 'detractors'] as const).map((what) => ({ what, put: (bad: unknown) => ({ data: { ...COUNTS, [what]: bad } }) })),
  },
  scored('csat', (data, options) => csat(data as number[], options as never), [...SCORE_KEYS, 'scale', 'threshold']),
  scored('ces', (data, options) => ces(data as number[], options as never), [...SCORE_KEYS, 'scale', 'easy', 'difficult', 'level']),
  scored('npsInterval', (data, options) => npsInterval(data as number[], options as never), [...SCORE_KEYS, 'level', 'method']),
  scored('csatInterval', (data, options) => csatInterval(data as number[], options as never), [...SCORE_KEYS, 'scale', 'threshold', 'level', 'method']),
  scored('compareNps', (data, options) => compareNps(data as number[], data as number[], options as never), [...SCORE_KEYS, 'level', 'method']),
  scored('compareCsat', (data, options) => compareCsat(data as number[], data as number[], options as never), [...SCORE_KEYS, 'scale', 'threshold', 'level']),
  tally('npsTally', foldWith(npsTally), undefined),
  tally('csatTally', foldWith(csatTally), ['scale', 'threshold']),
  tally('cesTally', foldWith(cesTally), ['scale', 'easy', 'difficult', 'level']),
  {
    name: 'surveyBreakdown',
    call: (data, options) => surveyBreakdown(data as never, options as never),
    valid: { data: RESPONSES, options: { metric: 'nps', by: 'channel', weight: () => 1 } },
    collection: { name: 'responses' },
    optionKeys: ['metric', 'by', 'period', 'customers', 'level', 'method', 'minimumSize', 'weight', 'scale', 'threshold', 'easy', 'difficult'],
    accessors: ['weight'],
    numbers: [
      { what: 'score', put: (bad) => ({ data: replaceField(RESPONSES, AT, 'score', bad), options: { metric: 'nps' } }) },
      { what: 'score', put: (bad) => ({ data: replaceField(RESPONSES, AT, 'score', bad), options: { metric: 'nps', weight: () => 1 } }) },
      { what: 'weight', put: (bad) => ({ data: RESPONSES, options: { metric: 'nps', weight: () => bad } }) },
    ],
    nullRecords: true,
  },
  {
    name: 'surveyBreakdownFromCounts',
    call: (data, options) => surveyBreakdownFromCounts(data as never, options as never),
    valid: { data: SCORE_COUNTS, options: { metric: 'nps', period: 'month' } },
    collection: { name: 'rows' },
    optionKeys: ['metric', 'period', 'level', 'method', 'minimumSize', 'scale', 'threshold', 'easy', 'difficult'],
    numbers: [
      // A null score is a counted missing answer, not a bad number.
      { what: 'score', put: (bad) => ({ data: replaceField(SCORE_COUNTS, 1, 'score', bad), options: { metric: 'nps', period: 'month' } }) },
      { what: 'responses', put: (bad) => ({ data: replaceField(SCORE_COUNTS, 1, 'responses', bad), options: { metric: 'nps', period: 'month' } }) },
      { what: 'period', code: 'INVALID_DATE', put: (bad) => ({ data: replaceField(SCORE_COUNTS, 1, 'period', bad), options: { metric: 'nps', period: 'month' } }) },
    ],
    nullRecords: true,
  },
  {
    ...grouped('compareGroups', (data, options) => compareGroups(data as never, options as never), { metric: 'nps', by: 'channel', minimumSize: 0 }, GROUP_KEYS),
    rejects: [
      {
        what: 'answers in fewer than two groups',
        run: () => compareGroups(TWO_GROUPS.map((r) => ({ ...r, channel: 'web' })) as never, { metric: 'nps', by: 'channel' }),
        code: 'INSUFFICIENT_DATA',
        mentions: ['1 group', 'at least two'],
      },
      { what: 'no grouping at all (one group)', run: () => compareGroups(TWO_GROUPS as never, { metric: 'nps' }), code: 'INSUFFICIENT_DATA', mentions: ['at least two'] },
      {
        what: 'a reference group without answers',
        run: () => compareGroups(TWO_GROUPS as never, { metric: 'nps', by: 'channel', versus: { group: 'phone' } }),
        code: 'UNKNOWN_REFERENCE',
        mentions: ['"phone"'],
      },
    ],
  },
  {
    ...grouped('trendTest', (data, options) => trendTest(data as never, options as never), { metric: 'nps', period: 'month', minimumSize: 0 }, [
      'metric',
      'period',
      'weight',
      'scale',
      'threshold',
      'easy',
      'difficult',
      'level',
      'correction',
      'minimumSize',
      'method',
    ]),
    rejects: [
      { what: 'answers in fewer than two periods', run: () => trendTest(ONE_MONTH as never, { metric: 'nps', period: 'month' }), code: 'INSUFFICIENT_DATA', mentions: ['one month', 'at least two'] },
    ],
  },
  {
    ...benchmarkRow,
    numbers: [
      ...(benchmarkRow.numbers ?? []),
      { what: 'benchmark', put: (bad) => ({ data: RECORDS, options: { ...BY_RECORD, ...BENCHMARK, benchmark: bad } }) },
    ],
  },
  {
    name: 'sampleSize',
    call: (_data, options) => sampleSize(options as never),
    valid: { data: undefined, options: PLAN },
    optionKeys: ['metric', 'n', 'margin', 'difference', 'power', 'level', 'shares', 'share', 'standardDeviation', 'scale', 'designEffect'],
    numbers: [
      { what: 'margin', put: (bad) => ({ data: undefined, options: { ...PLAN, margin: bad } }) },
      { what: 'designEffect', put: (bad) => ({ data: undefined, options: { ...PLAN, designEffect: bad } }) },
      { what: 'n', put: (bad) => ({ data: undefined, options: { metric: 'csat', n: bad } }) },
      { what: 'power', put: (bad) => ({ data: undefined, options: { metric: 'csat', difference: 0.1, power: bad } }) },
      { what: 'shares.promoters', put: (bad) => ({ data: undefined, options: { ...PLAN, shares: { promoters: bad, detractors: 0.2 } } }) },
    ],
    // A margin or difference so small that the answers needed are past a safe integer (n was Infinity).
    sizes: [
      { what: 'margin', put: (huge) => ({ data: undefined, options: { ...PLAN, margin: 1 / huge } }) },
      { what: 'difference', put: (huge) => ({ data: undefined, options: { metric: 'nps', difference: 1 / huge } }) },
    ],
  },
  {
    name: 'rakeWeights',
    call: (data, options) => rakeWeights(data as never, RAKE_MARGINS as never, options as never),
    valid: { data: RATED, options: { weight: (d: Rated) => d.w } },
    collection: { name: 'respondents' },
    optionKeys: ['weight', 'bounds', 'tolerance', 'maxIterations'],
    accessors: ['weight'],
    numbers: [{ what: 'weight', put: (bad) => ({ data: replaceField(RATED, AT, 'w', bad), options: { weight: (d: Rated) => d.w } }) }],
    nullRecords: true,
    rejects: [
      {
        what: 'margins that do not sum to the same total',
        run: () => rakeWeights(RATED, [...RAKE_MARGINS, { name: 'plan', category: (d: Rated) => (d.a > 2 ? 'pro' : 'basic'), targets: { pro: 40, basic: 50 } }]),
        code: 'INCONSISTENT_INPUT',
        mentions: ['plan', '90', 'region', '100', 'same population total'],
      },
      {
        what: 'a margin category absent from the sample',
        run: () => rakeWeights(RATED, [{ name: 'region', category: (d: Rated) => d.r, targets: { a: 40, b: 40, c: 20 } }]),
        code: 'INCONSISTENT_INPUT',
        mentions: ['region', '"c"', 'no respondent'],
      },
      {
        what: 'a respondent category that is not among the targets',
        run: () => rakeWeights(RATED, [{ name: 'region', category: (d: Rated) => d.r, targets: { a: 100 } }]),
        code: 'UNKNOWN_REFERENCE',
        mentions: ['region', '"b"'],
      },
    ],
  },
  {
    name: 'keyDrivers',
    call: (data, options) => keyDrivers(data as never, options as never),
    valid: { data: RATED, options: DRIVERS },
    collection: { name: 'responses' },
    optionKeys: ['outcome', 'drivers', 'metric', 'scale', 'driverScale', 'method', 'weight', 'resamples', 'seed', 'level'],
    accessors: ['outcome', 'weight'],
    numbers: [
      { what: 'score', put: (bad) => ({ data: replaceField(RATED, AT, 's', bad), options: DRIVERS }) },
      { what: 'rating', put: (bad) => ({ data: replaceField(RATED, AT, 'a', bad), options: DRIVERS }) },
      { what: 'weight', put: (bad) => ({ data: replaceField(RATED, AT, 'w', bad), options: DRIVERS }) },
    ],
    sizes: [
      { what: 'resamples', put: (huge) => ({ data: RATED, options: { ...DRIVERS, resamples: huge } }) },
      // Ratings with no driverScale are any finite number: their cross-products overflowed into an internal error.
      { what: 'overflow', put: () => ({ data: replaceField(RATED, AT, 'a', 1e300), options: DRIVERS }) },
    ],
    nullRecords: true,
    rejects: [
      {
        what: 'a driver with zero variance',
        run: () => keyDrivers(RATED, { ...DRIVERS, drivers: { ...DRIVERS.drivers, flat: () => 3 } }),
        code: 'INSUFFICIENT_DATA',
        mentions: ['"flat"', 'zero variance'],
      },
      { what: 'an outcome with zero variance', run: () => keyDrivers(RATED, { ...DRIVERS, outcome: () => 7 }), code: 'INSUFFICIENT_DATA', mentions: ['zero variance'] },
      {
        what: 'perfectly collinear drivers',
        run: () => keyDrivers(RATED, { ...DRIVERS, drivers: { ...DRIVERS.drivers, sum: (d: Rated) => d.a + d.b } }),
        code: 'INSUFFICIENT_DATA',
        mentions: ['collinear'],
      },
    ],
  },
  {
    name: 'npsRevenue',
    call: (data, options) => npsRevenue(data as never, options as never),
    valid: { data: INTERACTIONS, options: { currency: 'EUR' } },
    collection: { name: 'interactions' },
    optionKeys: ['currency'],
    numbers: [
      { what: 'score', put: (bad) => ({ data: replaceField(INTERACTIONS, AT, 'score', bad) }) },
      { what: 'amount', put: (bad) => ({ data: replaceField(INTERACTIONS, INTERACTIONS.length - 1, 'amount', bad) }) },
    ],
    nullRecords: true,
  },
];
