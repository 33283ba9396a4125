import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { csat } from '../../src/survey/index';
import { shuffle } from './helpers';

const scores = fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 8 }), { maxLength: 150 });
const opts = { numRuns: 80 };

describe('csat properties', () => {
  test.prop([scores], opts)('share in [0, 1], mean on the scale', (values) => {
    const r = csat(values);
    if (r.total === 0) return;
    expect(r.share).toBeGreaterThanOrEqual(0);
    expect(r.share).toBeLessThanOrEqual(1);
    expect(r.mean).toBeGreaterThanOrEqual(1);
    expect(r.mean).toBeLessThanOrEqual(5);
  });
  test.prop([scores, fc.integer()], opts)('invariant under reordering', (values, seed) => {
    expect(csat(shuffle(values, seed))).toEqual(csat(values));
  });
  test.prop([scores], opts)('weights of 1 equal no weights', (values) => {
    const a = csat(values);
    const b = csat(values, { weight: () => 1 });
    expect(b.share).toBe(a.share);
    expect(b.mean).toBe(a.mean);
    expect(b.effectiveSampleSize).toBe(a.effectiveSampleSize);
  });
  test.prop([scores, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })], opts)('a lower threshold never lowers the share', (values, t1, t2) => {
    const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
    const a = csat(values, { threshold: lo });
    const b = csat(values, { threshold: hi });
    if (a.share === undefined) return;
    expect(a.share).toBeGreaterThanOrEqual(b.share!);
  });
  test.prop([fc.uint8Array({ maxLength: 300 }).map((a) => a.map((v) => 1 + (v % 5)))], opts)('the typed-array fast path equals the generic path', (bytes) => {
    expect(csat(bytes)).toEqual(csat([...bytes]));
  });
});
