import { describe, expect, it } from 'vitest';
import { count, day, hours, interval, money, num, pct, points, table } from '../../src/cli/format';

describe('number formatting', () => {
  it('num: fixed decimals, thousands separators, a true minus sign, a dash for undefined', () => {
    expect(num(1234567.891, 2)).toBe('1,234,567.89');
    expect(num(0.5)).toBe('1');
    expect(num(-1234.5, 1)).toBe('−1,234.5');
    expect(num(undefined)).toBe('–');
    expect(count(12345)).toBe('12,345');
  });

  it('pct and money', () => {
    expect(pct(0.7234)).toBe('72.3 %');
    expect(pct(1, 0)).toBe('100 %');
    expect(pct(undefined)).toBe('–');
    expect(money(1234.5)).toBe('$1,234.50');
    expect(money(99.4, 0)).toBe('$99');
    expect(money(undefined)).toBe('–');
  });

  it('points: a sign except on values that round to zero', () => {
    expect(points(23.44)).toBe('+23.4');
    expect(points(-7.25, 1)).toBe('−7.3');
    expect(points(0.04)).toBe('0.0');
    expect(points(-0.04)).toBe('0.0');
    expect(points(0)).toBe('0.0');
    expect(points(undefined)).toBe('–');
  });

  it('interval: both ends formatted, or a dash when one is missing', () => {
    expect(interval(0.1, 0.25, (x) => pct(x, 0))).toBe('10 % to 25 %');
    expect(interval(undefined, 1, (x) => num(x))).toBe('–');
    expect(interval(1, undefined, (x) => num(x))).toBe('–');
  });

  it('hours: minutes below one hour, hours below two days, then days', () => {
    expect(hours(0.75)).toBe('45 min');
    expect(hours(3.24)).toBe('3.2 h');
    expect(hours(47.9)).toBe('47.9 h');
    expect(hours(50.4)).toBe('2.1 d');
    expect(hours(undefined)).toBe('–');
  });

  it('day: the UTC date', () => {
    expect(day(Date.UTC(1997, 0, 1, 23, 59))).toBe('1997-01-01');
  });
});

describe('table', () => {
  it('aligns columns (numbers right) under a rule, two spaces apart, no trailing blanks', () => {
    const lines = table(
      [{ header: 'name' }, { header: 'n', align: 'right' }],
      [
        ['a', '1,234'],
        ['longer', '5'],
      ],
    );
    expect(lines).toEqual(['name        n', '──────  ─────', 'a       1,234', 'longer      5']);
  });

  it('counts code points, not UTF-16 units, and pads missing cells', () => {
    const lines = table([{ header: 'x' }, { header: 'y', align: 'right' }], [['▲𝔸'], ['b', '12']]);
    expect(lines).toEqual(['x    y', '──  ──', '▲𝔸', 'b   12']);
  });
});
