import { expectTypeOf } from 'vitest';
import { sbgRetentionRate } from '../../../src/retention';

expectTypeOf(sbgRetentionRate({ alpha: 0.7, beta: 1.2 }, 3)).toEqualTypeOf<number>();
// @ts-expect-error t is required
sbgRetentionRate({ alpha: 0.7, beta: 1.2 });
