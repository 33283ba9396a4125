import { journeyFunnel, journeyPaths, stageTiming } from '../../journey/index';
import { count, interval, num, pct, table } from '../format';
import type { ReportInput, Section } from './types';

/** The conversion funnel with Wilson intervals, and the time spent in each stage. */
export function funnelSection(input: ReportInput): Section | undefined {
  if (input.journeys.length === 0) return undefined;
  const funnel = journeyFunnel(input.journeys, { stages: input.stages });
  const timing = stageTiming(input.journeys, { stages: input.stages, unit: 'day', asOf: input.observationEnd });
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
  // Entry paths: the first two touchpoints of each journey, and how often they lead to a purchase.
  const goal = input.stages.includes('purchase') ? 'purchase' : (input.stages[input.stages.length - 1] as string);
  const paths = journeyPaths(input.journeys, { collapseRepeats: true, maxLength: 2, top: 6, converted: goal, stages: input.stages });
  lines.push(
    '',
    `Most common entry paths (first two touchpoints) and their conversion to ${goal}`,
    ...table(
      [{ header: 'path' }, { header: 'journeys', align: 'right' }, { header: 'share', align: 'right' }, { header: `reached ${goal}`, align: 'right' }],
      paths.paths.map((p) => [p.label, count(p.count), pct(p.share), pct(p.conversionRate)]),
    ),
  );
  const entryPaths = { goal, paths: paths.paths, other: paths.other };
  return { id: 'funnel', title: 'Journey funnel', lines, data: { journeys: funnel.journeys, stages: rows, entryPaths } };
}
