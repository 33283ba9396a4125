import { describe, expectTypeOf, it } from 'vitest';
import { parseTouchpoint, type Touchpoint } from '../../src/models';

describe('parseTouchpoint types', () => {
  it('takes any JSON value and returns the validated model', () => {
    expectTypeOf(parseTouchpoint).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseTouchpoint(JSON.parse('{}'))).toEqualTypeOf<Touchpoint>();
    // @ts-expect-error one input only
    parseTouchpoint({}, {});
    // @ts-expect-error the input is required
    parseTouchpoint();
  });
});
