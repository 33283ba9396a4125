import { describe, expectTypeOf, it } from 'vitest';
import { keyDrivers, type KeyDriversResult } from '../../src/survey/index';
import type { Interval } from '../../src/models/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('keyDrivers types', () => {
  it('outcome and drivers read the row type; intervals are Interval', () => {
    const rows = [{ nps: 9, speed: 4 }];
    const r = keyDrivers(rows, { outcome: (d) => d.nps, drivers: { speed: (d) => d.speed }, seed: 1 });
    expectTypeOf(r).toEqualTypeOf<KeyDriversResult>();
    expectTypeOf(r.rSquaredInterval).toEqualTypeOf<Interval | undefined>();
    expectTypeOf(r.drivers[0]!.interval).toEqualTypeOf<Interval | undefined>();
  });
  it('misuse does not type-check', () => {
    const rows = [{ nps: 9, speed: 4 }];
    // @ts-expect-error the outcome is required
    keyDrivers(rows, { drivers: { speed: (d) => d.speed } });
    // @ts-expect-error the outcome reads a number
    keyDrivers(rows, { outcome: () => '9', drivers: { speed: (d) => d.speed } });
  });
});
