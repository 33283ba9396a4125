import { describe, expect, it } from 'vitest';
import { funnelSection } from '../../../src/cli/sections/funnel';
import type { Journey } from '../../../src/models';
import { day, reportInput } from './report-input';

const visit = (customerId: string, touchpoint: string, at: number) => ({ type: 'visit' as const, customerId, at, touchpoint });
function journey(customerId: string, stages: readonly [string, number, string][]): Journey {
  return { customerId, stages: stages.map(([name, at, touchpoint]) => ({ name, enteredAt: at, interactions: [visit(customerId, touchpoint, at)] })) };
}

describe('funnelSection', () => {
  it('reached, conversion and drop-off per stage, days in stage, entry paths (known values)', () => {
    const stages = ['awareness', 'purchase'];
    const journeys = [
      journey('a', [['awareness', day(2020, 1, 1), 'ad'], ['purchase', day(2020, 1, 3), 'checkout']]),
      journey('b', [['awareness', day(2020, 1, 1), 'ad'], ['purchase', day(2020, 1, 5), 'checkout']]),
      journey('c', [['awareness', day(2020, 1, 1), 'search']]),
      journey('d', [['awareness', day(2020, 1, 2), 'search']]),
    ];
    const s = funnelSection(reportInput({ journeys, stages, observationEnd: day(2020, 2, 1) }));
    const data = s?.data as { journeys: number; stages: { stage: string; reached: number; fromPrevious: number; fromFirst: number; droppedOff: number; medianDaysInStage: number | undefined }[]; entryPaths: { goal: string; paths: { label: string; count: number; conversionRate: number }[] } };
    expect(data.journeys).toBe(4);
    expect(data.stages.map((r) => [r.stage, r.reached, r.fromFirst, r.droppedOff])).toEqual([
      // Dropped off at a stage = reached the previous one but not this one.
      ['awareness', 4, 1, 0],
      ['purchase', 2, 0.5, 2],
    ]);
    expect(data.stages[1]?.fromPrevious).toBe(0.5);
    expect(data.entryPaths.goal).toBe('purchase');
    const byLabel = new Map(data.entryPaths.paths.map((p) => [p.label, p]));
    expect(byLabel.get('ad → checkout')).toMatchObject({ count: 2, conversionRate: 1 });
    expect(byLabel.get('search')).toMatchObject({ count: 2, conversionRate: 0 });
    expect(s?.lines[0]).toMatch(/^4 journeys\./);
  });

  it('the goal is the last stage when there is no purchase stage; no journeys, no section', () => {
    const journeys = [journey('a', [['x', day(2020, 1, 1), 'ad'], ['y', day(2020, 1, 2), 'ad']])];
    const s = funnelSection(reportInput({ journeys, stages: ['x', 'y'], observationEnd: day(2020, 2, 1) }));
    expect((s?.data as { entryPaths: { goal: string } }).entryPaths.goal).toBe('y');
    expect(funnelSection(reportInput({}))).toBeUndefined();
  });
});
