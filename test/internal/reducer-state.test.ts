/**
 * Malformed reducer states (restored from storage, built by hand) are rejected by every
 * reducer's `add`, `merge` and `result` with INVALID_RECORD naming the method and the field;
 * well-formed states, JSON round-tripped, still work.
 */
import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/internal/errors';
import { cesTally, csatTally, npsTally } from '../../src/survey/index';
import { kaplanMeierTally } from '../../src/retention/index';
import { journeyFunnelTally } from '../../src/journey/index';
import { transactionSummaryTally } from '../../src/clv/index';
import { rfmHistogramTally } from '../../src/clv/index';
import * as api from '../../src/index';
import { thrownBy } from '../support/error-code';

interface AnyReducer {
  readonly create: (options?: never) => unknown;
  readonly add: (state: never, value: never, index?: number) => unknown;
  readonly merge: (a: never, b: never) => unknown;
  readonly result: (state: never) => unknown;
}

interface Case {
  readonly name: string;
  readonly reducer: AnyReducer;
  /** A valid state with some data. */
  readonly valid: () => Record<string, unknown>;
  /** A value `add` accepts. */
  readonly value: unknown;
  /** Corruptions: a patch of the valid state and the field the message must name. */
  readonly bad: readonly (readonly [Record<string, unknown>, string])[];
}

const r = <T>(x: T): AnyReducer => x as unknown as AnyReducer;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const journey = (customerId: string, ...names: string[]) => ({
  customerId,
  stages: names.map((name, k) => ({ name, enteredAt: k, interactions: [] })),
});
const txOptions = { observationEnd: day('2024-02-26'), unit: 'day' } as const;

const CASES: readonly Case[] = [
  {
    name: 'npsTally',
    reducer: r(npsTally),
    valid: () => [10, 9, 3, 7].reduce(npsTally.add, npsTally.create()) as never,
    value: 9,
    bad: [
      [{ promoters: undefined }, 'promoters'],
      [{ passives: -1 }, 'passives'],
      [{ detractors: 1.5 }, 'detractors'],
      [{ promoterWeight: Number.NaN }, 'promoterWeight'],
      [{ weightSquares: '4' }, 'weightSquares'],
      [{ skipped: null }, 'skipped'],
      [{ weighted: 'no' }, 'weighted'],
      [{ promoterWeight: 7 }, 'promoterWeight'], // unweighted: weights are the counts
    ],
  },
  {
    name: 'csatTally',
    reducer: r(csatTally),
    valid: () => [5, 4, 2, null].reduce(csatTally.add, csatTally.create()) as never,
    value: 4,
    bad: [
      [{ counts: undefined }, 'counts'],
      [{ counts: [1, 0, 0] }, 'counts'],
      [{ counts: [0, 1, 0, 1, -1] }, 'counts[4]'],
      [{ weightSums: [0, 1, 0, 1, Infinity] }, 'weightSums[4]'],
      [{ min: 1.5 }, 'min'],
      [{ max: 1 }, 'max'],
      [{ threshold: 9 }, 'threshold'],
      [{ skipped: 'x' }, 'skipped'],
    ],
  },
  {
    name: 'cesTally',
    reducer: r(cesTally),
    valid: () => [7, 6, 2].reduce(cesTally.add, cesTally.create()) as never,
    value: 6,
    bad: [
      [{ counts: {} }, 'counts'],
      [{ level: 95 }, 'level'],
      [{ easyFrom: 0 }, 'easyFrom'],
      [{ difficultTo: undefined }, 'difficultTo'],
      [{ easyFrom: 7, easyTo: 6 }, 'easyTo'],
      [{ weighted: undefined }, 'weighted'],
    ],
  },
  {
    name: 'kaplanMeierTally',
    reducer: r(kaplanMeierTally),
    valid: () =>
      [
        { duration: 2, churned: true },
        { duration: 3, churned: false },
      ].reduce(kaplanMeierTally.add, kaplanMeierTally.create()) as never,
    value: { duration: 4, churned: true },
    bad: [
      [{ counts: undefined }, 'counts'],
      [{ counts: { 2: [1] } }, 'counts["2"]'],
      [{ counts: { x: [1, 0] } }, 'counts["x"]'],
      [{ counts: { 2: [1, -1] } }, 'counts["2"][1]'],
      [{ level: 0 }, 'level'],
      [{ confidence: 'loglog' }, 'confidence'],
      [{ horizon: -1 }, 'horizon'],
      [{ skipped: Number.NaN }, 'skipped'],
    ],
  },
  {
    name: 'journeyFunnelTally',
    reducer: r(journeyFunnelTally),
    valid: () =>
      [journey('a', 'visit'), journey('b', 'visit', 'buy')].reduce(journeyFunnelTally.add, journeyFunnelTally.create({ stages: ['visit', 'cart', 'buy'] })) as never,
    value: journey('c', 'visit', 'cart'),
    bad: [
      [{ stages: [] }, 'stages'],
      [{ stages: ['visit', 'visit', 'buy'] }, 'stages[1]'],
      [{ entered: [1, 2] }, 'entered'],
      [{ furthest: [1, 0, 'x'] }, 'furthest[2]'],
      [{ journeys: -2 }, 'journeys'],
      [{ groupBy: 'stage' }, 'groupBy'],
      [{ groups: [{ group: 'x', journeys: 1, furthest: [1, 0, 0], entered: [1, 0, 0] }] }, 'groups'],
      [{ groupBy: 'segment', groups: [{ group: 3, journeys: 1, furthest: [1, 0, 0], entered: [1, 0, 0] }] }, 'groups[0].group'],
      // Counts no journeys could give (they reached an internal assertion of the Wilson interval).
      [{ journeys: 7 }, 'journeys'],
      [{ entered: [2, 0, 3] }, 'entered[2]'],
      [{ entered: [0, 0, 1] }, 'entered[0]'],
      [{ groupBy: 'segment', groups: [{ group: 'x', journeys: 1, furthest: [1, 0, 0], entered: [1, 0, 0] }] }, 'journeys'],
      [{ groupBy: 'segment', groups: [{ group: 'x', journeys: 2, furthest: [1, 0, 0], entered: [1, 0, 0] }] }, 'groups[0].journeys'],
    ],
  },
  {
    name: 'transactionSummaryTally',
    reducer: r(transactionSummaryTally),
    valid: () =>
      [
        { customerId: 'ann', at: day('2024-01-01'), amount: 30 },
        { customerId: 'ann', at: day('2024-01-15'), amount: 20 },
        { customerId: 7, at: day('2024-02-05'), amount: 40 },
      ].reduce(transactionSummaryTally.add, transactionSummaryTally.create(txOptions)) as never,
    value: { customerId: 'bob', at: day('2024-02-12'), amount: 25 },
    bad: [
      [{ customers: undefined }, 'customers'],
      [{ customers: { 's:ann': { customerId: 'ann', periods: [19723], values: [] } } }, 'customers["s:ann"].values'],
      [{ customers: { 's:ann': { customerId: 'bob', periods: [19723], values: [1] } } }, 'customers["s:ann"].customerId'],
      [{ customers: { 's:ann': { customerId: 'ann', periods: [19740, 19723], values: [1, 2] } } }, 'customers["s:ann"].periods[1]'],
      [{ customers: { 's:ann': { customerId: 'ann', periods: [99999], values: [1] } } }, 'customers["s:ann"].periods[0]'],
      [{ unit: 'days' }, 'unit'],
      [{ observationEnd: 9e15 }, 'observationEnd'],
      [{ endPeriod: 3 }, 'endPeriod'],
      [{ purchases: 0.5 }, 'purchases'],
    ],
  },
  {
    name: 'rfmHistogramTally',
    reducer: r(rfmHistogramTally),
    valid: () =>
      [
        { frequency: 0, recency: 0, T: 10, monetaryValue: 0, customers: 40 },
        { frequency: 2, recency: 6, T: 10, monetaryValue: 15, customers: 3 },
      ].reduce(rfmHistogramTally.add, rfmHistogramTally.create()) as never,
    value: { frequency: 1, recency: 4, T: 10, monetaryValue: 20, customers: 2 },
    bad: [
      [{ customers: 5 }, 'customers'],
      [{ spend: 'yes' }, 'spend'],
      [{ skipped: -1 }, 'skipped'],
      [{ cells: [] }, 'cells'],
    ],
  },
];

function rejection(run: () => unknown): CxMetricsError {
  const error = thrownBy(run);
  expect(error).toBeInstanceOf(CxMetricsError);
  return error as CxMetricsError;
}

describe('the cases cover every reducer the library exports', () => {
  it('has one case per reducer export', () => {
    const reducers = Object.entries(api)
      .filter(([, v]) => typeof v === 'object' && v !== null && ['create', 'add', 'merge', 'result'].every((k) => typeof (v as Record<string, unknown>)[k] === 'function'))
      .map(([k]) => k)
      .sort();
    expect(CASES.map((c) => c.name).sort()).toEqual(reducers);
  });
});

describe.each(CASES)('$name: malformed states', ({ name, reducer, valid, value, bad }) => {
  it('a well-formed state, JSON round-tripped, still adds, merges and gives its result', () => {
    const restored = JSON.parse(JSON.stringify(valid())) as never;
    expect(reducer.result(restored)).toEqual(reducer.result(valid() as never));
    const merged = reducer.merge(restored, valid() as never);
    expect(() => reducer.result(merged as never)).not.toThrow();
    expect(() => reducer.add(JSON.parse(JSON.stringify(valid())) as never, value as never, 0)).not.toThrow();
  });

  it.each([[{}], [null], [undefined], [5], ['state'], [[]]])('rejects %j as a state in result, merge and add', (state) => {
    for (const [method, run] of [
      ['result', () => reducer.result(state as never)],
      ['merge', () => reducer.merge(valid() as never, state as never)],
      ['merge', () => reducer.merge(state as never, valid() as never)],
      ['add', () => reducer.add(state as never, value as never, 0)],
    ] as const) {
      const error = rejection(run);
      expect(error.code).toBe('INVALID_RECORD');
      expect(error.message).toMatch(new RegExp(`^${name}\\.${method}: malformed state`));
      expect(error.details.function).toBe(`${name}.${method}`);
    }
  });

  it.each(bad.map(([patch, field]) => [field, patch] as const))('names the field %s', (field, patch) => {
    const state = { ...valid(), ...patch };
    for (const [method, run] of [
      ['result', () => reducer.result(state as never)],
      ['merge', () => reducer.merge(valid() as never, state as never)],
      ['add', () => reducer.add({ ...state } as never, value as never, 0)],
    ] as const) {
      const error = rejection(run);
      expect(error.code).toBe('INVALID_RECORD');
      expect(error.message.startsWith(`${name}.${method}: malformed state: ${field} `)).toBe(true);
      expect(error.details.field).toBe(`state.${field}`);
      expect(error.details.issues?.[0]?.path).toBe(`state.${field}`);
    }
  });
});

describe('add checks a state once, not per element', () => {
  it('a state corrupted after its first check is caught by result', () => {
    const state = npsTally.add(npsTally.create(), 10);
    (state as { promoters: unknown }).promoters = 'x';
    // `add` trusts a state it has seen: the per-element cost stays one WeakSet lookup.
    expect(() => npsTally.add(state, 9)).not.toThrow();
    expect(rejection(() => npsTally.result(state)).code).toBe('INVALID_RECORD');
  });
});
