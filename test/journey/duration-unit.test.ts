import { describe, expect, it } from 'vitest';
import { JOURNEY_DURATION_MILLISECONDS, JOURNEY_DURATION_UNITS, stageTiming } from '../../src/journey';
import { TIME_UNITS, UNIT_MILLISECONDS } from '../../src/models';

describe('JOURNEY_DURATION_MILLISECONDS', () => {
  it('holds exact seconds to weeks and the mean-Gregorian month, quarter and year', () => {
    // By hand: 1 s = 1 000 ms; a Gregorian 400-year cycle has 146 097 days.
    const day = 24 * 60 * 60 * 1000;
    const year = (146_097 / 400) * day;
    expect(JOURNEY_DURATION_MILLISECONDS).toEqual({
      second: 1000,
      minute: 60 * 1000,
      hour: 60 * 60 * 1000,
      day,
      week: 7 * day,
      month: year / 12,
      quarter: year / 4,
      year,
    });
    expect(year).toBe(31_556_952_000);
  });

  it('agrees with UNIT_MILLISECONDS on the library time units', () => {
    for (const unit of TIME_UNITS) expect(JOURNEY_DURATION_MILLISECONDS[unit]).toBe(UNIT_MILLISECONDS[unit]);
  });

  it('lists every unit once, shortest first, and cannot be changed', () => {
    expect(JOURNEY_DURATION_UNITS).toEqual(['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year']);
    expect(Object.keys(JOURNEY_DURATION_MILLISECONDS).sort()).toEqual([...JOURNEY_DURATION_UNITS].sort());
    JOURNEY_DURATION_UNITS.forEach((unit, k) => {
      if (k > 0) expect(JOURNEY_DURATION_MILLISECONDS[unit]).toBeGreaterThan(JOURNEY_DURATION_MILLISECONDS[JOURNEY_DURATION_UNITS[k - 1]!]);
    });
    expect(Object.isFrozen(JOURNEY_DURATION_UNITS)).toBe(true);
    expect(Object.isFrozen(JOURNEY_DURATION_MILLISECONDS)).toBe(true);
  });

  it('is the conversion the journey functions use', () => {
    // One journey that waited exactly one mean-Gregorian month in its first stage.
    const month = JOURNEY_DURATION_MILLISECONDS.month;
    const journey = { customerId: 'c', stages: [{ name: 'a', enteredAt: 0, interactions: [] }, { name: 'b', enteredAt: month, interactions: [] }] };
    expect(stageTiming([journey], ['a', 'b'], { unit: 'month' }).steps[0]!.inStage.median).toBe(1);
    expect(stageTiming([journey], ['a', 'b'], { unit: 'day' }).steps[0]!.inStage.median).toBe(30.436875);
  });
});
