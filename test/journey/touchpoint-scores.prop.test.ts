import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { touchpointScores } from '../../src/journey';
import { ces, csat, nps } from '../../src/survey';
import type { Channel, SurveyMetric } from '../../src/models';
import { interactionArb } from '../support/arbitraries';
import { errorCode } from '../support/error-code';
import { answer } from './fixtures';

describe('touchpointScores properties', () => {
  const answerArb = fc
    .record({
      touchpoint: fc.option(fc.constantFrom('home', 'cart', 'help'), { nil: undefined }),
      channel: fc.option(fc.constantFrom<Channel>('web', 'app'), { nil: undefined }),
      metric: fc.constantFrom<SurveyMetric>('nps', 'csat', 'ces'),
      u: fc.double({ min: 0, max: 0.999, noNaN: true }),
    })
    .map(({ touchpoint, channel, metric, u }) => {
      const [lo, hi] = metric === 'nps' ? [0, 10] : metric === 'csat' ? [1, 5] : [1, 7];
      return answer(touchpoint, channel, metric, lo + Math.floor(u * (hi - lo + 1)));
    });

  test.prop([fc.array(answerArb, { maxLength: 80 })], { numRuns: 60 })(
    'per-touchpoint counts add up, figures equal the survey functions on the group, order does not matter',
    (answers) => {
      const s = touchpointScores(answers, { by: 'touchpoint-channel' });
      expect(s.groups.reduce((acc, g) => acc + g.responses, 0)).toBe(answers.length);
      for (const g of s.groups) {
        const mine = (m: SurveyMetric) =>
          answers.filter((a) => (a.touchpoint ?? null) === g.touchpoint && (a.channel ?? null) === g.channel && a.metric === m).map((a) => a.score);
        expect(g.nps).toEqual(nps(mine('nps')));
        expect(g.csat).toEqual(csat(mine('csat')));
        expect(g.ces).toEqual(ces(mine('ces')));
        if (g.nps.score !== undefined) {
          expect(g.nps.score).toBeGreaterThanOrEqual(-100);
          expect(g.nps.score).toBeLessThanOrEqual(100);
        }
      }
      expect(touchpointScores([...answers].reverse(), { by: 'touchpoint-channel' })).toEqual(s);
    },
  );

  // The library-wide arbitraries: every interaction type, CSAT/CES answers on varied scales.
  test.prop([fc.array(interactionArb, { maxLength: 60 })], { numRuns: 40 })(
    'over the shared arbitraries: every survey answer counted once, or a scale conflict reported',
    (interactions) => {
      const code = errorCode(() => touchpointScores(interactions, { by: 'touchpoint-channel' }));
      if (code !== undefined) {
        expect(code).toBe('INCONSISTENT_INPUT');
        return;
      }
      const s = touchpointScores(interactions, { by: 'touchpoint-channel' });
      expect(s.responses).toBe(interactions.filter((x) => x.type === 'survey').length);
      expect(s.responses + s.ignored).toBe(interactions.length);
    },
  );
});
