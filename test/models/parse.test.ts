import { describe, expect, it } from 'vitest';
import { child, parseIsoDateTime, pathText, show } from '../../src/models/parse';

describe('parseIsoDateTime (the instant strings every parser accepts)', () => {
  it.each([
    ['2024-03-05T14:30:00Z', Date.UTC(2024, 2, 5, 14, 30)],
    ['2024-03-05T14:30Z', Date.UTC(2024, 2, 5, 14, 30)],
    ['2024-03-05T14:30:00.5Z', Date.UTC(2024, 2, 5, 14, 30, 0, 500)],
    ['2024-03-05T14:30:00.123Z', Date.UTC(2024, 2, 5, 14, 30, 0, 123)],
    ['2024-03-05T14:30:00.123999Z', Date.UTC(2024, 2, 5, 14, 30, 0, 123)],
    ['2024-03-05T16:30:00+02:00', Date.UTC(2024, 2, 5, 14, 30)],
    ['2024-03-05T09:00:00-05:30', Date.UTC(2024, 2, 5, 14, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T23:59:59Z', Date.UTC(2000, 1, 29, 23, 59, 59)],
    ['1969-12-31T23:59:59.999Z', -1],
    ['0099-01-01T00:00:00Z', -59_042_995_200_000],
    ['0000-02-29T12:00:00Z', new Date(Date.UTC(2000, 1, 29, 12)).setUTCFullYear(0)],
    ['0004-02-29T00:00:00+01:00', new Date(Date.UTC(2004, 1, 28, 23)).setUTCFullYear(4)],
    ['9999-12-31T23:59:59.999Z', Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
    // A plain date is the start of that day in UTC.
    ['2024-03-05', Date.UTC(2024, 2, 5)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['0099-01-01', -59_042_995_200_000],
  ])('%s', (text, ms) => {
    expect(parseIsoDateTime(text)).toBe(ms);
  });

  it('agrees with Date.parse on well-formed strings (a plain date is UTC midnight there too)', () => {
    for (const text of ['2024-03-05', '1997-01-01', '2021-12-31T23:59:59.999Z', '2016-01-01T00:00:00+14:00', '1970-01-01T00:00:00-12:00']) {
      expect(parseIsoDateTime(text)).toBe(Date.parse(text));
    }
  });

  it.each([
    ['2024-02-30T00:00:00Z', 'day 30 does not exist in 2024-02'],
    ['2023-02-29T00:00:00Z', 'day 29 does not exist in 2023-02'],
    ['1900-02-29T00:00:00Z', 'day 29 does not exist in 1900-02'],
    ['2024-04-31T00:00:00Z', 'day 31 does not exist in 2024-04'],
    ['2024-13-01T00:00:00Z', 'month 13 does not exist'],
    ['2024-00-10T00:00:00Z', 'month 00 does not exist'],
    ['2024-03-00T00:00:00Z', 'day 00 does not exist in 2024-03'],
    ['2024-03-05T24:00:00Z', 'time 24:00:00 does not exist'],
    ['2024-03-05T23:60Z', 'time 23:60 does not exist'],
    ['2016-12-31T23:59:60Z', 'time 23:59:60 does not exist'],
    ['2024-03-05T10:00:00+24:00', 'offset +24:00 does not exist'],
    ['2023-02-29', 'day 29 does not exist in 2023-02'],
    ['2024-13-01', 'month 13 does not exist'],
  ])('%s is rejected: %s', (text, reason) => {
    expect(parseIsoDateTime(text)).toBe(reason);
  });

  it.each(['2024-03-05T14:30:00', '2024-03-5', '20240305', '2024-03-05Z', '2024-03-05 14:30:00Z', '2024-3-5T14:30:00Z', '2024-03-05t14:30:00z', '+002024-03-05T14:30:00Z', '2024-03-05T14:30:00.Z', '2024-03-05T14:30:00.1234567890Z', '2024-03-05T14:30:00+0200', ' 2024-03-05T14:30:00Z', '1709649000000'])(
    '%s is not a date-time with a time zone',
    (text) => {
      expect(parseIsoDateTime(text)).toBe('not an ISO-8601 date-time with a time zone (Z or ±HH:mm) nor a date YYYY-MM-DD');
    },
  );
});

describe('paths and quoted values in issues', () => {
  it('writes paths as code would: dots, indices, quoted keys that are not identifiers', () => {
    expect(pathText(child(child(child('', 'stages'), 0), 'interactions'))).toBe('stages[0].interactions');
    expect(pathText(child(child('', 3), 'score'))).toBe('[3].score');
    expect(pathText(child('attributes', 'plan name'))).toBe('attributes["plan name"]');
    expect(pathText(child('', '$ok_1'))).toBe('$ok_1');
  });

  it('shortens long strings to 60 characters', () => {
    expect(show('x'.repeat(61))).toBe(`"${'x'.repeat(60)}"…`);
    expect(show('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
  });
});
