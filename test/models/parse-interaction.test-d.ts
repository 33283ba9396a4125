import { describe, expectTypeOf, it } from 'vitest';
import { parseInteraction, type Interaction } from '../../src/models';

describe('parseInteraction types', () => {
  it('takes any JSON value and returns the validated model', () => {
    expectTypeOf(parseInteraction).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseInteraction(JSON.parse('{}'))).toEqualTypeOf<Interaction>();
    // @ts-expect-error one input only
    parseInteraction({}, {});
    // @ts-expect-error the input is required
    parseInteraction();
  });
});
