import { expectTypeOf } from 'vitest';
import { bgBb, bgBbTransactionCountProbability, fitBgBb, type BgBbParams } from '../../../src/clv';

const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
expectTypeOf(bgBbTransactionCountProbability(params, 2, 6)).toEqualTypeOf<number>();
expectTypeOf(bgBbTransactionCountProbability(fitBgBb([{ frequency: 1, recency: 2, periods: 6 }]), 0, 6)).toEqualTypeOf<number>();
expectTypeOf(bgBb.purchaseCountProbability).toEqualTypeOf<((params: BgBbParams, n: number, t: number) => number) | undefined>();
// @ts-expect-error the count as a string
bgBbTransactionCountProbability(params, '2', 6);
// @ts-expect-error parameters missing delta
bgBbTransactionCountProbability({ alpha: 1, beta: 1, gamma: 1 }, 2, 6);
// @ts-expect-error the opportunities are required
bgBbTransactionCountProbability(params, 2);
