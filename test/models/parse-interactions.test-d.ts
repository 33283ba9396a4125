import { describe, expectTypeOf, it } from 'vitest';
import { parseInteractions, type Interaction } from '../../src/models';

describe('parseInteractions types', () => {
  it('takes any JSON value and returns the validated model', () => {
    expectTypeOf(parseInteractions).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseInteractions(JSON.parse('{}'))).toEqualTypeOf<Interaction[]>();
    // @ts-expect-error one input only
    parseInteractions({}, {});
    // @ts-expect-error the input is required
    parseInteractions();
  });
});
