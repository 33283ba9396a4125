import { rfmSegments } from '../../journey/index';
import { count, money, pct, table } from '../format';
import { analyseClv, MODEL_LABELS, type ClvAnalysis } from './clv';
import type { ReportInput, Section } from './types';

/** RFM segments (quintile scores, the default recency × frequency grid) with their predicted value. */
export function rfmSection(input: ReportInput, analysis: ClvAnalysis | undefined = analyseClv(input)): Section | undefined {
  if (analysis?.atEnd === undefined || analysis.alive === undefined) return undefined;
  const { rows, prediction } = analysis.atEnd;
  const { alive } = analysis;
  const model = MODEL_LABELS[analysis.chosen.key];
  const aliveModel = MODEL_LABELS[alive.key];
  // Monetary = total spend over the period (the summary's monetaryValue is the mean repeat spend).
  const spend = new Map<string, number>();
  for (const p of input.purchases) spend.set(p.customerId, (spend.get(p.customerId) ?? 0) + p.amount);
  const rfm = rfmSegments(rows, { recencyMeaning: 'first-to-last-purchase', monetary: (r) => spend.get(String(r.customerId)) ?? 0 });
  const bySegment = new Map<string, { customers: number; clv: number; alive: number }>();
  rfm.customers.forEach((c, k) => {
    const name = c.segment ?? '(unmatched)';
    const s = bySegment.get(name) ?? { customers: 0, clv: 0, alive: 0 };
    s.customers++;
    s.clv += prediction.clv[k] as number;
    s.alive += alive.probabilityAlive[k] as number;
    bySegment.set(name, s);
  });
  const segments = rfm.segments
    .filter((s) => s.count > 0)
    .map((s) => {
      const v = bySegment.get(s.segment) ?? { customers: 0, clv: 0, alive: 0 };
      return { segment: s.segment, customers: s.count, share: s.share, meanProbabilityAlive: v.alive / v.customers, meanClv: v.clv / v.customers, totalClv: v.clv };
    });
  const lines = [
    `Recency and frequency scored 1–5 by quintile (ties kept together); value = the ${model} × Gamma-Gamma 12-month CLV above (the model chosen by fit); P(alive) by ${aliveModel}.`,
    ...(alive.key === 'bgNbd' ? ['BG/NBD gives P(alive) = 100 % to customers who never bought again: read the CLV column for them.'] : []),
    ...table(
      [
        { header: 'segment' },
        { header: 'customers', align: 'right' },
        { header: 'share', align: 'right' },
        { header: `mean P(alive) ${aliveModel}`, align: 'right' },
        { header: 'mean CLV', align: 'right' },
        { header: 'total CLV', align: 'right' },
      ],
      segments.map((s) => [s.segment, count(s.customers), pct(s.share), pct(s.meanProbabilityAlive), money(s.meanClv), money(s.totalClv, 0)]),
    ),
  ];
  return { id: 'rfm', title: 'RFM segments', lines, data: { model: analysis.chosen.key, probabilityAliveModel: alive.key, segments, unmatched: rfm.unmatched } };
}
