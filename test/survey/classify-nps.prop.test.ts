import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { classifyNps, nps } from '../../src/survey/index';
import { codeOf } from './helpers';

describe('classifyNps properties', () => {
  test.prop([fc.integer({ min: 0, max: 10 })])('agrees with the category nps counts a single answer in', (score) => {
    const r = nps([score]);
    const want = r.promoters ? 'promoter' : r.passives ? 'passive' : 'detractor';
    expect(classifyNps(score)).toBe(want);
  });
  test.prop([fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })])('is monotone in the score', (a, b) => {
    const rank = { detractor: 0, passive: 1, promoter: 2 } as const;
    if (a <= b) expect(rank[classifyNps(a)]).toBeLessThanOrEqual(rank[classifyNps(b)]);
  });
  test.prop([fc.double({ noNaN: false }).filter((x) => !(Number.isInteger(x) && x >= 0 && x <= 10))])('rejects every other number', (x) => {
    expect(codeOf(() => classifyNps(x))).toBeDefined();
  });
});
