import { describe, expect, it } from 'vitest';
import { mark, pValue } from '../../../src/cli/sections/significance';

describe('significance wording', () => {
  it('pValue: three decimals, "< 0.001" below, a dash when undefined', () => {
    expect(pValue(0.0123)).toBe('0.012');
    expect(pValue(1)).toBe('1.000');
    expect(pValue(0.001)).toBe('0.001');
    expect(pValue(0.000999)).toBe('< 0.001');
    expect(pValue(undefined)).toBe('–');
  });

  it('mark: an arrow in the direction of a significant difference only', () => {
    expect(mark(2.5, true)).toBe(' ▲');
    expect(mark(-0.1, true)).toBe(' ▼');
    expect(mark(2.5, false)).toBe('');
    expect(mark(undefined, true)).toBe('');
  });
});
