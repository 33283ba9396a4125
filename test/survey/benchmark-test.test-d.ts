import { describe, expectTypeOf, it } from 'vitest';
import { benchmarkTest, type BenchmarkTestResult } from '../../src/survey/index';
import type { Interval } from '../../src/models/index';

// Type tests (tsc over test/): inputs, outputs, and the calls that must not type-check.
describe('benchmarkTest types', () => {
  it('scores, counts, results, records with an accessor', () => {
    expectTypeOf(benchmarkTest([9, 3], { metric: 'nps', benchmark: 36 })).toEqualTypeOf<BenchmarkTestResult | undefined>();
    expectTypeOf(benchmarkTest({ satisfied: 8, total: 10 }, { metric: 'csat', benchmark: 0.7 })).toEqualTypeOf<BenchmarkTestResult | undefined>();
    expectTypeOf(benchmarkTest([{ s: 9 }], { metric: 'nps', benchmark: 0, accessor: (r) => r.s })).toEqualTypeOf<BenchmarkTestResult | undefined>();
    expectTypeOf<BenchmarkTestResult['interval']>().toEqualTypeOf<Interval | undefined>();
  });
  it('misuse does not type-check', () => {
    // @ts-expect-error records need an accessor
    benchmarkTest([{ s: 9 }], { metric: 'nps', benchmark: 0 });
    // @ts-expect-error the benchmark is required
    benchmarkTest([9], { metric: 'nps' });
    // @ts-expect-error options are required
    benchmarkTest([9]);
  });
});
