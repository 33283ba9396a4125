import { describe, expect, it } from 'vitest';
import { touchpointScores, weakestTouchpoints } from '../../src/journey';
import type { CxMetricsError } from '../../src/internal/errors';
import type { SurveyMetric } from '../../src/models';
import { thrownBy } from '../support/error-code';
import { answer } from './fixtures';

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
    const w = weakestTouchpoints(scores, { minimumSize: 5 });
    expect(w.metric).toBe('nps');
    expect(w.ranking.map((t) => t.touchpoint)).toEqual(['checkout', 'delivery']);
    expect(w.leftOut).toBe(1);
    const checkout = scores.groups.find((g) => g.touchpoint === 'checkout')!;
    expect(w.ranking[0]).toMatchObject({ estimate: 10, interval: { lower: checkout.npsInterval!.lower, upper: checkout.npsInterval!.upper }, responses: 10 });
  });

  it('ranks on CSAT and CES and honours the limit', () => {
    expect(weakestTouchpoints(scores, { metric: 'csat', minimumSize: 5 }).ranking.map((t) => t.touchpoint)).toEqual(['checkout', 'delivery']);
    const c = weakestTouchpoints(scores, { metric: 'ces', minimumSize: 3, limit: 1 });
    expect(c.ranking.map((t) => [t.touchpoint, t.estimate])).toEqual([['checkout', 3]]);
    expect(c.leftOut).toBe(1);
  });

  it('calls a group weak on evidence: a low estimate with a wide interval ranks after a surely-low one', () => {
    const s = touchpointScores([...many('a', 'nps', 0, 10), ...many('b', 'nps', ...Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 10 : 5)))]);
    // a: NPS 0 from 2 answers (very wide interval); b: NPS −60 from 200 answers (narrow).
    expect(weakestTouchpoints(s, { minimumSize: 0 }).ranking.map((t) => t.touchpoint)).toEqual(['b', 'a']);
  });

  it.each<[string, () => unknown, string]>([
    ['a non-result', () => weakestTouchpoints({} as never), 'INVALID_INPUT'],
    ['an unknown metric', () => weakestTouchpoints(scores, { metric: 'nss' as never }), 'INVALID_OPTION'],
    ['a negative minimum', () => weakestTouchpoints(scores, { minimumSize: -1 }), 'NEGATIVE_VALUE'],
    ['a fractional minimum', () => weakestTouchpoints(scores, { minimumSize: 2.5 }), 'NOT_AN_INTEGER'],
    ['limit 0', () => weakestTouchpoints(scores, { limit: 0 }), 'OUT_OF_RANGE'],
    ['limit NaN', () => weakestTouchpoints(scores, { limit: Number.NaN }), 'INVALID_NUMBER'],
  ])('rejects %s', (_name, run, code) => {
    const error = thrownBy(run);
    expect((error as CxMetricsError).code).toBe(code);
    expect((error as CxMetricsError).message).toMatch(/^weakestTouchpoints: /);
  });
});
