import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { journeyFunnel, journeyFunnelTally } from '../../src/journey';
import type { Journey } from '../../src/models';
import { errorCode } from '../support/error-code';
import { STAGES, journey, journeyArb } from './fixtures';

const fold = (js: readonly (Journey | null)[], options: Parameters<typeof journeyFunnelTally.create>[0]) =>
  js.reduce(journeyFunnelTally.add, journeyFunnelTally.create(options));

describe('journeyFunnelTally', () => {
  it('folds to the batch funnel and survives a JSON round trip', () => {
    const js = [journey('a', [['visit', 0]], { segment: 's' }), null, journey('b', [['visit', 0], ['buy', 1]])];
    const options = { stages: ['visit', 'cart', 'buy'], groupBy: 'segment' as const, level: 0.9 };
    const state = fold(js, options);
    expect(journeyFunnelTally.result(state)).toEqual(journeyFunnel(js, options.stages, options));
    const revived = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(journeyFunnelTally.result(journeyFunnelTally.add(revived, journey('c', [['cart', 0]]), 3))).toEqual(
      journeyFunnel([...js, journey('c', [['cart', 0]])], options.stages, options),
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
    [
      'merging different stage lists',
      () => journeyFunnelTally.merge(journeyFunnelTally.create({ stages: ['a'] }), journeyFunnelTally.create({ stages: ['b'] })),
      'INCONSISTENT_INPUT',
    ],
  ])('rejects %s', (_name, run, code) => {
    expect(errorCode(run)).toBe(code);
  });

  test.prop([fc.array(fc.option(journeyArb, { nil: null }), { maxLength: 40 }), fc.nat(), fc.nat(), fc.constantFrom('segment' as const, 'channel' as const)], {
    numRuns: 60,
  })('batch = fold = merge of any split, in any order', (js, cut1, cut2, groupBy) => {
    const options = { stages: STAGES, groupBy };
    const [i, j] = [cut1 % (js.length + 1), cut2 % (js.length + 1)].sort((x, y) => x - y) as [number, number];
    const parts = [js.slice(0, i), js.slice(i, j), js.slice(j)].map((p) => fold(p, options));
    const left = journeyFunnelTally.merge(journeyFunnelTally.merge(parts[0]!, parts[1]!), parts[2]!);
    const right = journeyFunnelTally.merge(parts[2]!, journeyFunnelTally.merge(parts[1]!, parts[0]!));
    const batch = journeyFunnel(js, STAGES, { groupBy });
    expect(journeyFunnelTally.result(fold(js, options))).toEqual(batch);
    expect(journeyFunnelTally.result(left)).toEqual(batch);
    expect(journeyFunnelTally.result(right)).toEqual(batch);
  });
});
