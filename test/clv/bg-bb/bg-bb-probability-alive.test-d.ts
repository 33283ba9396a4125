import { expectTypeOf } from 'vitest';
import { bgBbProbabilityAlive } from '../../../src/clv';

const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
expectTypeOf(bgBbProbabilityAlive(params, { frequency: 2, recency: 4, periods: 6 })).toEqualTypeOf<number>();
// @ts-expect-error a continuous-time customer (T instead of periods)
bgBbProbabilityAlive(params, { frequency: 2, recency: 4, T: 6 });
expectTypeOf(bgBbProbabilityAlive(params, { frequency: 2, recency: 4, periods: 6 }, 4)).toEqualTypeOf<number>();
// @ts-expect-error n* as a string
bgBbProbabilityAlive(params, { frequency: 2, recency: 4, periods: 6 }, '4');
