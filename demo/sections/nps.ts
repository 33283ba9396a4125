import { nps, npsInterval, surveyBreakdown } from '../../src/survey/index';
import { count, interval, pct, points, table } from '../format';
import type { ReportInput, Section } from './types';

/** NPS with its adjusted-Wald interval, and its monthly trend. */
export function npsSection(input: ReportInput): Section | undefined {
  const scores: number[] = [];
  for (const i of input.interactions) if (i.type === 'survey' && i.metric === 'nps') scores.push(i.score);
  const overall = nps(scores);
  if (overall.score === undefined || overall.shares === undefined) return undefined;
  const ci = npsInterval(overall);
  const trend = surveyBreakdown(input.interactions, { metric: 'nps', period: 'month' });
  const months = trend.groups.map((g) => ({ month: g.period, answers: g.n, nps: g.score, lower: g.lower, upper: g.upper, belowMinimum: g.belowMinimum }));
  const lines = [
    `NPS ${points(overall.score)} (95 % interval ${interval(ci?.lower, ci?.upper, (x) => points(x))}, adjusted Wald) from ${count(overall.total)} answers:`,
    `${pct(overall.shares.promoters, 0)} promoters, ${pct(overall.shares.passives, 0)} passives, ${pct(overall.shares.detractors, 0)} detractors.`,
    '',
    'Monthly trend (* fewer than 30 answers: read with care)',
    ...table(
      [{ header: 'month' }, { header: 'answers', align: 'right' }, { header: 'NPS', align: 'right' }, { header: '95 % interval', align: 'right' }],
      months.map((m) => [`${m.month ?? ''}${m.belowMinimum ? ' *' : ''}`, count(m.answers), points(m.nps), interval(m.lower, m.upper, (x) => points(x, 0))]),
    ),
  ];
  return {
    id: 'nps',
    title: 'Net Promoter Score',
    lines,
    data: { score: overall.score, interval: ci, promoters: overall.promoters, passives: overall.passives, detractors: overall.detractors, answers: overall.total, monthly: months },
  };
}
