import { describe, expectTypeOf, it } from 'vitest';
import { logRankTest, type LogRankTestResult } from '../../src/retention';

const rows = [{ months: 2, churned: true }];

describe('logRankTest types', () => {
  it('takes groups as a record or a Map, read like kaplanMeier', () => {
    const r = logRankTest({ a: rows, b: rows }, { duration: (d) => d.months, churned: (d) => d.churned });
    expectTypeOf(r).toEqualTypeOf<LogRankTestResult>();
    expectTypeOf(r.groups[0]!.group).toEqualTypeOf<string>();
    logRankTest(new Map([['a', rows]]), { duration: (d) => d.months, churned: (d) => d.churned });
    // @ts-expect-error another row type needs its accessors
    logRankTest({ a: rows, b: rows }, { unit: 'month' });
    // @ts-expect-error duration mode takes no activity option
    logRankTest({ a: rows, b: rows }, { duration: (d) => d.months, churned: (d) => d.churned, unit: 'month' });
  });
});
