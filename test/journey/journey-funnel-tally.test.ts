import { describe, expect, it } from 'vitest';
import { journeyFunnel, journeyFunnelTally } from '../../src/journey';
import type { Journey } from '../../src/models';
import type { CxMetricsError } from '../../src/internal/errors';
import { expectCxMetricsError, thrownBy } from '../support/error-code';
import { journey } from './fixtures';

const fold = (js: readonly (Journey | null)[], options: Parameters<typeof journeyFunnelTally.create>[0]) =>
  js.reduce(journeyFunnelTally.add, journeyFunnelTally.create(options));

describe('journeyFunnelTally', () => {
  it('folds to the batch funnel and survives a JSON round trip', () => {
    const js = [journey('a', [['visit', 0]], { segment: 's' }), null, journey('b', [['visit', 0], ['buy', 1]])];
    const options = { stages: ['visit', 'cart', 'buy'], groupBy: 'segment' as const, level: 0.9 };
    // The batch function takes the stages as an argument: `stages` is not one of its options.
    const { stages, ...batch } = options;
    const state = fold(js, options);
    expect(journeyFunnelTally.result(state)).toEqual(journeyFunnel(js, { stages, ...batch }));
    const revived = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(journeyFunnelTally.result(journeyFunnelTally.add(revived, journey('c', [['cart', 0]]), 3))).toEqual(
      journeyFunnel([...js, journey('c', [['cart', 0]])], { stages, ...batch }),
    );
  });

  it('merges without changing its arguments', () => {
    const a = fold([journey('a', [['visit', 0]])], { stages: ['visit'] });
    const before = JSON.stringify(a);
    journeyFunnelTally.merge(a, a);
    expect(JSON.stringify(a)).toBe(before);
  });

  it.each<[string, () => unknown, string]>([
    ['no stages', () => journeyFunnelTally.create(), 'INVALID_OPTION'],
    ['an accessor groupBy', () => journeyFunnelTally.create({ stages: ['a'], groupBy: (() => 'x') as never }), 'INVALID_OPTION'],
    ['level 2', () => journeyFunnelTally.create({ stages: ['a'], level: 2 }), 'OUT_OF_RANGE'],
    ['an unknown stage', () => fold([journey('a', [['b', 0]])], { stages: ['a'] }), 'UNKNOWN_REFERENCE'],
    ['stages out of order', () => fold([journey('a', [['b', 0], ['a', 1]])], { stages: ['a', 'b'] }), 'ORDER_VIOLATION'],
    ['another customer inside', () => fold([journey('a', [['a', 0, [{ customerId: 'z' }]]])], { stages: ['a'] }), 'UNKNOWN_REFERENCE'],
    ['an empty journey', () => fold([{ customerId: 'a', stages: [] }], { stages: ['a'] }), 'INVALID_RECORD'],
    ['an end before a start', () => fold([journey('a', [['a', 3], ['b', 1]])], { stages: ['a', 'b'] }), 'ORDER_VIOLATION'],
    ['an empty stage list', () => journeyFunnelTally.create({ stages: [] }), 'INVALID_OPTION'],
    ['a numeric segment, grouping by segment', () => fold([journey('a', [['a', 0]], { segment: 7 as never })], { stages: ['a'], groupBy: 'segment' }), 'INVALID_RECORD'],
    ['an entry channel outside CHANNELS', () => fold([journey('a', [['a', 0, [{ channel: 'fax' as never }]]])], { stages: ['a'], groupBy: 'channel' }), 'UNKNOWN_REFERENCE'],
    ['an interaction of no known type', () => fold([journey('a', [['a', 0, [{ type: 'click' as never }]]])], { stages: ['a'] }), 'INVALID_RECORD'],
    [
      'merging different stage lists',
      () => journeyFunnelTally.merge(journeyFunnelTally.create({ stages: ['a'] }), journeyFunnelTally.create({ stages: ['b'] })),
      'INCONSISTENT_INPUT',
    ],
  ])('rejects %s', (_name, run, code) => {
    expectCxMetricsError(run, code, 'journeyFunnelTally');
  });

  it('names the journey by its position in the stream', () => {
    const state = fold([journey('a', [['a', 0]]), null], { stages: ['a', 'b'] });
    const error = thrownBy(() => journeyFunnelTally.add(state, journey('x', [['b', 0], ['a', 1]]))) as CxMetricsError;
    expect(error.details).toMatchObject({ index: 2, field: 'stages[1].name', value: 'a' });
    expect(error.code).toBe('ORDER_VIOLATION');
  });
});
