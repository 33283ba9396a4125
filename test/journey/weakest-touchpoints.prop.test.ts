import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { touchpointScores, weakestTouchpoints } from '../../src/journey';
import type { SurveyMetric } from '../../src/models';
import { answer } from './fixtures';

const answersArb = fc.array(
  fc
    .record({
      touchpoint: fc.constantFrom('home', 'cart', 'help', 'checkout', 'returns'),
      metric: fc.constantFrom<SurveyMetric>('nps', 'csat', 'ces'),
      u: fc.double({ min: 0, max: 0.999, noNaN: true }),
    })
    .map(({ touchpoint, metric, u }) => {
      const [lo, hi] = metric === 'nps' ? [0, 10] : metric === 'csat' ? [1, 5] : [1, 7];
      return answer(touchpoint, 'web', metric, lo + Math.floor(u * (hi - lo + 1)));
    }),
  { maxLength: 120 },
);

describe('weakestTouchpoints properties', () => {
  test.prop([answersArb, fc.constantFrom<SurveyMetric>('nps', 'csat', 'ces'), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 6 })], { numRuns: 80 })(
    'ranked by ascending upper bound; only groups with enough answers; every group listed or left out; limit keeps a prefix',
    (answers, metric, minimumSize, limit) => {
      const scores = touchpointScores(answers);
      const all = weakestTouchpoints(scores, { metric, minimumSize });
      expect(all.ranking.length + all.leftOut).toBe(scores.groups.length);
      all.ranking.forEach((t, i) => {
        expect(t.responses).toBeGreaterThanOrEqual(minimumSize);
        // (The adjusted-Wald NPS interval of a single answer need not contain it, so only the ends are compared.)
        expect(t.interval.lower).toBeLessThanOrEqual(t.interval.upper);
        if (i > 0) expect(t.interval.upper).toBeGreaterThanOrEqual(all.ranking[i - 1]!.interval.upper);
        const count = answers.filter((a) => a.touchpoint === t.touchpoint && a.metric === metric).length;
        expect(t.responses).toBe(count);
      });
      const limited = weakestTouchpoints(scores, { metric, minimumSize, limit });
      expect(limited.ranking).toEqual(all.ranking.slice(0, limit));
      expect(limited.leftOut).toBe(all.leftOut);
    },
  );
});
