import { describe, expectTypeOf, it } from 'vitest';
import { parseJourneys, type Journey } from '../../src/models';

describe('parseJourneys types', () => {
  it('takes any JSON value and returns the validated model', () => {
    expectTypeOf(parseJourneys).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseJourneys(JSON.parse('{}'))).toEqualTypeOf<Journey[]>();
    // @ts-expect-error one input only
    parseJourneys({}, {});
    // @ts-expect-error the input is required
    parseJourneys();
  });
});
