import { describe, expectTypeOf, it } from 'vitest';
import { cesTally, type CesTallyState, type CesResult, type SurveyTallyValue } from '../../src/survey/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('cesTally types', () => {
  it('create / add / merge / result', () => {
    const s = cesTally.create({ level: 0.9 });
    expectTypeOf(s).toEqualTypeOf<CesTallyState>();
    expectTypeOf(cesTally.add(s, 5)).toEqualTypeOf<CesTallyState>();
    cesTally.add(s, null);
    cesTally.add(s, { score: 5, weight: 2 });
    expectTypeOf(cesTally.merge(s, s)).toEqualTypeOf<CesTallyState>();
    expectTypeOf(cesTally.result(s)).toEqualTypeOf<CesResult>();
    expectTypeOf<SurveyTallyValue>().toMatchTypeOf<number | null | undefined | object>();
  });
  it('misuse does not type-check', () => {
    const s = cesTally.create({ level: 0.9 });
    // @ts-expect-error strings are not scores
    cesTally.add(s, '5');
    // @ts-expect-error the documented row shape is { score, weight? }
    cesTally.add(s, { s: 5 });
    // @ts-expect-error unknown option
    cesTally.create({ treshold: 4 });
  });
});
