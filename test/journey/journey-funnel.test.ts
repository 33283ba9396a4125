import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { journeyFunnel } from '../../src/journey';
import type { CxMetricsError } from '../../src/errors';
import { expectCxMetricsError } from '../support/error-code';
import { STAGES, journey, journeyArb } from './fixtures';

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
    const f = journeyFunnel(data, stages);
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
    const [, cart, buy] = journeyFunnel(data, stages).steps;
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
    const wide = journeyFunnel(data, stages).steps[1]!.fromFirstInterval!;
    const narrow = journeyFunnel(data, stages, { level: 0.8 }).steps[1]!.fromFirstInterval!;
    expect(narrow.upper - narrow.lower).toBeLessThan(wide.upper - wide.lower);
  });

  it('groups by segment, by entry channel or by an accessor; null collects journeys without a key', () => {
    const bySegment = journeyFunnel(data, stages, { groupBy: 'segment' }).groups!;
    expect(bySegment.map((g) => [g.key, g.journeys])).toEqual([['ent', 1], ['smb', 2], [null, 1]]);
    expect(bySegment[1]!.steps.map((s) => s.reached)).toEqual([2, 1, 0]);
    expect(bySegment[1]!.steps[2]!.fromFirst).toBe(0);
    const byChannel = journeyFunnel(data, stages, { groupBy: 'channel' }).groups!;
    expect(byChannel.map((g) => [g.key, g.journeys])).toEqual([['app', 1], ['web', 1], [null, 2]]);
    const byCustomer = journeyFunnel(data, stages, { groupBy: (j) => j.customerId.toUpperCase() }).groups!;
    expect(byCustomer.map((g) => g.key)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('has undefined rates when nothing reached the previous stage', () => {
    const f = journeyFunnel([null, undefined], stages);
    expect(f).toMatchObject({ journeys: 0, skipped: 2 });
    expect(f.steps[0]).toMatchObject({ reached: 0, fromPrevious: undefined, fromFirst: undefined, dropOffRate: undefined, fromFirstInterval: undefined });
  });

  it('returns frozen results and leaves the input alone', () => {
    const before = JSON.stringify(data);
    const f = journeyFunnel(data, stages, { groupBy: 'segment' });
    expect(JSON.stringify(data)).toBe(before);
    expect(Object.isFrozen(f)).toBe(true);
    expect(Object.isFrozen(f.steps[0])).toBe(true);
    expect(Object.isFrozen(f.groups)).toBe(true);
  });

  it.each<[string, () => unknown, string]>([
    ['an empty stage list', () => journeyFunnel(data, []), 'INVALID_OPTION'],
    ['a stage list that is not an array', () => journeyFunnel(data, 'visit' as never), 'INVALID_OPTION'],
    ['a repeated stage', () => journeyFunnel(data, ['visit', 'cart', 'visit']), 'INVALID_OPTION'],
    ['a blank stage name', () => journeyFunnel(data, ['visit', '']), 'INVALID_OPTION'],
    ['level 95', () => journeyFunnel(data, stages, { level: 95 }), 'OUT_OF_RANGE'],
    ['level NaN', () => journeyFunnel(data, stages, { level: Number.NaN }), 'INVALID_NUMBER'],
    ['an unknown groupBy', () => journeyFunnel(data, stages, { groupBy: 'region' as never }), 'INVALID_OPTION'],
    ['a groupBy returning a number', () => journeyFunnel(data, stages, { groupBy: () => 3 as never }), 'INVALID_OPTION'],
    ['an unknown stage', () => journeyFunnel([journey('x', [['visit', 0], ['checkout', 1]])], stages), 'UNKNOWN_REFERENCE'],
    ['stages out of order', () => journeyFunnel([journey('x', [['cart', 0], ['visit', 1]])], stages), 'ORDER_VIOLATION'],
    ['a repeated stage in a journey', () => journeyFunnel([journey('x', [['visit', 0], ['visit', 1]])], stages), 'ORDER_VIOLATION'],
    ['an entry before the previous one', () => journeyFunnel([journey('x', [['visit', 3], ['cart', 1]])], stages), 'ORDER_VIOLATION'],
    ['another customer inside', () => journeyFunnel([journey('x', [['visit', 0, [{ customerId: 'y' }]]])], stages), 'UNKNOWN_REFERENCE'],
    ['an empty journey', () => journeyFunnel([{ customerId: 'x', stages: [] }], stages), 'INVALID_RECORD'],
    ['a journey without stages', () => journeyFunnel([{ customerId: 'x' } as never], stages), 'INVALID_RECORD'],
    ['a numeric customer id', () => journeyFunnel([{ customerId: 7, stages: [] } as never], stages), 'INVALID_RECORD'],
    ['a string entry date', () => journeyFunnel([{ customerId: 'x', stages: [{ name: 'visit', enteredAt: '2024-01-01' as never, interactions: [] }] }], stages), 'INVALID_DATE'],
    ['interactions that are not an array', () => journeyFunnel([{ customerId: 'x', stages: [{ name: 'visit', enteredAt: 0, interactions: null as never }] }], stages), 'INVALID_RECORD'],
  ])('rejects %s', (_name, run, code) => {
    expectCxMetricsError(run, code, 'journeyFunnel');
  });

  it('reports the position of the offending interaction', () => {
    try {
      journeyFunnel([data[0]!, journey('x', [['visit', 0], ['cart', 1, [{}, { customerId: 'y' }]]])], stages);
    } catch (error) {
      expect((error as CxMetricsError).details).toMatchObject({ index: 1, field: 'stages[1].interactions[1].customerId', value: 'y' });
    }
    expect.assertions(1);
  });

  test.prop([fc.array(journeyArb, { maxLength: 60 })], { numRuns: 80 })(
    'counts never increase along the stages and every rate lies in [0, 1] inside its interval',
    (journeys) => {
      const f = journeyFunnel(journeys, STAGES);
      f.steps.forEach((step, k) => {
        if (k > 0) expect(step.reached).toBeLessThanOrEqual(f.steps[k - 1]!.reached);
        expect(step.entered).toBeLessThanOrEqual(step.reached);
        for (const [rate, interval] of [
          [step.fromPrevious, step.fromPreviousInterval],
          [step.fromFirst, step.fromFirstInterval],
          [step.dropOffRate, step.dropOffInterval],
        ] as const) {
          if (rate === undefined) continue;
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
          expect(interval!.lower).toBeLessThanOrEqual(rate);
          expect(interval!.upper).toBeGreaterThanOrEqual(rate);
          expect(interval!.lower).toBeGreaterThanOrEqual(0);
          expect(interval!.upper).toBeLessThanOrEqual(1);
        }
      });
      expect(f.steps[0]!.reached).toBe(journeys.length);
    },
  );

  test.prop([fc.array(journeyArb, { maxLength: 60 }), fc.constantFrom('segment' as const, 'channel' as const)], { numRuns: 80 })(
    'group counts add up to the ungrouped funnel',
    (journeys, groupBy) => {
      const whole = journeyFunnel(journeys, STAGES);
      const grouped = journeyFunnel(journeys, STAGES, { groupBy });
      expect(grouped.steps).toEqual(whole.steps);
      const sum = (pick: (g: (typeof grouped.groups & object)[number], k: number) => number, k: number) =>
        grouped.groups!.reduce((acc, g) => acc + pick(g, k), 0);
      expect(sum((g) => g.journeys, 0)).toBe(whole.journeys);
      whole.steps.forEach((step, k) => {
        expect(sum((g, i) => g.steps[i]!.reached, k)).toBe(step.reached);
        expect(sum((g, i) => g.steps[i]!.entered, k)).toBe(step.entered);
        expect(sum((g, i) => g.steps[i]!.droppedOff, k)).toBe(step.droppedOff);
      });
    },
  );

  test.prop([fc.array(journeyArb, { maxLength: 40 })], { numRuns: 40 })('does not depend on the order of the journeys', (journeys) => {
    expect(journeyFunnel([...journeys].reverse(), STAGES, { groupBy: 'segment' })).toEqual(journeyFunnel(journeys, STAGES, { groupBy: 'segment' }));
  });
});
