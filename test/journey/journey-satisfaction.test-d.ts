import { describe, expectTypeOf, it } from 'vitest';
import { journeySatisfaction, type JourneySatisfactionResult } from '../../src/journey';
import type { Journey } from '../../src/models';

declare const journeys: Journey[];

describe('journeySatisfaction types', () => {
  it('takes journeys, then options with the stages option', () => {
    expectTypeOf(journeySatisfaction(journeys)).toEqualTypeOf<JourneySatisfactionResult>();
    journeySatisfaction(journeys, { stages: ['a', 'b'], converted: 'b' });
    // @ts-expect-error records must be journeys
    journeySatisfaction([{ s: 1 }]);
    // @ts-expect-error an unknown option
    journeySatisfaction(journeys, { stage: ['a'] });
  });
  it('returns its documented shape', () => {
    expectTypeOf(journeySatisfaction(journeys).journeys[0]!.latestNps).toEqualTypeOf<number | undefined>();
  });
});
