import { test, fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/internal/errors';
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

  // The ends of the valid instant range, ±8.64e15 ms = ±100,000,000 days: −271821-04-20 (a
  // Tuesday) and 275760-09-13 (a Saturday). Their ISO weeks come from Python's
  // date.isocalendar() on the same days shifted by whole 400-year cycles (146,097 days = 20,871
  // weeks exactly, so weekday and week number are unchanged): 0179-04-20 is 0179-W16-2 and
  // 2160-09-13 is 2160-W37-6.
  it.each([
    [-8.64e15, { day: '-271821-04-20', week: '-271821-W16', month: '-271821-04', quarter: '-271821-Q2', year: '-271821' }],
    [8.64e15, { day: '275760-09-13', week: '275760-W37', month: '275760-09', quarter: '275760-Q3', year: '275760' }],
  ] as const)('labels both ends of the valid instant range (%s)', (ms, labels) => {
    for (const unit of TIME_UNITS) expect(periodLabel(periodIndex(ms, unit), unit)).toBe(labels[unit]);
  });

  it('starts the first periods of the range exactly, before the earliest instant', () => {
    const day = 86_400_000;
    // Monday −271821-04-19, April 1st, April 1st (Q2), January 1st = 109 days before April 20th of a non-leap year.
    expect(periodStart(periodIndex(-8.64e15, 'week'), 'week')).toBe(-8.64e15 - day);
    expect(periodStart(periodIndex(-8.64e15, 'month'), 'month')).toBe(-8.64e15 - 19 * day);
    expect(periodStart(periodIndex(-8.64e15, 'quarter'), 'quarter')).toBe(-8.64e15 - 19 * day);
    expect(periodStart(periodIndex(-8.64e15, 'year'), 'year')).toBe(-8.64e15 - 109 * day);
    expect(periodStart(periodIndex(8.64e15, 'year') + 1, 'year')).toBe(8.64e15 + (365 - 255) * day);
  });

  it('reads years 0–99 as themselves, not as 1900–1999', () => {
    const june15 = new Date(0);
    june15.setUTCFullYear(50, 5, 15);
    const year50 = periodIndex(june15.getTime(), 'year');
    expect(year50).toBe(50);
    expect(periodLabel(periodIndex(june15.getTime(), 'day'), 'day')).toBe('50-06-15');
    expect(periodLabel(year50 * 12 + 5, 'month')).toBe('50-06');
    expect(new Date(periodStart(year50 * 12 + 5, 'month')).getUTCFullYear()).toBe(50);
  });

  test.prop([fc.integer({ min: -8.64e15, max: 8.64e15 })])('the day of any valid instant is the one Date gives', (ms) => {
    const d = new Date(ms);
    const label = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
    expect(periodLabel(periodIndex(ms, 'day'), 'day')).toBe(label);
    expect(periodLabel(periodIndex(ms, 'month'), 'month')).toBe(label.slice(0, label.lastIndexOf('-')));
    expect(periodLabel(periodIndex(ms, 'year'), 'year')).toBe(String(d.getUTCFullYear()));
  });

  test.prop([fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constantFrom(...TIME_UNITS)])(
    'over the whole valid range, an instant lies in [start of its period, start of the next) and labels have no NaN',
    (ms, unit) => {
      const k = periodIndex(ms, unit);
      expect(periodStart(k, unit)).toBeLessThanOrEqual(ms);
      expect(periodStart(k + 1, unit)).toBeGreaterThan(ms);
      expect(periodIndex(periodStart(k, unit), unit)).toBe(k);
      expect(periodLabel(k, unit)).toMatch(/^-?\d+(-(W\d\d|Q[1-4]|\d\d)(-\d\d)?)?$/);
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
