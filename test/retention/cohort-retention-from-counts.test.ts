import { describe, expect, it } from 'vitest';
import { cohortRetentionFromCounts, type CohortCountRow } from '../../src/retention/cohort-retention-from-counts';
import { cohortRetention } from '../../src/retention/cohort-retention';
import { errorCode } from '../support/error-code';

const JAN = Date.UTC(2024, 0, 1);
const FEB = Date.UTC(2024, 1, 1);
const COUNTS: CohortCountRow[] = [
  { cohort: JAN, offset: 0, size: 2, active: 2, activeUnbounded: 2 },
  { cohort: JAN, offset: 2, size: 2, active: 1, activeUnbounded: 1 },
  { cohort: FEB, offset: 0, size: 1, active: 1, activeUnbounded: 1 },
];

describe('cohortRetentionFromCounts', () => {
  it('fills offsets without a row: active 0, activeUnbounded from the next row', () => {
    const table = cohortRetentionFromCounts(COUNTS, { unit: 'month' });
    expect(table.cohorts[0]).toMatchObject({ cohort: '2024-01', start: JAN, size: 2, active: [2, 0, 1], activeUnbounded: [2, 1, 1] });
    expect(table.cohorts[0]?.retentionUnbounded).toEqual([1, 0.5, 0.5]);
    expect(table.cohorts[1]).toMatchObject({ cohort: '2024-02', active: [1, 0], activeUnbounded: [1, 0] });
    expect(table).toMatchObject({ unit: 'month', end: '2024-03', customers: 3, records: 3, skipped: 0, ignored: 0 });
  });

  it('equals cohortRetention on the raw visits the counts summarise', () => {
    const visits = [
      { customerId: 'a', at: Date.UTC(2024, 0, 5) },
      { customerId: 'a', at: Date.UTC(2024, 2, 9) },
      { customerId: 'b', at: Date.UTC(2024, 0, 20) },
      { customerId: 'c', at: Date.UTC(2024, 1, 14) },
    ];
    const observationEnd = Date.UTC(2024, 4, 31);
    expect(cohortRetentionFromCounts(COUNTS, { unit: 'month', observationEnd })).toEqual({
      ...cohortRetention(visits, { unit: 'month', observationEnd }),
      records: 3,
    });
  });

  it('runs the columns to the observation end, skips missing rows, and is empty without rows', () => {
    const table = cohortRetentionFromCounts([null, ...COUNTS, undefined], { unit: 'month', observationEnd: new Date(Date.UTC(2024, 5, 30)) });
    expect(table.cohorts[0]?.active).toEqual([2, 0, 1, 0, 0, 0]);
    expect(table).toMatchObject({ end: '2024-06', records: 5, skipped: 2 });
    expect(cohortRetentionFromCounts([])).toMatchObject({ unit: 'month', cohorts: [], end: undefined, customers: 0 });
    expect(cohortRetentionFromCounts([], { observationEnd: JAN }).end).toBe('2024-01');
    expect(cohortRetentionFromCounts([{ cohort: Date.UTC(2023, 11, 25), offset: 1, size: 4, active: 2, activeUnbounded: 3 }, { cohort: Date.UTC(2023, 11, 25), offset: 0, size: 4, active: 4, activeUnbounded: 4 }], { unit: 'week' }).cohorts[0]).toMatchObject({ cohort: '2023-W52', active: [4, 2] });
  });

  it.each([
    ['a cohort that is not a period start', [{ ...COUNTS[0]!, cohort: Date.UTC(2024, 0, 2) }], 'INCONSISTENT_INPUT'],
    ['counts made by week read as months', [{ ...COUNTS[0]!, cohort: Date.UTC(2024, 0, 8) }], 'INCONSISTENT_INPUT'],
    ['a second row for one cell', [...COUNTS, COUNTS[1]!], 'INCONSISTENT_INPUT'],
    ['sizes that differ in a cohort', [COUNTS[0]!, { ...COUNTS[1]!, size: 3 }], 'INCONSISTENT_INPUT'],
    ['a cohort without offset 0', [COUNTS[1]!], 'INCONSISTENT_INPUT'],
    ['offset 0 not the whole cohort', [{ ...COUNTS[0]!, active: 1 }], 'INCONSISTENT_INPUT'],
    ['active above unbounded', [COUNTS[0]!, { ...COUNTS[1]!, active: 2 }], 'INCONSISTENT_INPUT'],
    ['unbounded above size', [{ ...COUNTS[0]!, activeUnbounded: 3 }], 'INCONSISTENT_INPUT'],
    ['unbounded rising with the offset', [{ ...COUNTS[0]!, size: 3, active: 3, activeUnbounded: 3 }, { ...COUNTS[1]!, size: 3, offset: 1, active: 1, activeUnbounded: 1 }, { ...COUNTS[1]!, size: 3, offset: 2, active: 2, activeUnbounded: 2 }], 'INCONSISTENT_INPUT'],
    ['a size of 0', [{ ...COUNTS[0]!, size: 0, active: 0, activeUnbounded: 0 }], 'INCONSISTENT_INPUT'],
    ['a fractional count', [{ ...COUNTS[0]!, active: 1.5 }], 'NOT_AN_INTEGER'],
    ['a negative offset', [{ ...COUNTS[0]!, offset: -1 }], 'NEGATIVE_VALUE'],
    ['a cohort as a string', [{ ...COUNTS[0]!, cohort: '2024-01-01' as never }], 'INVALID_DATE'],
  ])('refuses %s', (_what, rows, code) => {
    expect(errorCode(() => cohortRetentionFromCounts(rows, { unit: 'month' }))).toBe(code);
  });

  it('refuses counts after the observation end and tables beyond the limits', () => {
    expect(errorCode(() => cohortRetentionFromCounts(COUNTS, { observationEnd: FEB }))).toBe('ORDER_VIOLATION');
    const far = { cohort: Date.UTC(1000, 0, 1), offset: 0, size: 1, active: 1, activeUnbounded: 1 };
    expect(errorCode(() => cohortRetentionFromCounts([far, COUNTS[0]!], { unit: 'day' }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => cohortRetentionFromCounts(COUNTS, { unit: 'hour' as never }))).toBe('INVALID_OPTION');
  });
});
