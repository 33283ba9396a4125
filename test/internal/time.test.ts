import { describe, expect, it } from 'vitest';
import { DURATION_UNITS, TIME_UNITS, UNIT_MILLISECONDS, type TimeUnit } from '../../src/internal/time';

describe('UNIT_MILLISECONDS', () => {
  it('is exact for days and weeks and mean-Gregorian for months, quarters and years', () => {
    // By hand: a day is 24 × 60 × 60 × 1000 ms; the Gregorian 400-year cycle has 146 097 days.
    const day = 86_400_000;
    const year = (146_097 * day) / 400;
    expect(UNIT_MILLISECONDS).toEqual({ second: 1000, minute: 60_000, hour: 3_600_000, day, week: 7 * day, month: year / 12, quarter: year / 4, year });
    expect(year / day).toBe(365.2425);
    // Every constant is a whole number of milliseconds, so conversions of whole ms stay exact.
    for (const unit of DURATION_UNITS) expect(Number.isInteger(UNIT_MILLISECONDS[unit])).toBe(true);
  });

  it('lists the units shortest first, each once, frozen', () => {
    const every: Record<TimeUnit, true> = { day: true, week: true, month: true, quarter: true, year: true };
    expect([...TIME_UNITS].sort()).toEqual(Object.keys(every).sort());
    TIME_UNITS.forEach((unit, k) => k > 0 && expect(UNIT_MILLISECONDS[unit]).toBeGreaterThan(UNIT_MILLISECONDS[TIME_UNITS[k - 1]!]));
    expect(DURATION_UNITS.slice(3)).toEqual(TIME_UNITS);
    DURATION_UNITS.forEach((unit, k) => k > 0 && expect(UNIT_MILLISECONDS[unit]).toBeGreaterThan(UNIT_MILLISECONDS[DURATION_UNITS[k - 1]!]));
    expect(Object.isFrozen(TIME_UNITS)).toBe(true);
    expect(Object.isFrozen(DURATION_UNITS)).toBe(true);
    expect(Object.isFrozen(UNIT_MILLISECONDS)).toBe(true);
  });
});
