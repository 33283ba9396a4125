import { describe, expectTypeOf, it } from 'vitest';
import { csatTally, type CsatTallyState, type CsatResult, type SurveyTallyValue } from '../../src/survey/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('csatTally types', () => {
  it('create / add / merge / result', () => {
    const s = csatTally.create({ scale: { min: 1, max: 5 }, threshold: 4 });
    expectTypeOf(s).toEqualTypeOf<CsatTallyState>();
    expectTypeOf(csatTally.add(s, 5)).toEqualTypeOf<CsatTallyState>();
    csatTally.add(s, null);
    csatTally.add(s, { score: 5, weight: 2 });
    expectTypeOf(csatTally.merge(s, s)).toEqualTypeOf<CsatTallyState>();
    expectTypeOf(csatTally.result(s)).toEqualTypeOf<CsatResult>();
    expectTypeOf<SurveyTallyValue>().toMatchTypeOf<number | null | undefined | object>();
  });
  it('misuse does not type-check', () => {
    const s = csatTally.create({ scale: { min: 1, max: 5 }, threshold: 4 });
    // @ts-expect-error strings are not scores
    csatTally.add(s, '5');
    // @ts-expect-error the documented row shape is { score, weight? }
    csatTally.add(s, { s: 5 });
    // @ts-expect-error unknown option
    csatTally.create({ treshold: 4 });
  });
});
