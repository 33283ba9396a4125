import { describe, expectTypeOf, it } from 'vitest';
import { kaplanMeierTally, type KaplanMeierResult, type KaplanMeierTallyState } from '../../src/retention';

describe('kaplanMeierTally types', () => {
  it('folds duration observations', () => {
    const state = kaplanMeierTally.create({ level: 0.9 });
    expectTypeOf(state).toEqualTypeOf<KaplanMeierTallyState>();
    kaplanMeierTally.add(state, { duration: 3, churned: false });
    kaplanMeierTally.add(state, null);
    expectTypeOf(kaplanMeierTally.result(kaplanMeierTally.merge(state, state))).toEqualTypeOf<KaplanMeierResult>();
    // @ts-expect-error churned is a boolean
    kaplanMeierTally.add(state, { duration: 3, churned: 1 });
    // @ts-expect-error durations are numbers
    kaplanMeierTally.add(state, { duration: '3', churned: true });
    // @ts-expect-error activity options belong to kaplanMeier
    kaplanMeierTally.create({ unit: 'month' });
  });
});
