import { describe, expect, it } from 'vitest';
import { linear, niceMax, ticks } from '../../../src/cli/svg/scale';

describe('linear', () => {
  it('maps the domain onto the range, inverted ranges too, and keeps its domain', () => {
    const y = linear([0, 100], [344, 80]);
    expect(y(0)).toBe(344);
    expect(y(100)).toBe(80);
    expect(y(50)).toBe(212);
    expect(y.domain).toEqual([0, 100]);
    expect(linear([-1, 1], [0, 10])(0)).toBe(5);
  });

  it('an empty domain does not divide by zero', () => {
    expect(linear([3, 3], [0, 10])(3)).toBe(0);
    expect(Number.isFinite(linear([3, 3], [0, 10])(4))).toBe(true);
  });
});

describe('ticks', () => {
  it('round steps of 1, 2 or 5 × 10^k covering the range', () => {
    expect(ticks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(0, 21.6)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(0, 24, 8)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(0, 7, 7)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('negative ranges, no −0, and decimals without float noise', () => {
    const t = ticks(-100, 100, 4);
    expect(t).toEqual([-100, -50, 0, 50, 100]);
    expect(Object.is(t[2], -0)).toBe(false);
    expect(ticks(0.1, 0.7, 6)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });
});

describe('niceMax', () => {
  it('the smallest tick at or above x', () => {
    expect(niceMax(21.6)).toBe(25);
    expect(niceMax(100)).toBe(100);
    expect(niceMax(0.93)).toBe(1);
    expect(niceMax(1234)).toBe(1500);
  });
});
