import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { touchpointScores, weakestTouchpoints } from '../../src/journey';
import { ces, csat, csatInterval, nps, npsInterval } from '../../src/survey';
import type { CxMetricsError } from '../../src/errors';
import { expectCxMetricsError, thrownBy } from '../support/error-code';
import type { Channel, Interaction, SurveyMetric, SurveyResponse } from '../../src/models';
import { journey } from './fixtures';

function answer(touchpoint: string | undefined, channel: Channel | undefined, metric: SurveyMetric, score: number, extra: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    type: 'survey',
    customerId: 'c',
    at: 0,
    metric,
    score,
    ...(touchpoint === undefined ? {} : { touchpoint }),
    ...(channel === undefined ? {} : { channel }),
    ...extra,
  };
}

const data: (Interaction | null)[] = [
  answer('checkout', 'web', 'nps', 10),
  answer('checkout', 'web', 'nps', 9),
  answer('checkout', 'app', 'nps', 3),
  answer('checkout', 'app', 'nps', 7),
  answer('checkout', 'web', 'csat', 5),
  answer('checkout', 'web', 'csat', 4),
  answer('checkout', 'app', 'csat', 2),
  answer('help', 'chat', 'ces', 6),
  answer('help', 'chat', 'ces', 4),
  answer('help', 'chat', 'ces', 5),
  answer(undefined, 'email', 'nps', 0),
  { type: 'visit', customerId: 'c', at: 0, touchpoint: 'home' },
  { ...answer('help', 'chat', 'nps', 0), score: null as never },
  null,
];

describe('touchpointScores', () => {
  it('scores each touchpoint with the survey calculators', () => {
    const s = touchpointScores(data);
    expect(s).toMatchObject({ by: 'touchpoint', level: 0.95, responses: 11, ignored: 1, skipped: 2 });
    expect(s.groups.map((g) => [g.touchpoint, g.channel, g.responses])).toEqual([
      ['checkout', undefined, 7],
      ['help', undefined, 3],
      [null, undefined, 1],
    ]);
    const checkout = s.groups[0]!;
    // 2 promoters, 1 passive, 1 detractor of 4 → NPS 25 (by hand)
    expect(checkout.nps).toMatchObject({ score: 25, promoters: 2, passives: 1, detractors: 1, total: 4 });
    expect(checkout.npsInterval).toEqual(npsInterval([10, 9, 3, 7]));
    // CSAT top-2-box: 2 of 3
    expect(checkout.csat.share).toBeCloseTo(2 / 3, 15);
    expect(checkout.csat.mean).toBeCloseTo(11 / 3, 15);
    // Wilson 2/3 at 95 % (z = 1.959963984540054), by hand: 0.2076596008020477 – 0.9385080552796037
    expect(checkout.csatInterval!.lower).toBeCloseTo(0.2076596008020477, 12);
    expect(checkout.csatInterval!.upper).toBeCloseTo(0.9385080552796037, 12);
    expect(checkout.ces.total).toBe(0);
    const help = s.groups[1]!;
    expect(help.ces).toEqual(ces([6, 4, 5]));
    expect(help.ces.mean).toBe(5);
    expect(help.nps.total).toBe(0);
    expect(help.npsInterval).toBeUndefined();
    expect(help.csatInterval).toBeUndefined();
  });

  it('groups by channel or by touchpoint and channel', () => {
    const byChannel = touchpointScores(data, { by: 'channel' });
    expect(byChannel.groups.map((g) => [g.touchpoint, g.channel])).toEqual([
      [undefined, 'app'],
      [undefined, 'chat'],
      [undefined, 'email'],
      [undefined, 'web'],
    ]);
    const both = touchpointScores(data, { by: 'touchpoint-channel' });
    expect(both.groups.map((g) => [g.touchpoint, g.channel, g.nps.score])).toEqual([
      ['checkout', 'app', -50],
      ['checkout', 'web', 100],
      ['help', 'chat', undefined],
      [null, 'email', -100],
    ]);
  });

  it('uses the scale the answers carry and the level asked', () => {
    const five = { min: 1, max: 5 };
    const s = touchpointScores(
      [answer('t', 'web', 'ces', 5, { scale: five }), answer('t', 'web', 'ces', 4, { scale: five }), answer('t', 'web', 'csat', 9, { scale: { min: 0, max: 10 } })],
      { level: 0.9 },
    );
    expect(s.groups[0]!.ces).toEqual(ces([5, 4], { scale: five, level: 0.9 }));
    expect(s.groups[0]!.csat).toEqual(csat([9], { scale: { min: 0, max: 10 } }));
    expect(s.groups[0]!.csatInterval).toEqual(csatInterval([9], { scale: { min: 0, max: 10 }, level: 0.9 }));
  });

  it('reads the interactions of journeys', () => {
    const j = journey('a', [['visit', 0, [{ type: 'survey', metric: 'nps', score: 10, touchpoint: 'home' } as never]], ['buy', 1, [{ type: 'survey', metric: 'nps', score: 0, touchpoint: 'home' } as never]]]);
    const s = touchpointScores([j]);
    expect(s.groups[0]!.nps).toEqual(nps([10, 0]));
  });

  it.each<[string, () => unknown, string]>([
    ['an unknown grouping', () => touchpointScores(data, { by: 'stage' as never }), 'INVALID_OPTION'],
    ['level 0', () => touchpointScores(data, { level: 0 }), 'OUT_OF_RANGE'],
    ['an NPS score of 11', () => touchpointScores([answer('t', 'web', 'nps', 11)]), 'OUT_OF_RANGE'],
    ['a fractional score', () => touchpointScores([answer('t', 'web', 'csat', 4.5)]), 'NOT_AN_INTEGER'],
    ['a NaN score', () => touchpointScores([answer('t', 'web', 'ces', Number.NaN)]), 'INVALID_NUMBER'],
    ['a string score', () => touchpointScores([answer('t', 'web', 'ces', '5' as never)]), 'INVALID_NUMBER'],
    ['an unknown metric', () => touchpointScores([answer('t', 'web', 'ces', 5, { metric: 'nss' as never })]), 'UNKNOWN_REFERENCE'],
    ['an NPS scale other than 0–10', () => touchpointScores([answer('t', 'web', 'nps', 5, { scale: { min: 1, max: 5 } })]), 'INCONSISTENT_INPUT'],
    ['mixed CSAT scales in a group', () => touchpointScores([answer('t', 'web', 'csat', 5), answer('t', 'web', 'csat', 5, { scale: { min: 1, max: 7 } })]), 'INCONSISTENT_INPUT'],
    ['a broken scale', () => touchpointScores([answer('t', 'web', 'csat', 5, { scale: { min: 5, max: 1 } })]), 'INVALID_RECORD'],
    ['a numeric touchpoint', () => touchpointScores([answer(7 as never, 'web', 'csat', 5)]), 'INVALID_RECORD'],
    ['an unknown channel', () => touchpointScores([answer('t', 'fax' as never, 'csat', 5)]), 'UNKNOWN_REFERENCE'],
    ['a string element', () => touchpointScores(['nps' as never]), 'INVALID_RECORD'],
    ['another customer inside a journey', () => touchpointScores([journey('a', [['visit', 0, [{ customerId: 'b' }]]])]), 'UNKNOWN_REFERENCE'],
    ['an empty journey', () => touchpointScores([{ customerId: 'a', stages: [] }]), 'INVALID_RECORD'],
    ['a journey with an end before a start', () => touchpointScores([journey('a', [['x', 5], ['y', 1]])]), 'ORDER_VIOLATION'],
  ])('rejects %s', (_name, run, code) => {
    expectCxMetricsError(run, code, 'touchpointScores');
  });

  it('names the position of a bad score', () => {
    try {
      touchpointScores([answer('t', 'web', 'nps', 5), answer('t', 'web', 'nps', 12)]);
    } catch (error) {
      expect((error as CxMetricsError).details).toMatchObject({ index: 1, value: 12 });
    }
    expect.assertions(1);
  });

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
});

describe('weakestTouchpoints', () => {
  const many = (touchpoint: string, metric: SurveyMetric, ...scores: number[]) => scores.map((x) => answer(touchpoint, 'web', metric, x));
  const scores = touchpointScores([
    ...many('checkout', 'nps', 10, 9, 9, 8, 6, 3, 2, 1, 9, 10),
    ...many('delivery', 'nps', 9, 10, 10, 9, 8, 7, 9, 10, 9, 10),
    ...many('returns', 'nps', 0),
    ...many('checkout', 'csat', 5, 5, 4, 1, 2),
    ...many('delivery', 'csat', 5, 5, 5, 5, 4),
    ...many('checkout', 'ces', 2, 3, 4),
    ...many('delivery', 'ces', 6, 7, 7),
  ]);

  it('ranks by the upper end of the interval and leaves out small groups', () => {
    const w = weakestTouchpoints(scores, { minResponses: 5 });
    expect(w.metric).toBe('nps');
    expect(w.ranking.map((t) => t.touchpoint)).toEqual(['checkout', 'delivery']);
    expect(w.leftOut).toBe(1);
    const checkout = scores.groups.find((g) => g.touchpoint === 'checkout')!;
    expect(w.ranking[0]).toMatchObject({ estimate: 10, lower: checkout.npsInterval!.lower, upper: checkout.npsInterval!.upper, responses: 10 });
  });

  it('ranks on CSAT and CES and honours the limit', () => {
    expect(weakestTouchpoints(scores, { metric: 'csat', minResponses: 5 }).ranking.map((t) => t.touchpoint)).toEqual(['checkout', 'delivery']);
    const c = weakestTouchpoints(scores, { metric: 'ces', minResponses: 3, limit: 1 });
    expect(c.ranking.map((t) => [t.touchpoint, t.estimate])).toEqual([['checkout', 3]]);
    expect(c.leftOut).toBe(1);
  });

  it('calls a group weak on evidence: a low estimate with a wide interval ranks after a surely-low one', () => {
    const s = touchpointScores([...many('a', 'nps', 0, 10), ...many('b', 'nps', ...Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 10 : 5)))]);
    // a: NPS 0 from 2 answers (very wide interval); b: NPS −60 from 200 answers (narrow).
    expect(weakestTouchpoints(s, { minResponses: 0 }).ranking.map((t) => t.touchpoint)).toEqual(['b', 'a']);
  });

  it.each<[string, () => unknown, string]>([
    ['a non-result', () => weakestTouchpoints({} as never), 'INVALID_OPTION'],
    ['an unknown metric', () => weakestTouchpoints(scores, { metric: 'nss' as never }), 'INVALID_OPTION'],
    ['a negative minimum', () => weakestTouchpoints(scores, { minResponses: -1 }), 'NEGATIVE_VALUE'],
    ['a fractional minimum', () => weakestTouchpoints(scores, { minResponses: 2.5 }), 'NOT_AN_INTEGER'],
    ['limit 0', () => weakestTouchpoints(scores, { limit: 0 }), 'OUT_OF_RANGE'],
    ['limit NaN', () => weakestTouchpoints(scores, { limit: Number.NaN }), 'INVALID_NUMBER'],
  ])('rejects %s', (_name, run, code) => {
    const error = thrownBy(run);
    expect((error as CxMetricsError).code).toBe(code);
    expect((error as CxMetricsError).message).toMatch(/^weakestTouchpoints: /);
  });
});
