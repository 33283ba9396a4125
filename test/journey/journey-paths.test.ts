import { describe, expect, it } from 'vitest';
import { journeyPaths } from '../../src/journey';
import type { CxMetricsError } from '../../src/internal/errors';
import { expectCxMetricsError, thrownBy } from '../support/error-code';
import { journey } from './fixtures';

const tp = (touchpoint: string) => ({ touchpoint });
const data = [
  journey('a', [['browse', 0, [tp('home'), tp('cart')]], ['buy', 1]]),
  journey('b', [['browse', 0, [tp('home'), tp('home'), tp('cart')]]]),
  journey('c', [['browse', 0, [tp('search')]], ['buy', 2, [tp('checkout')]]]),
  journey('d', [['browse', 0, [tp('home'), tp('cart')]], ['buy', 3]]),
  journey('e', [['browse', 0]], {}),
];
// e's only interaction is a purchase without a touchpoint.
(data[4]!.stages[0]!.interactions as unknown[]).push({ type: 'purchase', customerId: 'e', at: 0, amount: 5, currency: 'EUR' });

describe('journeyPaths', () => {
  it('ranks touchpoint sequences by count, ties by label', () => {
    const p = journeyPaths(data);
    expect(p.journeys).toBe(5);
    expect(p.paths.map((x) => [x.label, x.count])).toEqual([
      ['home → cart', 2],
      ['(no touchpoints)', 1],
      ['home → home → cart', 1],
      ['search → checkout', 1],
    ]);
    expect(p.paths[0]!.share).toBe(0.4);
    expect(p.paths[1]!.path).toEqual([]);
    expect(p.distinct).toBe(4);
    expect(p.other).toBe(0);
    expect(p.converting).toBeUndefined();
  });

  it('collapses repeats and caps the length', () => {
    const collapsed = journeyPaths(data, { collapseRepeats: true });
    expect(collapsed.paths[0]).toMatchObject({ label: 'home → cart', count: 3, share: 0.6 });
    const capped = journeyPaths(data, { maxLength: 1 });
    expect(capped.paths.map((x) => [x.label, x.count])).toEqual([
      ['home', 3],
      ['(no touchpoints)', 1],
      ['search', 1],
    ]);
  });

  it('splits converting and dropping-off journeys', () => {
    const p = journeyPaths(data, { collapseRepeats: true, converted: 'buy' });
    expect(p.paths[0]).toMatchObject({ label: 'home → cart', count: 3, converted: 2 });
    expect(p.paths[0]!.conversionRate).toBeCloseTo(2 / 3, 15);
    expect(p.converting!.journeys).toBe(3);
    expect(p.converting!.paths.map((x) => [x.label, x.count, x.share])).toEqual([
      ['home → cart', 2, 2 / 3],
      ['search → checkout', 1, 1 / 3],
    ]);
    expect(p.droppingOff!.paths.map((x) => [x.label, x.count])).toEqual([
      ['(no touchpoints)', 1],
      ['home → cart', 1],
    ]);
    // In the drop-off ranking a path still carries its conversion over all its journeys.
    expect(p.droppingOff!.paths[1]).toMatchObject({ label: 'home → cart', count: 1, converted: 2 });
    expect(p.droppingOff!.paths[1]!.conversionRate).toBeCloseTo(2 / 3, 15);
    const byPredicate = journeyPaths(data, { collapseRepeats: true, converted: (j) => j.stages.length > 1 });
    expect(byPredicate.converting).toEqual(p.converting);
  });

  it('breaks ties id by id, a path before its extensions', () => {
    const ids = [['b'], ['a', 'b'], ['a'], ['ab'], ['a', 'a']];
    const p = journeyPaths(ids.map((path, k) => journey(`c${k}`, [['browse', 0, path.map(tp)]])));
    // By hand: a < a,a < a,b < ab < b (compare the first id, then the next; shorter first on a tie).
    expect(p.paths.map((x) => x.path)).toEqual([['a'], ['a', 'a'], ['a', 'b'], ['ab'], ['b']]);
  });

  it('leaves out interactions whose touchpoint is null or absent', () => {
    const p = journeyPaths([journey('x', [['browse', 0, [tp('home'), { touchpoint: null as never }, { type: 'purchase', amount: 1, currency: 'EUR', touchpoint: undefined } as never]]])]);
    expect(p.paths.map((x) => x.label)).toEqual(['home']);
  });

  it('lists the top paths and puts the rest in other', () => {
    const p = journeyPaths(data, { top: 1 });
    expect(p.paths).toHaveLength(1);
    expect(p.other).toBe(3);
    expect(p.otherShare).toBe(0.6);
  });

  it('handles no journeys', () => {
    const p = journeyPaths([null], { converted: 'buy' });
    expect(p).toMatchObject({ journeys: 0, skipped: 1, distinct: 0, other: 0, otherShare: undefined });
    expect(p.paths).toEqual([]);
  });

  it.each<[string, () => unknown, string]>([
    ['top 0', () => journeyPaths(data, { top: 0 }), 'OUT_OF_RANGE'],
    ['top 1.5', () => journeyPaths(data, { top: 1.5 }), 'NOT_AN_INTEGER'],
    ['maxLength −1', () => journeyPaths(data, { maxLength: -1 }), 'NEGATIVE_VALUE'],
    ['maxLength NaN', () => journeyPaths(data, { maxLength: Number.NaN }), 'INVALID_NUMBER'],
    ['collapseRepeats "yes"', () => journeyPaths(data, { collapseRepeats: 'yes' as never }), 'INVALID_OPTION'],
    ['converted 3', () => journeyPaths(data, { converted: 3 as never }), 'INVALID_OPTION'],
    ['a predicate returning a string', () => journeyPaths(data, { converted: () => 'yes' as never }), 'INVALID_OPTION'],
    ['an unknown converted stage', () => journeyPaths(data, { stages: ['browse', 'buy'], converted: 'paid' }), 'UNKNOWN_REFERENCE'],
    ['an empty stage list', () => journeyPaths(data, { stages: [] }), 'INVALID_OPTION'],
    ['an unknown stage', () => journeyPaths(data, { stages: ['browse'] }), 'UNKNOWN_REFERENCE'],
    ['stages out of order', () => journeyPaths(data, { stages: ['buy', 'browse'] }), 'ORDER_VIOLATION'],
    ['another customer inside', () => journeyPaths([journey('x', [['browse', 0, [{ customerId: 'y' }]]])]), 'UNKNOWN_REFERENCE'],
    ['an end before a start', () => journeyPaths([journey('x', [['browse', 5], ['buy', 1]])]), 'ORDER_VIOLATION'],
    ['an empty journey', () => journeyPaths([{ customerId: 'x', stages: [] }]), 'INVALID_RECORD'],
    ['a numeric touchpoint', () => journeyPaths([journey('x', [['browse', 0, [{ touchpoint: 4 as never }]]])]), 'INVALID_RECORD'],
    ['an empty touchpoint', () => journeyPaths([journey('x', [['browse', 0, [tp('')]]])]), 'INVALID_RECORD'],
    ['an interaction of no known type', () => journeyPaths([journey('x', [['browse', 0, [{ type: 'click' as never }]]])]), 'INVALID_RECORD'],
  ])('rejects %s', (_name, run, code) => {
    expectCxMetricsError(run, code, 'journeyPaths');
  });

  it('names the journey and the interaction of a bad touchpoint', () => {
    const error = thrownBy(() => journeyPaths([data[0]!, journey('x', [['browse', 0], ['buy', 1, [tp('home'), tp('')]]])])) as CxMetricsError;
    expect(error.details).toMatchObject({ index: 1, field: 'stages[1].interactions[1].touchpoint', value: '' });
  });
});
