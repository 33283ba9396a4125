import { expectTypeOf } from 'vitest';
import { bgNbd, expectedCumulativePurchases, paretoNbd, type ExpectedCumulativePurchasesResult } from '../../src/clv';

const bgParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const purchases = [{ customerId: 'a', at: new Date(0) }];
const log = [{ id: 7, day: 0 }];

expectTypeOf(expectedCumulativePurchases(bgNbd, bgParams, purchases, { observationEnd: 0 })).toEqualTypeOf<ExpectedCumulativePurchasesResult>();
expectedCumulativePurchases(paretoNbd, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, purchases, { observationEnd: new Date(0), calibrationEnd: 0, trackingPeriod: 'day', unit: 'day', start: 0 });
expectedCumulativePurchases(bgNbd, bgParams, log, { observationEnd: 0, customerId: (d) => d.id, at: (d) => d.day });
// @ts-expect-error: observationEnd is required
expectedCumulativePurchases(bgNbd, bgParams, purchases, {});
// @ts-expect-error: months are not a tracking period
expectedCumulativePurchases(bgNbd, bgParams, purchases, { observationEnd: 0, trackingPeriod: 'month' });
// @ts-expect-error: other records need accessors
expectedCumulativePurchases(bgNbd, bgParams, log, { observationEnd: 0 });
