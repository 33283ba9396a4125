/** Bad-input rows of the retention domain (see `table.ts`). Owned by the retention/clv gate (h/gate-b). */
import { churnRate } from '../../src/retention/churn-rate';
import { cohortRetention } from '../../src/retention/cohort-retention';
import { cohortRetentionFromCounts } from '../../src/retention/cohort-retention-from-counts';
import { fitSbg } from '../../src/retention/sbg/fit-sbg';
import { kaplanMeier } from '../../src/retention/kaplan-meier';
import { kaplanMeierTally } from '../../src/retention/kaplan-meier-tally';
import { logRankTest } from '../../src/retention/log-rank-test';
import { periodRetention } from '../../src/retention/period-retention';
import { retentionRate } from '../../src/retention/retention-rate';
import { sbgDerl } from '../../src/retention/sbg/sbg-derl';
import { sbgLogLikelihood } from '../../src/retention/sbg/sbg-log-likelihood';
import { simulateSbg } from '../../src/retention/sbg/sbg-simulate';
import { sbgExpectedLifetime } from '../../src/retention/sbg/sbg-expected-lifetime';
import { sbgRetentionRate } from '../../src/retention/sbg/sbg-retention-rate';
import { sbgSurvival } from '../../src/retention/sbg/sbg-survival';
import { foldWith, replaceAt, replaceField, type NumberSite, type Row } from './table';

const VISITS = [
  { customerId: 'a', at: Date.UTC(2024, 0, 5) },
  { customerId: 'b', at: Date.UTC(2024, 0, 9) },
  { customerId: 'a', at: Date.UTC(2024, 1, 3) },
  { customerId: 'c', at: Date.UTC(2024, 1, 7) },
];
type Visit = (typeof VISITS)[number];
const BY_VISIT = { unit: 'month', customerId: (d: Visit) => d.customerId, at: (d: Visit) => d.at };
const ACTIVITY_ACCESSORS = ['customerId', 'at', 'type', 'firstActive', 'lastActive'];
const ACTIVITY_KEYS = ['unit', 'observationEnd', 'activity', ...ACTIVITY_ACCESSORS];
const AT: NumberSite = { what: 'at', code: 'INVALID_DATE', put: (bad) => ({ data: replaceField(VISITS, 1, 'at', bad), options: BY_VISIT }) };

const LIFETIMES = [
  { m: 2, c: true },
  { m: 3, c: false },
  { m: 5, c: true },
  { m: 5, c: true },
  { m: 8, c: false },
];
const BY_LIFETIME = { duration: (d: (typeof LIFETIMES)[number]) => d.m, churned: (d: (typeof LIFETIMES)[number]) => d.c, level: 0.9 };
const OBSERVATIONS = LIFETIMES.map((d) => ({ duration: d.m, churned: d.c }));

const COUNTS = { start: 10, end: 9, acquired: 2 };
const countSites = (['start', 'end', 'acquired'] as const).map((what): NumberSite => ({ what, put: (bad) => ({ data: undefined, options: { ...COUNTS, [what]: bad } }) }));

const COHORT_COUNTS = [
  { cohort: Date.UTC(2024, 0, 1), offset: 0, size: 2, active: 2, activeUnbounded: 2 },
  { cohort: Date.UTC(2024, 0, 1), offset: 1, size: 2, active: 1, activeUnbounded: 1 },
];

const SBG = { alpha: 0.668, beta: 3.806 };
const sbgSites = (data: (params: object) => unknown, options?: unknown): NumberSite[] =>
  (['alpha', 'beta'] as const).map((what) => ({ what, put: (bad) => ({ data: data({ ...SBG, [what]: bad }), options }) }));

// Fader & Hardie (2007), Table 1, "high end": survivors per period, as one record per customer.
const SURVIVORS = [1000, 869, 743, 653, 593, 551, 517, 491];
const CUSTOMERS = SURVIVORS.flatMap((s, t) => {
  const lost = t === 0 ? 0 : (SURVIVORS[t - 1] as number) - s;
  const churned = Array.from({ length: lost }, () => ({ renewals: t - 1, churned: true }));
  return t === SURVIVORS.length - 1 ? [...churned, ...Array.from({ length: s }, () => ({ renewals: t, churned: false }))] : churned;
});
const BY_CUSTOMER = { renewals: (d: (typeof CUSTOMERS)[number]) => d.renewals, churned: (d: (typeof CUSTOMERS)[number]) => d.churned };

type Life = { t: number; c: boolean };
const LIVES_A: Life[] = [{ t: 2, c: true }, { t: 3, c: false }, { t: 5, c: true }, { t: 6, c: true }];
const LIVES_B: Life[] = [{ t: 1, c: true }, { t: 2, c: true }, { t: 4, c: false }, { t: 4, c: true }];
const LIVES = { duration: (d: Life) => d.t, churned: (d: Life) => d.c };

/** The row of a function over activity records (period and cohort retention alike). */
function activityRow(name: string, measure: (activity: never, options: never) => unknown): Row {
  return {
    name,
    call: (data, options) => measure(data as never, options as never),
    valid: { data: VISITS, options: BY_VISIT },
    collection: { name: 'activity' },
    optionKeys: ACTIVITY_KEYS,
    accessors: ACTIVITY_ACCESSORS,
    numbers: [AT],
    nullRecords: true,
  };
}

export const retentionRows: readonly Row[] = [
  {
    name: 'retentionRate',
    call: (_data, counts) => retentionRate(counts as never),
    valid: { data: undefined, options: COUNTS },
    numbers: countSites,
  },
  {
    name: 'churnRate',
    call: (_data, counts) => churnRate(counts as never),
    valid: { data: undefined, options: COUNTS },
    numbers: countSites,
  },
  activityRow('periodRetention', periodRetention),
  activityRow('cohortRetention', cohortRetention),
  {
    name: 'cohortRetentionFromCounts',
    call: (data, options) => cohortRetentionFromCounts(data as never, options as never),
    valid: { data: COHORT_COUNTS, options: { unit: 'month' } },
    collection: { name: 'rows' },
    optionKeys: ['unit', 'observationEnd'],
    numbers: [
      { what: 'active', put: (bad) => ({ data: replaceField(COHORT_COUNTS, 1, 'active', bad), options: { unit: 'month' } }) },
      { what: 'offset', put: (bad) => ({ data: replaceField(COHORT_COUNTS, 1, 'offset', bad), options: { unit: 'month' } }) },
      { what: 'cohort', code: 'INVALID_DATE', put: (bad) => ({ data: replaceField(COHORT_COUNTS, 1, 'cohort', bad), options: { unit: 'month' } }) },
    ],
    nullRecords: true,
  },
  {
    name: 'kaplanMeier',
    call: (data, options) => kaplanMeier(data as never, options as never),
    valid: { data: LIFETIMES, options: BY_LIFETIME },
    collection: { name: 'subjects' },
    optionKeys: ['level', 'confidence', 'horizon', 'duration', 'churned', 'churnAfter', ...ACTIVITY_KEYS],
    accessors: ['duration', 'churned', ...ACTIVITY_ACCESSORS],
    numbers: [
      { what: 'duration', put: (bad) => ({ data: replaceField(LIFETIMES, 2, 'm', bad), options: BY_LIFETIME }) },
      { what: 'level', put: (bad) => ({ data: LIFETIMES, options: { ...BY_LIFETIME, level: bad } }) },
      { what: 'at', code: 'INVALID_DATE', put: (bad) => ({ data: replaceField(VISITS, 1, 'at', bad), options: BY_VISIT }) },
    ],
    nullRecords: true,
  },
  {
    name: 'kaplanMeierTally',
    call: foldWith(kaplanMeierTally),
    valid: { data: OBSERVATIONS, options: { level: 0.9 } },
    optionKeys: ['level', 'confidence', 'horizon'],
    numbers: [
      { what: 'duration', put: (bad) => ({ data: replaceField(OBSERVATIONS, 1, 'duration', bad) }) },
      { what: 'horizon', put: (bad) => ({ data: OBSERVATIONS, options: { horizon: bad } }) },
    ],
    nullRecords: true,
  },
  {
    name: 'fitSbg',
    call: (data, options) => fitSbg(data as never, options as never),
    valid: { data: CUSTOMERS, options: BY_CUSTOMER },
    collection: { name: 'input' },
    optionKeys: ['maxIterations', 'renewals', 'churned'],
    accessors: ['renewals', 'churned'],
    numbers: [
      { what: 'survivor count', put: (bad) => ({ data: replaceAt(SURVIVORS, 3, bad) }) },
      { what: 'renewals', put: (bad) => ({ data: replaceField(CUSTOMERS, 3, 'renewals', bad), options: BY_CUSTOMER }) },
      { what: 'maxIterations', put: (bad) => ({ data: SURVIVORS, options: { maxIterations: bad } }) },
    ],
    nullRecords: true,
  },
  {
    name: 'sbgLogLikelihood',
    call: (data, options) => sbgLogLikelihood(SBG, data as never, options as never),
    valid: { data: CUSTOMERS, options: BY_CUSTOMER },
    collection: { name: 'input' },
    optionKeys: ['renewals', 'churned', 'perCustomer'],
    accessors: ['renewals', 'churned'],
    numbers: [
      { what: 'survivor count', put: (bad) => ({ data: replaceAt(SURVIVORS, 3, bad) }) },
      { what: 'renewals', put: (bad) => ({ data: replaceField(CUSTOMERS, 3, 'renewals', bad), options: BY_CUSTOMER }) },
    ],
    nullRecords: true,
  },
  {
    name: 'simulateSbg',
    call: (_data, options) => simulateSbg(SBG, options as never),
    valid: { data: undefined, options: { customers: 5, periods: 7, seed: 2 } },
    optionKeys: ['customers', 'periods', 'seed'],
    numbers: (['customers', 'periods', 'seed'] as const).map((what) => ({
      what,
      put: (bad) => ({ data: undefined, options: { customers: 5, periods: 7, seed: 2, [what]: bad } }),
    })),
    sizes: (['customers', 'periods'] as const).map((what) => ({ what, put: (huge) => ({ data: undefined, options: { customers: 5, periods: 7, seed: 2, [what]: huge } }) })),
  },
  {
    name: 'sbgSurvival',
    call: (data) => sbgSurvival(...(data as [never, never])),
    valid: { data: [SBG, 3] },
    numbers: [...sbgSites((p) => [p, 3]), { what: 't', put: (bad) => ({ data: [SBG, bad] }) }],
  },
  {
    name: 'sbgRetentionRate',
    call: (data) => sbgRetentionRate(...(data as [never, never])),
    valid: { data: [SBG, 3] },
    numbers: [...sbgSites((p) => [p, 3]), { what: 't', put: (bad) => ({ data: [SBG, bad] }) }],
  },
  {
    name: 'sbgExpectedLifetime',
    call: (data, options) => sbgExpectedLifetime(data as never, options as never),
    valid: { data: SBG, options: { horizon: 12 } },
    optionKeys: ['horizon'],
    numbers: [...sbgSites((p) => p, { horizon: 12 }), { what: 'horizon', put: (bad) => ({ data: SBG, options: { horizon: bad } }) }],
  },
  {
    name: 'sbgDerl',
    call: (data, options) => sbgDerl(data as never, options as never),
    valid: { data: SBG, options: { discountRate: 0.1, renewals: 2 } },
    optionKeys: ['discountRate', 'renewals'],
    numbers: [
      ...sbgSites((p) => p, { discountRate: 0.1 }),
      { what: 'discountRate', put: (bad) => ({ data: SBG, options: { discountRate: bad } }) },
      { what: 'renewals', put: (bad) => ({ data: SBG, options: { discountRate: 0.1, renewals: bad } }) },
    ],
  },
  {
    name: 'logRankTest',
    call: (data, options) => logRankTest(data as never, options as never),
    valid: { data: { a: LIVES_A, b: LIVES_B }, options: LIVES },
    optionKeys: ['duration', 'churned', 'customerId', 'at', 'type', 'firstActive', 'lastActive', 'unit', 'observationEnd', 'activity', 'churnAfter', 'projection'],
    accessors: ['duration', 'churned'],
    numbers: [
      { what: 'duration', put: (bad) => ({ data: { a: replaceField(LIVES_A, 2, 't', bad), b: LIVES_B }, options: LIVES }) },
      { what: 'alpha', put: (bad) => ({ data: { a: LIVES_A, b: LIVES_B }, options: { ...LIVES, projection: { alpha: bad, beta: 1 } } }) },
    ],
    rejects: [
      { what: 'fewer than two groups', run: () => logRankTest({ a: LIVES_A }, LIVES), code: 'INSUFFICIENT_DATA', mentions: ['1 group', 'at least two'] },
      { what: 'no groups', run: () => logRankTest({}, LIVES), code: 'INSUFFICIENT_DATA', mentions: ['0 groups'] },
    ],
    nullRecords: true,
    withNulls: (data) => {
      const groups = data as { a: Life[]; b: Life[] };
      return { a: [null, ...groups.a, undefined], b: groups.b };
    },
  },
];
