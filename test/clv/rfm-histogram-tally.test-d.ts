import { expectTypeOf } from 'vitest';
import { rfmHistogramTally, type RfmHistogramRow, type RfmHistogramTallyResult, type RfmHistogramTallyState } from '../../src/clv';

const state = rfmHistogramTally.create();
expectTypeOf(state).toEqualTypeOf<RfmHistogramTallyState>();
expectTypeOf(rfmHistogramTally.add(state, { frequency: 1, recency: 1, T: 2, customers: 3 })).toEqualTypeOf<RfmHistogramTallyState>();
expectTypeOf(rfmHistogramTally.result(state)).toEqualTypeOf<RfmHistogramTallyResult>();
expectTypeOf(rfmHistogramTally.result(state).rows).toEqualTypeOf<readonly RfmHistogramRow[]>();
// @ts-expect-error a cell needs its customers
rfmHistogramTally.add(state, { frequency: 1, recency: 1, T: 2 });
// @ts-expect-error counts are numbers, not bigints
rfmHistogramTally.add(state, { frequency: 1, recency: 1, T: 2, customers: 3n });
