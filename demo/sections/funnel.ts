import { journeyFunnel, stageTiming } from '../../src/journey/index';
import { count, interval, num, pct, table } from '../format';
import type { ReportInput, Section } from './types';

/** The journey stages, in order: the bundled data uses these; the user's journeys must too. */
export const STAGES = ['awareness', 'consideration', 'purchase', 'onboarding', 'loyalty'] as const;

/** The conversion funnel with Wilson intervals, and the time spent in each stage. */
export function funnelSection(input: ReportInput): Section | undefined {
  if (input.journeys.length === 0) return undefined;
  const funnel = journeyFunnel(input.journeys, STAGES);
  const timing = stageTiming(input.journeys, STAGES, { unit: 'day', asOf: input.observationEnd });
  const rows = funnel.steps.map((s, k) => {
    const t = timing.steps[k];
    return {
      stage: s.stage,
      reached: s.reached,
      fromPrevious: s.fromPrevious,
      fromPreviousInterval: s.fromPreviousInterval,
      fromFirst: s.fromFirst,
      droppedOff: s.droppedOff,
      medianDaysInStage: t?.inStage.median,
      stillInStage: t?.inStage.censored,
    };
  });
  const lines = [
    `${count(funnel.journeys)} journeys. Conversion from the previous stage with its 95 % Wilson interval; days in stage = median time to the next stage reached.`,
    ...table(
      [
        { header: 'stage' },
        { header: 'reached', align: 'right' },
        { header: 'from previous', align: 'right' },
        { header: '95 % interval', align: 'right' },
        { header: 'from first', align: 'right' },
        { header: 'dropped off', align: 'right' },
        { header: 'days in stage', align: 'right' },
      ],
      rows.map((r) => [
        r.stage,
        count(r.reached),
        pct(r.fromPrevious),
        interval(r.fromPreviousInterval?.lower, r.fromPreviousInterval?.upper, (x) => pct(x)),
        pct(r.fromFirst),
        count(r.droppedOff),
        num(r.medianDaysInStage, 1),
      ]),
    ),
  ];
  return { id: 'funnel', title: 'Journey funnel', lines, data: { journeys: funnel.journeys, stages: rows } };
}
