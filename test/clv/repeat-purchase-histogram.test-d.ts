import { expectTypeOf } from 'vitest';
import { bgNbd, repeatPurchaseHistogram, type RepeatPurchaseHistogramResult } from '../../src/clv';

const bgParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const rows = [{ frequency: 2, recency: 30, T: 38 }];
const grouped = [{ x: 2, T: 38, n: 10 }];

expectTypeOf(repeatPurchaseHistogram(bgNbd, bgParams, rows)).toEqualTypeOf<RepeatPurchaseHistogramResult>();
// Only frequency and T are read: rows without recency are fine.
expectTypeOf(repeatPurchaseHistogram(bgNbd, bgParams, [{ frequency: 1, T: 3 }]).chiSquare.pValue).toEqualTypeOf<number | undefined>();
repeatPurchaseHistogram(bgNbd, bgParams, grouped, { frequency: (d) => d.x, T: (d) => d.T, weight: (d) => d.n, maxFrequency: 5 });
// @ts-expect-error: other records need the frequency accessor
repeatPurchaseHistogram(bgNbd, bgParams, grouped, { T: (d) => d.T });
// @ts-expect-error: parameters of another model
repeatPurchaseHistogram(bgNbd, { r: 1, alpha: 1, s: 1, beta: 1 }, rows);
