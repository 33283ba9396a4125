import { describe, expect, it } from 'vitest';
import { breakdownResult } from '../../src/survey/breakdown-result';
import { createNpsState } from '../../src/survey/nps-state';

describe('breakdownResult', () => {
  it('reports each bucket in order with its interval and flag, and totals the skipped answers', () => {
    const web = { ...createNpsState(), promoters: 30, promoterWeight: 30, detractors: 10, detractorWeight: 10, weightSquares: 40, skipped: 2 };
    const none = { ...createNpsState(), passives: 3, passiveWeight: 3, weightSquares: 3 };
    const r = breakdownResult(
      'nps',
      [
        { group: 'web', period: 24 * 12, state: web },
        { group: null, period: undefined, state: none },
      ],
      'month',
      { level: 0.95, minimumSize: 30, npsMethod: 'wald', csatMethod: 'wilson', missing: 1, ignored: 4 },
    );
    expect(r.groups.map((g) => [g.group, g.period, g.score, g.n, g.belowMinimum])).toEqual([
      ['web', '24-01', 50, 40, false],
      [null, undefined, 0, 3, true],
    ]);
    expect(r.groups[0]?.interval?.lower).toBeLessThan(50);
    expect(r).toMatchObject({ metric: 'nps', skipped: 3, ignored: 4, level: 0.95, minimumSize: 30 });
    expect(Object.isFrozen(r) && Object.isFrozen(r.groups[0])).toBe(true);
  });
});
