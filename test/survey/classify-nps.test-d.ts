import { describe, expectTypeOf, it } from 'vitest';
import { classifyNps, type NpsCategory } from '../../src/survey/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('classifyNps types', () => {
  it('a number in, a category out', () => {
    expectTypeOf(classifyNps(9)).toEqualTypeOf<NpsCategory>();
    expectTypeOf<NpsCategory>().toEqualTypeOf<'detractor' | 'passive' | 'promoter'>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error strings are not scores
    classifyNps('9');
  });
});
