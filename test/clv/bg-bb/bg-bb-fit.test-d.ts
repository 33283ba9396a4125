import { expectTypeOf } from 'vitest';
import { fitBgBb, type BgBbFit, type DiscreteCustomerHistory } from '../../../src/clv';

const rows: DiscreteCustomerHistory[] = [{ frequency: 1, recency: 2, periods: 6 }];
expectTypeOf(fitBgBb(rows)).toEqualTypeOf<BgBbFit>();
expectTypeOf(fitBgBb(rows).model).toEqualTypeOf<'bg-bb'>();
expectTypeOf(fitBgBb(rows).standardErrors).toEqualTypeOf<{ readonly alpha: number; readonly beta: number; readonly gamma: number; readonly delta: number } | undefined>();
expectTypeOf(fitBgBb(rows).logParameterCovariance).toEqualTypeOf<readonly (readonly number[])[] | undefined>();
expectTypeOf(fitBgBb(rows, { maxIterations: 50, weight: () => 1 })).toEqualTypeOf<BgBbFit>();
// Other record types need all three accessors.
const table: [number, number, number][] = [[1, 2, 6]];
fitBgBb(table, { frequency: (d) => d[0], recency: (d) => d[1], periods: (d) => d[2] });
// @ts-expect-error an accessor is missing for a record type
fitBgBb(table, { frequency: (d) => d[0], recency: (d) => d[1] });
// @ts-expect-error records without accessors
fitBgBb(table);
// @ts-expect-error a field of the wrong type
fitBgBb([{ frequency: '1', recency: 2, periods: 6 }]);
// @ts-expect-error unknown option
fitBgBb(rows, { maxIteration: 5 });
