import { describe, expect, it } from 'vitest';
import { bgBbConditionalCountProbability, bgBbLogCountProbability } from '../../../src/clv/bg-bb/count';
import { relativeError } from '../clv-data';
import { bgBbCountsReference as reference } from './bg-bb-data';

const P = [1.204, 0.75, 0.657, 2.783] as const;

describe('bgBbLogCountProbability (internal)', () => {
  it('is ln of eq. (8) (mpmath, reference/bg_bb_counts_reference.py), across the 64-term anchors', () => {
    for (const [x, n, expected] of reference.pmf) {
      expect(Math.abs(bgBbLogCountProbability(...P, x, n) - Math.log(expected))).toBeLessThan(1e-12);
    }
    // n = 200 crosses three anchors: Σ over x is still 1.
    let total = 0;
    for (let x = 0; x <= 200; x++) total += Math.exp(bgBbLogCountProbability(...P, x, 200));
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
  });
  it('is 0 (probability 1) with no opportunity, and never positive', () => {
    expect(bgBbLogCountProbability(...P, 0, 0)).toBe(0);
    expect(bgBbLogCountProbability(1e13, 1e-13, 1e-13, 1e13, 20, 20)).toBeLessThanOrEqual(0);
  });
});

describe('bgBbConditionalCountProbability (internal)', () => {
  it('is 1 at x* = 0 and 0 above when n* = 0, and matches eq. (13)', () => {
    expect(bgBbConditionalCountProbability(...P, 2, 4, 6, 0, 0)).toBe(1);
    expect(bgBbConditionalCountProbability(...P, 2, 4, 6, 1, 0)).toBe(0);
    for (const [x, tx, n, xs, ns, expected] of reference.conditional) {
      if (xs > ns || expected === 0) continue;
      expect(relativeError(bgBbConditionalCountProbability(...P, x, tx, n, xs, ns), expected)).toBeLessThan(1e-12);
    }
  });
});
