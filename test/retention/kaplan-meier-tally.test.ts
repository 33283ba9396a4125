import { describe, expect, it } from 'vitest';
import { kaplanMeierTally } from '../../src/retention/kaplan-meier-tally';
import { errorCode, expectCxMetricsError } from '../support/error-code';

describe('kaplanMeierTally: known values', () => {
  it('the hand-computed curve from states filled on two days', () => {
    const monday = [{ duration: 1, churned: true }, { duration: 2, churned: false }].reduce(kaplanMeierTally.add, kaplanMeierTally.create());
    const tuesday = [{ duration: 2, churned: true }, { duration: 4, churned: true }].reduce(kaplanMeierTally.add, kaplanMeierTally.create());
    const km = kaplanMeierTally.result(kaplanMeierTally.merge(monday, tuesday));
    // n = 4, 3, 1: Ŝ = 3/4, 3/4·2/3 = 1/2, 0.
    expect(km.steps.map((s) => [s.time, s.atRisk, s.events, s.censored, s.survival])).toEqual([
      [1, 4, 1, 0, 0.75],
      [2, 3, 1, 1, 0.5],
      [4, 1, 1, 0, 0],
    ]);
    expect(km.median).toBe(3); // exactly ½ at 2, next event at 4
  });
  it('the state is plain JSON and survives a round trip', () => {
    const state = kaplanMeierTally.add(kaplanMeierTally.create({ horizon: 3 }), { duration: 2, churned: true });
    const copy = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(kaplanMeierTally.result(copy)).toEqual(kaplanMeierTally.result(state));
    expect(kaplanMeierTally.result(state).restrictedMean).toBe(2);
  });
  it('nulls are skipped and counted; an empty state has undefined figures', () => {
    const state = kaplanMeierTally.add(kaplanMeierTally.create(), null as never);
    kaplanMeierTally.add(state, { duration: null, churned: true } as never);
    expect(state.skipped).toBe(2);
    const km = kaplanMeierTally.result(state);
    expect([km.steps.length, km.median, km.restrictedMean]).toEqual([0, undefined, undefined]);
  });
});

describe('kaplanMeierTally: bad input', () => {
  it('add, create and merge throw with codes', () => {
    expectCxMetricsError(() => kaplanMeierTally.add(kaplanMeierTally.create(), { duration: Number.NaN, churned: true }), 'INVALID_NUMBER', 'kaplanMeierTally');
    expect(() => kaplanMeierTally.add(kaplanMeierTally.create(), { duration: -2, churned: true }, 4)).toThrow(/-2 at index 4/);
    expect(errorCode(() => kaplanMeierTally.add(kaplanMeierTally.create(), { duration: -2, churned: true }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => kaplanMeierTally.add(kaplanMeierTally.create(), { duration: 2, churned: 'no' as never }))).toBe('INVALID_RECORD');
    expect(errorCode(() => kaplanMeierTally.create({ level: 2 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => kaplanMeierTally.create({ horizon: 0 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => kaplanMeierTally.create({ confidence: 'probit' as never }))).toBe('INVALID_OPTION');
    expect(errorCode(() => kaplanMeierTally.merge(kaplanMeierTally.create(), kaplanMeierTally.create({ level: 0.9 })))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => kaplanMeierTally.merge(kaplanMeierTally.create(), kaplanMeierTally.create({ horizon: 5 })))).toBe('INCONSISTENT_INPUT');
  });
});
