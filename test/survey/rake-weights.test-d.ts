import { describe, expectTypeOf, it } from 'vitest';
import { rakeWeights, type RakeWeightsResult } from '../../src/survey/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('rakeWeights types', () => {
  it('margins read the respondent type', () => {
    const people = [{ age: 'young', region: 'north' }];
    const r = rakeWeights(people, [{ name: 'age', category: (p) => p.age, targets: { young: 1 } }], { bounds: { upper: 5 } });
    expectTypeOf(r).toEqualTypeOf<RakeWeightsResult>();
    expectTypeOf(r.weights).toEqualTypeOf<readonly (number | null)[]>();
  });
  it('misuse does not type-check', () => {
    const people = [{ age: 'young' }];
    // @ts-expect-error the category accessor reads a field the respondents have
    rakeWeights(people, [{ name: 'age', category: (p) => p.region, targets: { young: 1 } }]);
    // @ts-expect-error targets are required
    rakeWeights(people, [{ name: 'age', category: (p) => p.age }]);
  });
});
