import { describe, expectTypeOf, it } from 'vitest';
import { parseJourney, type Journey } from '../../src/models';

describe('parseJourney types', () => {
  it('takes any JSON value and returns the validated model', () => {
    expectTypeOf(parseJourney).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseJourney(JSON.parse('{}'))).toEqualTypeOf<Journey>();
    // @ts-expect-error one input only
    parseJourney({}, {});
    // @ts-expect-error the input is required
    parseJourney();
  });
});
