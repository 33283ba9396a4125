import { describe, expect, it } from 'vitest';
import { touchpointScores } from '../../src/journey';
import { ces, csat, csatInterval, nps, npsInterval } from '../../src/survey';
import type { CxMetricsError } from '../../src/internal/errors';
import { expectCxMetricsError } from '../support/error-code';
import type { Interaction } from '../../src/models';
import { answer, journey } from './fixtures';

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

  it('treats a null touchpoint or channel as none', () => {
    const s = touchpointScores([answer('t', 'web', 'nps', 10), answer(undefined, undefined, 'nps', 0, { touchpoint: null as never, channel: null as never })], {
      by: 'touchpoint-channel',
    });
    expect(s.groups.map((g) => [g.touchpoint, g.channel, g.nps.score])).toEqual([
      ['t', 'web', 100],
      [null, null, -100],
    ]);
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
    ['an interaction of no known type', () => touchpointScores([{ ...answer('t', 'web', 'nps', 5), type: 'click' as never }]), 'INVALID_RECORD'],
    ['an interaction of no known type inside a journey', () => touchpointScores([journey('a', [['visit', 0, [{ type: 'click' as never }]]])]), 'INVALID_RECORD'],
    ['an unknown stage order in a journey (an end before a start)', () => touchpointScores([journey('a', [['x', 2], ['y', 1]])]), 'ORDER_VIOLATION'],
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
});
