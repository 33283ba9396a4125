import { describe, expect, it } from 'vitest';
import { CX_METRICS_ERROR_CODES, CxMetricsError, type CxMetricsErrorCode } from '../../src/internal/errors';
import { parseInteraction } from '../../src/models';

describe('CxMetricsError', () => {
  it('is an Error with a name, a code and structured details', () => {
    const error = new CxMetricsError('OUT_OF_RANGE', 'nps: score 11 at index 3 is outside 0–10', { function: 'nps', index: 3, value: 11 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CxMetricsError');
    expect(error.code).toBe('OUT_OF_RANGE');
    expect(error.details).toEqual({ function: 'nps', index: 3, value: 11 });
    expect(error.message).toBe('nps: score 11 at index 3 is outside 0–10');
    expect(String(error)).toBe('CxMetricsError: nps: score 11 at index 3 is outside 0–10');
    expect(error.stack).toContain('CxMetricsError');
  });

  it('lists every code once, frozen', () => {
    // A Record over the union fails to compile if a code is added or removed without the list.
    const every: Record<CxMetricsErrorCode, true> = {
      INVALID_NUMBER: true,
      OUT_OF_RANGE: true,
      NOT_AN_INTEGER: true,
      NEGATIVE_VALUE: true,
      INVALID_DATE: true,
      ORDER_VIOLATION: true,
      INCONSISTENT_INPUT: true,
      UNKNOWN_REFERENCE: true,
      INVALID_OPTION: true,
      INVALID_INPUT: true,
      INVALID_RECORD: true,
      INSUFFICIENT_DATA: true,
    };
    expect([...CX_METRICS_ERROR_CODES]).toEqual(Object.keys(every));
    expect(Object.isFrozen(CX_METRICS_ERROR_CODES)).toBe(true);
  });

  it('carries every issue of a parser, frozen, with its path', () => {
    let caught: unknown;
    try {
      parseInteraction({ type: 'survey', customerId: '', at: 'soon', metric: 'nps', score: '9' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CxMetricsError);
    const { code, details, message } = caught as CxMetricsError;
    expect(code).toBe('INVALID_RECORD');
    expect(details.function).toBe('parseInteraction');
    expect(details.issues?.map((i) => i.path)).toEqual(['customerId', 'at', 'score']);
    expect(Object.isFrozen(details.issues)).toBe(true);
    expect(message).toMatch(/^parseInteraction: 3 problems: customerId: expected a non-empty string, got ""; at: /);
  });
});
