import { expectTypeOf } from 'vitest';
import { sbgExpectedLifetime } from '../../../src/retention';

expectTypeOf(sbgExpectedLifetime({ alpha: 3, beta: 2 })).toEqualTypeOf<number | undefined>();
expectTypeOf(sbgExpectedLifetime({ alpha: 3, beta: 2 }, { horizon: 10 })).toEqualTypeOf<number | undefined>();
// @ts-expect-error the horizon as a positional number
sbgExpectedLifetime({ alpha: 3, beta: 2 }, 10);
