import { expectTypeOf } from 'vitest';
import { sbgSurvival } from '../../../src/retention';

expectTypeOf(sbgSurvival({ alpha: 0.7, beta: 1.2 }, 3)).toEqualTypeOf<number>();
// @ts-expect-error t as a string
sbgSurvival({ alpha: 0.7, beta: 1.2 }, '3');
// @ts-expect-error parameters missing beta
sbgSurvival({ alpha: 0.7 }, 3);
