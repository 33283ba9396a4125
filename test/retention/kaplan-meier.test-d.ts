import { describe, expectTypeOf, it } from 'vitest';
import { kaplanMeier, type KaplanMeierResult } from '../../src/retention';
import type { Interval } from '../../src/models';

const lifetimes = [{ months: 2, churned: true }];
const visits = [{ customerId: 'a', at: 0 }];

describe('kaplanMeier types', () => {
  it('takes durations or activity, never a mix', () => {
    expectTypeOf(kaplanMeier(lifetimes, { duration: (d) => d.months, churned: (d) => d.churned })).toEqualTypeOf<KaplanMeierResult>();
    kaplanMeier(lifetimes, { duration: (d) => d.months, churned: (d) => d.churned, level: 0.9, confidence: 'log', horizon: 12 });
    kaplanMeier(visits, { unit: 'month', churnAfter: 2 });
    kaplanMeier(lifetimes, { firstActive: () => 0, lastActive: () => null });
    // @ts-expect-error duration mode takes no activity option
    kaplanMeier(lifetimes, { duration: (d) => d.months, churned: (d) => d.churned, unit: 'month' });
    // @ts-expect-error duration mode takes no churnAfter
    kaplanMeier(lifetimes, { duration: (d) => d.months, churned: (d) => d.churned, churnAfter: 2 });
    // @ts-expect-error activity mode on another row type needs accessors
    kaplanMeier(lifetimes, { unit: 'month' });
    // @ts-expect-error churned is a boolean
    kaplanMeier(lifetimes, { duration: (d) => d.months, churned: () => 1 });
    // @ts-expect-error options are required
    kaplanMeier(lifetimes);
  });
  it('returns its documented shape', () => {
    const km = kaplanMeier(lifetimes, { duration: (d) => d.months, churned: (d) => d.churned });
    expectTypeOf(km.steps[0]!.interval).toEqualTypeOf<Interval>();
    expectTypeOf(km.median).toEqualTypeOf<number | undefined>();
  });
});
