import { describe, expectTypeOf, it } from 'vitest';
import { parseCustomer, type Customer } from '../../src/models';

describe('parseCustomer types', () => {
  it('takes any JSON value and returns the validated model', () => {
    expectTypeOf(parseCustomer).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseCustomer(JSON.parse('{}'))).toEqualTypeOf<Customer>();
    // @ts-expect-error one input only
    parseCustomer({}, {});
    // @ts-expect-error the input is required
    parseCustomer();
  });
});
