import { CxMetricsError } from '../../internal/errors';
import { compareGroups, npsRevenue, surveyBreakdown, type CompareGroupsResult } from '../../survey/index';
import { count, interval, money, pct, points, table } from '../format';
import { mark, pValue } from './significance';
import type { ReportInput, Section } from './types';

/** NPS per customer segment (from the customers file), and revenue by NPS category. */
export function npsSegmentsSection(input: ReportInput): Section | undefined {
  const hasNps = input.interactions.some((i) => i.type === 'survey' && i.metric === 'nps');
  if (!hasNps) return undefined;
  const lines: string[] = [];
  const data: Record<string, unknown> = {};
  if (input.customers.some((c) => c.segment !== undefined)) {
    const bySegment = surveyBreakdown(input.interactions, { metric: 'nps', by: 'segment', customers: input.customers });
    // Each segment against all other answers, Holm-corrected over the segments tested.
    // Answers from a single segment have nothing to be compared with: no marks.
    let tests: CompareGroupsResult | undefined;
    try {
      tests = compareGroups(input.interactions, { metric: 'nps', by: 'segment', customers: input.customers });
    } catch (error) {
      if (!(error instanceof CxMetricsError && error.code === 'INSUFFICIENT_DATA')) throw error;
    }
    const byKey = new Map(tests?.groups.map((g) => [g.group, g]));
    const rows = bySegment.groups.map((g) => {
      const t = byKey.get(g.group);
      return {
        segment: g.group,
        answers: g.n,
        nps: g.score,
        lower: g.interval?.lower,
        upper: g.interval?.upper,
        versusRest: t?.difference,
        adjustedPValue: t?.adjustedPValue,
        significant: t?.significant ?? false,
      };
    });
    lines.push(
      'NPS by customer segment (▲/▼ differs from the other segments at 5 % after Holm correction)',
      ...table(
        [
          { header: 'segment' },
          { header: 'answers', align: 'right' },
          { header: 'NPS', align: 'right' },
          { header: '95 % interval', align: 'right' },
          { header: 'vs the rest', align: 'right' },
          { header: 'adjusted p', align: 'right' },
        ],
        rows.map((r) => [
          r.segment ?? '(none)',
          count(r.answers),
          points(r.nps),
          interval(r.lower, r.upper, (x) => points(x, 0)),
          `${points(r.versusRest)}${mark(r.versusRest, r.significant)}`,
          pValue(r.adjustedPValue),
        ]),
      ),
      '',
    );
    data.bySegment = rows;
  }
  if (input.purchases.length > 0) {
    // Purchases joined with each customer's latest NPS answer (a descriptive view, not causal);
    // the loader has checked that all purchases share one currency.
    const revenue = npsRevenue([...input.interactions.filter((i) => i.type === 'survey'), ...input.purchases]);
    const groups = (['promoters', 'passives', 'detractors', 'nonRespondents'] as const).map((k) => ({ group: k, ...revenue[k] }));
    const label = { promoters: 'promoters', passives: 'passives', detractors: 'detractors', nonRespondents: 'did not answer' };
    lines.push(
      `Revenue by each customer’s latest NPS answer (${revenue.currency ?? 'no currency'}; all purchases of the period)`,
      ...table(
        [{ header: 'group' }, { header: 'customers', align: 'right' }, { header: 'revenue', align: 'right' }, { header: 'per customer', align: 'right' }, { header: 'share of revenue', align: 'right' }],
        groups.map((g) => [label[g.group], count(g.customers), money(g.revenue, 0), money(g.revenuePerCustomer), pct(g.revenueShare)]),
      ),
    );
    data.revenueByCategory = { currency: revenue.currency, groups };
  }
  if (lines.length === 0) return undefined;
  return { id: 'npsSegments', title: 'NPS by segment and revenue', lines, data };
}
