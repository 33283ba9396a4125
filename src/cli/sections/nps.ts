import { CxMetricsError } from '../../internal/errors';
import { nps, npsInterval, surveyBreakdown, trendTest, type TrendTestResult } from '../../survey/index';
import { count, interval, pct, points, table } from '../format';
import { mark, pValue } from './significance';
import type { ReportInput, Section } from './types';

/** NPS with its adjusted-Wald interval, and its monthly trend with month-to-month tests (Holm) and a linear trend. */
export function npsSection(input: ReportInput): Section | undefined {
  const scores: number[] = [];
  for (const i of input.interactions) if (i.type === 'survey' && i.metric === 'nps') scores.push(i.score);
  const overall = nps(scores);
  if (overall.score === undefined || overall.shares === undefined) return undefined;
  const ci = npsInterval(overall);
  const trend = surveyBreakdown(input.interactions, { metric: 'nps', period: 'month' });
  // Each month against the previous one, Holm-corrected over all the months tested, and a weighted line.
  // Answers from a single month have no trend to test: the table shows that month alone.
  let tests: TrendTestResult | undefined;
  try {
    tests = trendTest(input.interactions, { metric: 'nps', period: 'month' });
  } catch (error) {
    if (!(error instanceof CxMetricsError && error.code === 'INSUFFICIENT_DATA')) throw error;
  }
  const byMonth = new Map(tests?.periods.map((p) => [p.period, p]));
  const months = trend.groups.map((g) => {
    const t = g.period === undefined ? undefined : byMonth.get(g.period);
    return {
      month: g.period,
      answers: g.n,
      nps: g.score,
      lower: g.interval?.lower,
      upper: g.interval?.upper,
      belowMinimum: g.belowMinimum,
      change: t?.change,
      adjustedPValue: t?.adjustedPValue,
      significant: t?.significant ?? false,
    };
  });
  const line = tests?.trend;
  const lines = [
    `NPS ${points(overall.score)} (95 % interval ${interval(ci?.lower, ci?.upper, (x) => points(x))}, adjusted Wald) from ${count(overall.total)} answers:`,
    `${pct(overall.shares.promoters, 0)} promoters, ${pct(overall.shares.passives, 0)} passives, ${pct(overall.shares.detractors, 0)} detractors.`,
    '',
    'Monthly trend (* fewer than 30 answers: read with care; ▲/▼ change from the previous month significant at 5 % after Holm correction)',
    ...table(
      [
        { header: 'month' },
        { header: 'answers', align: 'right' },
        { header: 'NPS', align: 'right' },
        { header: '95 % interval', align: 'right' },
        { header: 'change', align: 'right' },
        { header: 'adjusted p', align: 'right' },
      ],
      months.map((m) => [
        `${m.month ?? ''}${m.belowMinimum ? ' *' : ''}`,
        count(m.answers),
        points(m.nps),
        interval(m.lower, m.upper, (x) => points(x, 0)),
        `${points(m.change)}${mark(m.change, m.significant)}`,
        pValue(m.adjustedPValue),
      ]),
    ),
    ...(line === undefined
      ? []
      : [
          '',
          `Linear trend ${points(line.slope, 2)} points a month (95 % interval ${interval(line.interval.lower, line.interval.upper, (x) => points(x, 2))}, p ${pValue(line.pValue)}; weighted least squares over the ${line.periods} months with 30 answers or more).`,
        ]),
  ];
  return {
    id: 'nps',
    title: 'Net Promoter Score',
    lines,
    data: {
      score: overall.score,
      interval: ci,
      promoters: overall.promoters,
      passives: overall.passives,
      detractors: overall.detractors,
      answers: overall.total,
      monthly: months,
      trend: line,
    },
  };
}
