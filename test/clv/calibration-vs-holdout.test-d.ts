import { expectTypeOf } from 'vitest';
import { bgBb, bgNbd, calibrationVsHoldout, fitBgNbd, paretoNbd, type CalibrationVsHoldoutCustomer, type CalibrationVsHoldoutResult, type HoldoutErrors } from '../../src/clv';

const customers: CalibrationVsHoldoutCustomer[] = [{ frequency: 2, recency: 30, T: 38, holdoutFrequency: 1, holdoutDuration: 39 }];
const tuples: [number, number, number, number, number][] = [[2, 30, 38, 1, 39]];
const bgParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const paretoParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

expectTypeOf(calibrationVsHoldout(bgNbd, bgParams, customers)).toEqualTypeOf<CalibrationVsHoldoutResult>();
expectTypeOf(calibrationVsHoldout(paretoNbd, paretoParams, customers, { maxFrequency: 3 }).errors).toEqualTypeOf<HoldoutErrors>();
expectTypeOf(calibrationVsHoldout(bgNbd, fitBgNbd(customers), customers).groups[0]!.expected).toEqualTypeOf<number | undefined>();
calibrationVsHoldout(bgNbd, bgParams, tuples, {
  frequency: (d) => d[0],
  recency: (d) => d[1],
  T: (d) => d[2],
  holdoutFrequency: (d) => d[3],
  holdoutDuration: (d) => d[4],
  weight: () => 2,
});
// @ts-expect-error: tuples need every accessor, holdout ones included
calibrationVsHoldout(bgNbd, bgParams, tuples, { frequency: (d) => d[0], recency: (d) => d[1], T: (d) => d[2] });
// @ts-expect-error: Pareto/NBD parameters with the BG/NBD model
calibrationVsHoldout(bgNbd, paretoParams, customers);
// @ts-expect-error: BG/BB is a discrete-time model (no kernel over continuous histories)
calibrationVsHoldout(bgBb, { alpha: 1, beta: 1, gamma: 1, delta: 1 }, customers);
// @ts-expect-error: maxFrequency is a number
calibrationVsHoldout(bgNbd, bgParams, customers, { maxFrequency: '7' });
