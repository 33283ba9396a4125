import { describe, expect, it } from 'vitest';
import { journeyFunnel, journeyFunnelTally, journeyPaths, journeySatisfaction, stageTiming } from '../../src/journey';
import type { CxMetricsError } from '../../src/internal/errors';
import type { Journey } from '../../src/models';
import { expectCxMetricsError, thrownBy } from '../support/error-code';
import { DAY, journey } from './fixtures';

const stages = ['visit', 'cart', 'buy'];
// a: visit only; b: visit→cart; c: visit→cart→buy; d: visit→buy (skipped cart)
const data = [
  journey('a', [['visit', 0]], { segment: 'smb' }),
  journey('b', [['visit', 0], ['cart', 1]], { segment: 'smb' }),
  journey('c', [['visit', 0, [{ channel: 'web' }]], ['cart', 1], ['buy', 2]], { segment: 'ent' }),
  journey('d', [['visit', 0, [{ channel: 'app' }]], ['buy', 1]]),
];

describe('journeyFunnel', () => {
  it('counts a journey as reaching every stage up to its furthest', () => {
    const f = journeyFunnel(data, { stages });
    expect(f.journeys).toBe(4);
    expect(f.steps.map((s) => s.reached)).toEqual([4, 3, 2]);
    expect(f.steps.map((s) => s.entered)).toEqual([4, 2, 2]);
    expect(f.steps.map((s) => s.droppedOff)).toEqual([0, 1, 1]);
    expect(f.steps.map((s) => s.fromPrevious)).toEqual([1, 0.75, 2 / 3]);
    expect(f.steps.map((s) => s.fromFirst)).toEqual([1, 0.75, 0.5]);
    expect(f.steps.map((s) => s.dropOffRate)).toEqual([0, 0.25, 1 / 3]);
    expect(f.groups).toBeUndefined();
  });

  it('puts 95% Wilson intervals on every rate (independently computed)', () => {
    const [, cart, buy] = journeyFunnel(data, { stages }).steps;
    // Wilson (1927) with z = 1.959963984540054, computed by hand in Python.
    expect(cart!.fromPreviousInterval!.lower).toBeCloseTo(0.30064184258240184, 12);
    expect(cart!.fromPreviousInterval!.upper).toBeCloseTo(0.9544127391902995, 12);
    expect(cart!.dropOffInterval!.lower).toBeCloseTo(0.04558726080970055, 12);
    expect(cart!.dropOffInterval!.upper).toBeCloseTo(0.6993581574175981, 12);
    expect(buy!.fromPreviousInterval!.lower).toBeCloseTo(0.2076596008020477, 12);
    expect(buy!.fromFirstInterval!.lower).toBeCloseTo(0.15003898915214947, 12);
    expect(buy!.fromFirstInterval!.upper).toBeCloseTo(0.8499610108478506, 12);
  });

  it('narrows the intervals at a lower level', () => {
    const wide = journeyFunnel(data, { stages }).steps[1]!.fromFirstInterval!;
    const narrow = journeyFunnel(data, { stages, level: 0.8 }).steps[1]!.fromFirstInterval!;
    expect(narrow.upper - narrow.lower).toBeLessThan(wide.upper - wide.lower);
  });

  it('groups by segment, by entry channel or by an accessor; null collects journeys without a key', () => {
    const bySegment = journeyFunnel(data, { stages, groupBy: 'segment' }).groups!;
    expect(bySegment.map((g) => [g.group, g.journeys])).toEqual([['ent', 1], ['smb', 2], [null, 1]]);
    expect(bySegment[1]!.steps.map((s) => s.reached)).toEqual([2, 1, 0]);
    expect(bySegment[1]!.steps[2]!.fromFirst).toBe(0);
    const byChannel = journeyFunnel(data, { stages, groupBy: 'channel' }).groups!;
    expect(byChannel.map((g) => [g.group, g.journeys])).toEqual([['app', 1], ['web', 1], [null, 2]]);
    const byCustomer = journeyFunnel(data, { stages, groupBy: (j) => j.customerId.toUpperCase() }).groups!;
    expect(byCustomer.map((g) => g.group)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('has undefined rates when nothing reached the previous stage', () => {
    const f = journeyFunnel([null, undefined], { stages });
    expect(f).toMatchObject({ journeys: 0, skipped: 2 });
    expect(f.steps[0]).toMatchObject({ reached: 0, fromPrevious: undefined, fromFirst: undefined, dropOffRate: undefined, fromFirstInterval: undefined });
  });

  it('returns frozen results and leaves the input alone', () => {
    const before = JSON.stringify(data);
    const f = journeyFunnel(data, { stages, groupBy: 'segment' });
    expect(JSON.stringify(data)).toBe(before);
    expect(Object.isFrozen(f)).toBe(true);
    expect(Object.isFrozen(f.steps[0])).toBe(true);
    expect(Object.isFrozen(f.groups)).toBe(true);
  });

  it.each<[string, () => unknown, string]>([
    ['an empty stage list', () => journeyFunnel(data, { stages: [] }), 'INVALID_OPTION'],
    ['a stage list that is not an array', () => journeyFunnel(data, { stages: 'visit' as never }), 'INVALID_OPTION'],
    ['a repeated stage', () => journeyFunnel(data, { stages: ['visit', 'cart', 'visit'] }), 'INVALID_OPTION'],
    ['a blank stage name', () => journeyFunnel(data, { stages: ['visit', ''] }), 'INVALID_OPTION'],
    ['level 95', () => journeyFunnel(data, { stages, level: 95 }), 'OUT_OF_RANGE'],
    ['level NaN', () => journeyFunnel(data, { stages, level: Number.NaN }), 'INVALID_NUMBER'],
    ['an unknown groupBy', () => journeyFunnel(data, { stages, groupBy: 'region' as never }), 'INVALID_OPTION'],
    ['a groupBy returning a number', () => journeyFunnel(data, { stages, groupBy: () => 3 as never }), 'INVALID_OPTION'],
    ['an unknown stage', () => journeyFunnel([journey('x', [['visit', 0], ['checkout', 1]])], { stages }), 'UNKNOWN_REFERENCE'],
    ['stages out of order', () => journeyFunnel([journey('x', [['cart', 0], ['visit', 1]])], { stages }), 'ORDER_VIOLATION'],
    ['a repeated stage in a journey', () => journeyFunnel([journey('x', [['visit', 0], ['visit', 1]])], { stages }), 'ORDER_VIOLATION'],
    ['an entry before the previous one', () => journeyFunnel([journey('x', [['visit', 3], ['cart', 1]])], { stages }), 'ORDER_VIOLATION'],
    ['another customer inside', () => journeyFunnel([journey('x', [['visit', 0, [{ customerId: 'y' }]]])], { stages }), 'UNKNOWN_REFERENCE'],
    ['an empty journey', () => journeyFunnel([{ customerId: 'x', stages: [] }], { stages }), 'INVALID_RECORD'],
    ['a journey without stages', () => journeyFunnel([{ customerId: 'x' } as never], { stages }), 'INVALID_RECORD'],
    ['a numeric customer id', () => journeyFunnel([{ customerId: 7, stages: [] } as never], { stages }), 'INVALID_RECORD'],
    ['a string entry date', () => journeyFunnel([{ customerId: 'x', stages: [{ name: 'visit', enteredAt: '2024-01-01' as never, interactions: [] }] }], { stages }), 'INVALID_DATE'],
    ['interactions that are not an array', () => journeyFunnel([{ customerId: 'x', stages: [{ name: 'visit', enteredAt: 0, interactions: null as never }] }], { stages }), 'INVALID_RECORD'],
    ['an interaction of no known type', () => journeyFunnel([journey('x', [['visit', 0, [{ type: 'click' as never }]]])], { stages }), 'INVALID_RECORD'],
    ['a numeric segment, grouping by segment', () => journeyFunnel([journey('x', [['visit', 0]], { segment: 7 as never })], { stages, groupBy: 'segment' }), 'INVALID_RECORD'],
    ['an entry channel outside CHANNELS', () => journeyFunnel([journey('x', [['visit', 0, [{ channel: 'fax' as never }]]])], { stages, groupBy: 'channel' }), 'UNKNOWN_REFERENCE'],
  ])('rejects %s', (_name, run, code) => {
    expectCxMetricsError(run, code, 'journeyFunnel');
  });

  it.each<[string, unknown, string, string, object]>([
    ['an unknown stage', journey('x', [['visit', 0], ['checkout', 1]]), 'UNKNOWN_REFERENCE', 'stages[1].name', { value: 'checkout' }],
    ['stages out of list order', journey('x', [['visit', 0], ['buy', 1], ['cart', 2]]), 'ORDER_VIOLATION', 'stages[2].name', { value: 'cart' }],
    ['an end before a start', journey('x', [['visit', 4], ['cart', 1]]), 'ORDER_VIOLATION', 'stages[1].enteredAt', { value: DAY }],
    ['an empty stage list', { customerId: 'x', stages: [] }, 'INVALID_RECORD', 'stages', {}],
    ['an unknown interaction type', journey('x', [['visit', 0], ['cart', 1, [{}, { type: 'click' as never }]]]), 'INVALID_RECORD', 'stages[1].interactions[1].type', { value: 'click' }],
  ])('names the journey and the field for %s', (_name, bad, code, field, extra) => {
    const error = thrownBy(() => journeyFunnel([data[0]!, bad as Journey], { stages, groupBy: 'channel' })) as CxMetricsError;
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ function: 'journeyFunnel', index: 1, field, ...extra });
    expect(error.message).toMatch(/^journeyFunnel: journey at index 1/);
  });

  it('names the interaction whose entry channel is unknown', () => {
    const bad = journey('x', [['visit', 0, [{}, { channel: 'fax' as never }]]]);
    const error = thrownBy(() => journeyFunnel([data[0]!, bad], { stages, groupBy: 'channel' })) as CxMetricsError;
    expect(error.details).toMatchObject({ index: 1, field: 'stages[0].interactions[1].channel', value: 'fax' });
  });

  it('reports the position of the offending interaction', () => {
    try {
      journeyFunnel([data[0]!, journey('x', [['visit', 0], ['cart', 1, [{}, { customerId: 'y' }]]])], { stages });
    } catch (error) {
      expect((error as CxMetricsError).details).toMatchObject({ index: 1, field: 'stages[1].interactions[1].customerId', value: 'y' });
    }
    expect.assertions(1);
  });
});

describe('journey instants outside the valid range', () => {
  // A Date holds ±8.64e15 ms; a finite number beyond it is not an instant, in every journey function.
  const at = (enteredAt: number): Journey => ({
    customerId: 'a',
    stages: [
      { name: 'visit', enteredAt: 0, interactions: [] },
      { name: 'buy', enteredAt, interactions: [] },
    ],
  });
  const stages = ['visit', 'buy'];
  it.each([[8.64e15 + 1], [-8.64e15 - 1], [1e300], [-Number.MAX_VALUE]])('enteredAt %s throws INVALID_DATE', (bad) => {
    const journeys = [at(bad)];
    for (const [fn, run] of [
      ['journeyFunnel', () => journeyFunnel(journeys, { stages })],
      ['journeyFunnelTally', () => journeyFunnelTally.add(journeyFunnelTally.create({ stages }), journeys[0])],
      ['stageTiming', () => stageTiming(journeys, { stages, unit: 'day' })],
      ['journeyPaths', () => journeyPaths(journeys)],
      ['journeySatisfaction', () => journeySatisfaction(journeys)],
    ] as const) {
      expectCxMetricsError(run, 'INVALID_DATE', fn);
      expect((thrownBy(run) as CxMetricsError).message).toContain('stages[1].enteredAt');
    }
  });
  it('the ends of the range are valid', () => {
    const ok = [{ customerId: 'a', stages: [{ name: 'visit', enteredAt: -8.64e15, interactions: [] }, { name: 'buy', enteredAt: 8.64e15, interactions: [] }] }];
    expect(journeyFunnel(ok, { stages }).steps.map((s) => s.reached)).toEqual([1, 1]);
  });
});
