import { expectTypeOf } from 'vitest';
import { bgBbExpectedTransactions } from '../../../src/clv';

const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
expectTypeOf(bgBbExpectedTransactions(params, 6)).toEqualTypeOf<number>();
// @ts-expect-error opportunities as a string
bgBbExpectedTransactions(params, '6');
// @ts-expect-error parameters of another model
bgBbExpectedTransactions({ r: 1, alpha: 1, a: 1, b: 1 }, 6);
