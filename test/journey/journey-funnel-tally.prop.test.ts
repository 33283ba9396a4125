import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { journeyFunnel, journeyFunnelTally } from '../../src/journey';
import type { Journey } from '../../src/models';
import { STAGES, journeyArb } from './fixtures';

const fold = (js: readonly (Journey | null)[], options: Parameters<typeof journeyFunnelTally.create>[0]) =>
  js.reduce(journeyFunnelTally.add, journeyFunnelTally.create(options));

describe('journeyFunnelTally properties', () => {
  test.prop([fc.array(fc.option(journeyArb, { nil: null }), { maxLength: 40 }), fc.nat(), fc.nat(), fc.constantFrom('segment' as const, 'channel' as const)], {
    numRuns: 60,
  })('batch = fold = merge of any split, in any order', (js, cut1, cut2, groupBy) => {
    const options = { stages: STAGES, groupBy };
    const [i, j] = [cut1 % (js.length + 1), cut2 % (js.length + 1)].sort((x, y) => x - y) as [number, number];
    const parts = [js.slice(0, i), js.slice(i, j), js.slice(j)].map((p) => fold(p, options));
    const left = journeyFunnelTally.merge(journeyFunnelTally.merge(parts[0]!, parts[1]!), parts[2]!);
    const right = journeyFunnelTally.merge(parts[2]!, journeyFunnelTally.merge(parts[1]!, parts[0]!));
    const batch = journeyFunnel(js, { stages: STAGES, groupBy });
    expect(journeyFunnelTally.result(fold(js, options))).toEqual(batch);
    expect(journeyFunnelTally.result(left)).toEqual(batch);
    expect(journeyFunnelTally.result(right)).toEqual(batch);
  });
});
