import { touchpointScores, weakestTouchpoints } from '../../journey/index';
import type { SurveyMetric } from '../../models/index';
import { count, interval, num, pct, points, table } from '../format';
import type { ReportInput, Section } from './types';

const MIN_RESPONSES = 30;

/** NPS, CSAT and CES per touchpoint, with intervals. */
export function touchpointSection(input: ReportInput): Section | undefined {
  const scores = touchpointScores(input.interactions);
  if (scores.responses === 0) return undefined;
  const rows = scores.groups.map((g) => ({
    touchpoint: g.touchpoint ?? null,
    npsAnswers: g.nps.total,
    nps: g.nps.score,
    csatAnswers: g.csat.total,
    csat: g.csat.share,
    csatLower: g.csatInterval?.lower,
    csatUpper: g.csatInterval?.upper,
    cesAnswers: g.ces.total,
    ces: g.ces.mean,
    cesLower: g.ces.interval?.lower,
    cesUpper: g.ces.interval?.upper,
  }));
  const lines = [
    'CSAT = share answering 4–5 of 5 (Wilson interval); CES = mean on 1–7, higher is easier (Student-t interval).',
    ...table(
      [
        { header: 'touchpoint' },
        { header: 'NPS n', align: 'right' },
        { header: 'NPS', align: 'right' },
        { header: 'CSAT n', align: 'right' },
        { header: 'CSAT', align: 'right' },
        { header: '95 % interval', align: 'right' },
        { header: 'CES n', align: 'right' },
        { header: 'CES', align: 'right' },
        { header: '95 % interval', align: 'right' },
      ],
      rows.map((r) => [
        r.touchpoint ?? '(none)',
        count(r.npsAnswers),
        points(r.nps),
        count(r.csatAnswers),
        pct(r.csat),
        interval(r.csatLower, r.csatUpper, (x) => pct(x, 0)),
        count(r.cesAnswers),
        num(r.ces, 2),
        interval(r.cesLower, r.cesUpper, (x) => num(x, 2)),
      ]),
    ),
  ];
  return { id: 'touchpoints', title: 'CSAT and CES per touchpoint', lines, data: { responses: scores.responses, groups: rows } };
}

const METRICS: readonly { metric: SurveyMetric; label: string; show: (x: number | undefined) => string }[] = [
  { metric: 'nps', label: 'NPS', show: (x) => points(x) },
  { metric: 'csat', label: 'CSAT', show: (x) => pct(x) },
  { metric: 'ces', label: 'CES', show: (x) => num(x, 2) },
];

/** The three weakest touchpoints per metric, ranked by the upper end of their interval. */
export function weakestSection(input: ReportInput): Section | undefined {
  const scores = touchpointScores(input.interactions);
  if (scores.responses === 0) return undefined;
  const rankings = METRICS.map(({ metric, label, show }) => {
    const weakest = weakestTouchpoints(scores, { metric, minimumSize: MIN_RESPONSES, limit: 3 });
    return { metric, label, show, ranking: weakest.ranking };
  }).filter((r) => r.ranking.length > 0);
  if (rankings.length === 0) return undefined;
  const rows = rankings.flatMap(({ label, show, ranking }) =>
    ranking.map((t, k) => [k === 0 ? label : '', `${k + 1}. ${t.touchpoint ?? '(none)'}`, show(t.estimate), interval(t.interval.lower, t.interval.upper, show), count(t.responses)]),
  );
  const lines = [
    `Ranked by the optimistic end of the 95 % interval, so a low score is not just noise; touchpoints with fewer than ${MIN_RESPONSES} answers left out.`,
    ...table(
      [{ header: 'metric' }, { header: 'touchpoint' }, { header: 'score', align: 'right' }, { header: '95 % interval', align: 'right' }, { header: 'answers', align: 'right' }],
      rows,
    ),
  ];
  const data = Object.fromEntries(rankings.map((r) => [r.metric, r.ranking]));
  return { id: 'weakestTouchpoints', title: 'Weakest touchpoints', lines, data };
}
