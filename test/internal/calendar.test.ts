import { test, fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/errors';
import { msToUnit, periodIndex, periodLabel, periodStart, requireTimeUnit, toEpochMs } from '../../src/internal/calendar';
import { TIME_UNITS, UNIT_MILLISECONDS } from '../../src/models/time';

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('calendar periods (UTC)', () => {
  it('labels known dates', () => {
    const t = utc('2024-03-05') + 13 * 3_600_000; // 13:00 UTC
    expect(periodLabel(periodIndex(t, 'day'), 'day')).toBe('2024-03-05');
    expect(periodLabel(periodIndex(t, 'month'), 'month')).toBe('2024-03');
    expect(periodLabel(periodIndex(t, 'quarter'), 'quarter')).toBe('2024-Q1');
    expect(periodLabel(periodIndex(t, 'year'), 'year')).toBe('2024');
    expect(periodLabel(periodIndex(t, 'week'), 'week')).toBe('2024-W10');
  });

  it('follows ISO weeks across year ends', () => {
    // 2024-01-01 is a Monday in week 1; 2021-01-03 (a Sunday) is in week 53 of 2020;
    // 2019-12-30 (a Monday) starts week 1 of 2020; 1970-01-01 (a Thursday) is in 1970-W01.
    expect(periodLabel(periodIndex(utc('2024-01-01'), 'week'), 'week')).toBe('2024-W01');
    expect(periodLabel(periodIndex(utc('2021-01-03'), 'week'), 'week')).toBe('2020-W53');
    expect(periodLabel(periodIndex(utc('2019-12-30'), 'week'), 'week')).toBe('2020-W01');
    expect(periodLabel(periodIndex(0, 'week'), 'week')).toBe('1970-W01');
    expect(new Date(periodStart(periodIndex(utc('2024-03-07'), 'week'), 'week')).toISOString()).toBe('2024-03-04T00:00:00.000Z');
  });

  it('handles instants before 1970', () => {
    const t = utc('1965-11-30');
    expect(periodLabel(periodIndex(t, 'month'), 'month')).toBe('1965-11');
    expect(periodLabel(periodIndex(t, 'quarter'), 'quarter')).toBe('1965-Q4');
    expect(periodLabel(periodIndex(t, 'day'), 'day')).toBe('1965-11-30');
  });

  test.prop([fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 }), fc.constantFrom(...TIME_UNITS)])(
    'an instant lies in [start of its period, start of the next)',
    (ms, unit) => {
      const k = periodIndex(ms, unit);
      expect(periodStart(k, unit)).toBeLessThanOrEqual(ms);
      expect(periodStart(k + 1, unit)).toBeGreaterThan(ms);
      expect(periodIndex(periodStart(k, unit), unit)).toBe(k);
    },
  );

  it('converts durations with the documented constants', () => {
    expect(msToUnit(UNIT_MILLISECONDS.week * 3, 'week')).toBe(3);
    expect(msToUnit(365.2425 * 86_400_000, 'year')).toBe(1);
    expect(UNIT_MILLISECONDS.quarter * 4).toBe(UNIT_MILLISECONDS.year);
    expect(UNIT_MILLISECONDS.month * 12).toBe(UNIT_MILLISECONDS.year);
  });
});

describe('instant and unit validation', () => {
  it('accepts Dates and epoch milliseconds', () => {
    expect(toEpochMs('f', 'at', new Date(5))).toBe(5);
    expect(toEpochMs('f', 'at', 7)).toBe(7);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [-1e300], [8.64e15 + 1], ['2024-01-01'], [new Date(Number.NaN)], [null], [{}]])(
    'rejects %s with INVALID_DATE naming the function, field and index',
    (bad) => {
      try {
        toEpochMs('cohortRetention', 'at', bad, 4);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CxMetricsError);
        expect((error as CxMetricsError).code).toBe('INVALID_DATE');
        expect((error as CxMetricsError).message).toMatch(/^cohortRetention: at .* at index 4 is not a valid Date/);
        expect((error as CxMetricsError).details).toMatchObject({ function: 'cohortRetention', index: 4, field: 'at' });
      }
    },
  );

  it('rejects unknown units with INVALID_OPTION listing the allowed ones', () => {
    expect(() => requireTimeUnit('f', 'unit', 'fortnight')).toThrow(/'day', 'week', 'month', 'quarter', 'year'/);
  });
});
