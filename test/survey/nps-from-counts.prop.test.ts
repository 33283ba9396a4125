import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { nps, npsFromCounts } from '../../src/survey/index';

const count = fc.integer({ min: 0, max: 1000 });
const opts = { numRuns: 100 };

describe('npsFromCounts properties', () => {
  test.prop([count, count, count], opts)('equals nps over the answers the counts describe', (p, q, d) => {
    const answers = [...Array<number>(p).fill(9), ...Array<number>(q).fill(7), ...Array<number>(d).fill(6)];
    expect(npsFromCounts({ promoters: p, passives: q, detractors: d })).toEqual(nps(answers));
  });

  test.prop([count, count, count, fc.integer({ min: 1, max: 1e6 })], opts)('scaling every count keeps the score in [−100, 100] and unchanged', (p, q, d, k) => {
    const r = npsFromCounts({ promoters: p, passives: q, detractors: d });
    const scaled = npsFromCounts({ promoters: p * k, passives: q * k, detractors: d * k });
    if (r.score === undefined) expect(scaled.score).toBeUndefined();
    else {
      expect(scaled.score).toBeCloseTo(r.score, 9);
      expect(Math.abs(r.score)).toBeLessThanOrEqual(100);
    }
  });
});
