// Also covered through journeyFunnel and journeyFunnelTally (known values, batch = fold = merge).
import { describe, expect, it } from 'vitest';
import { addToCounts, compareGroupKeys, createCounts, funnelSteps, mergeCounts } from '../../src/journey/funnel';

describe('funnel counts', () => {
  it('counts furthest and entered stages and builds the steps from suffix sums', () => {
    const a = createCounts(3);
    addToCounts(a, Int32Array.from([0, 1, 2]), 3);
    addToCounts(a, Int32Array.from([0, 2]), 2);
    const b = createCounts(3);
    addToCounts(b, Int32Array.from([0]), 1);
    const c = mergeCounts(a, b);
    expect(c).toEqual({ journeys: 3, furthest: [1, 0, 2], entered: [3, 1, 2] });
    const steps = funnelSteps(c, ['x', 'y', 'z'], 0.95);
    expect(steps.map((s) => s.reached)).toEqual([3, 2, 2]);
    expect(steps.map((s) => s.droppedOff)).toEqual([0, 1, 0]);
    expect(steps[1]!.fromPrevious).toBeCloseTo(2 / 3, 15);
  });
  it('orders group keys alphabetically, null last', () => {
    expect(['b', null, 'a'].sort(compareGroupKeys)).toEqual(['a', 'b', null]);
  });
});
