import { describe, expect, it } from 'vitest';
import { CxMetricsError, type CxMetricsErrorCode } from '../../src/internal/errors';
import {
  describeValue,
  requireCount,
  requireFinite,
  requireFiniteTotal,
  requireLevel,
  requireNonNegative,
  requireOneOf,
  requirePositive,
  requireProportion,
  requireScore,
} from '../../src/internal/validate';

function codeOf(run: () => unknown): CxMetricsErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error.code;
    throw error;
  }
  return undefined;
}

describe('shared validation', () => {
  it('describes values as a reader would type them', () => {
    expect(describeValue('9')).toBe('"9"');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(describeValue(-0)).toBe('0');
    expect(describeValue(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(describeValue([1])).toBe('an array');
  });

  it('lets finite totals through and names an overflowed one and its owner', () => {
    expect(requireFiniteTotal('f', 'revenue', 1e308)).toBe(1e308);
    expect(codeOf(() => requireFiniteTotal('f', 'revenue', Number.POSITIVE_INFINITY))).toBe('OUT_OF_RANGE');
    expect(() => requireFiniteTotal('f', 'revenue', Number.NaN, 'a')).toThrow(
      'f: revenue of customer "a" overflows a double; use larger units of money (thousands, millions)',
    );
    expect(() => requireFiniteTotal('f', 'CLV', Number.POSITIVE_INFINITY, undefined, 3)).toThrow('f: CLV of the customer at index 3 overflows');
  });

  it('writes the message the guide asks for', () => {
    expect(() => requireScore('nps', 11, 0, 10, 3)).toThrow('nps: score 11 at index 3 is outside 0–10');
  });

  it.each<[string, () => unknown, CxMetricsErrorCode | undefined]>([
    ['finite number', () => requireFinite('f', 'x', 1.5), undefined],
    ['NaN', () => requireFinite('f', 'x', Number.NaN), 'INVALID_NUMBER'],
    ['Infinity', () => requireFinite('f', 'x', Number.POSITIVE_INFINITY), 'INVALID_NUMBER'],
    ['a numeric string is not coerced', () => requireFinite('f', 'x', '9'), 'INVALID_NUMBER'],
    ['negative money', () => requireNonNegative('f', 'amount', -0.01), 'NEGATIVE_VALUE'],
    ['zero money', () => requireNonNegative('f', 'amount', 0), undefined],
    ['fractional count', () => requireCount('f', 'n', 2.5), 'NOT_AN_INTEGER'],
    ['negative count', () => requireCount('f', 'n', -1), 'NEGATIVE_VALUE'],
    ['zero where positive is needed', () => requirePositive('f', 'alpha', 0), 'OUT_OF_RANGE'],
    ['score below the scale', () => requireScore('f', -1, 0, 10), 'OUT_OF_RANGE'],
    ['fractional score', () => requireScore('f', 7.5, 0, 10), 'NOT_AN_INTEGER'],
    ['level 95 instead of 0.95', () => requireLevel('f', 95), 'OUT_OF_RANGE'],
    ['level 1', () => requireLevel('f', 1), 'OUT_OF_RANGE'],
    ['level 0.9', () => requireLevel('f', 0.9), undefined],
    ['proportion above 1', () => requireProportion('f', 'r', 1.01), 'OUT_OF_RANGE'],
    ['unknown option', () => requireOneOf('f', 'method', 'exact', ['wilson', 'clopper-pearson']), 'INVALID_OPTION'],
  ])('%s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code);
  });
});
