import { describe, expectTypeOf, it } from 'vitest';
import { npsTally, type NpsTallyState, type NpsResult, type SurveyTallyValue } from '../../src/survey/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('npsTally types', () => {
  it('create / add / merge / result', () => {
    const s = npsTally.create();
    expectTypeOf(s).toEqualTypeOf<NpsTallyState>();
    expectTypeOf(npsTally.add(s, 5)).toEqualTypeOf<NpsTallyState>();
    npsTally.add(s, null);
    npsTally.add(s, { score: 5, weight: 2 });
    expectTypeOf(npsTally.merge(s, s)).toEqualTypeOf<NpsTallyState>();
    expectTypeOf(npsTally.result(s)).toEqualTypeOf<NpsResult>();
    expectTypeOf<SurveyTallyValue>().toMatchTypeOf<number | null | undefined | object>();
  });
  it('misuse does not type-check', () => {
    const s = npsTally.create();
    // @ts-expect-error strings are not scores
    npsTally.add(s, '5');
    // @ts-expect-error the documented row shape is { score, weight? }
    npsTally.add(s, { s: 5 });
    // @ts-expect-error npsTally takes no options
    npsTally.create({ level: 0.9 });
  });
});
