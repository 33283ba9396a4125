import type { SurveyResponse } from '../../models/index';
import { keyDrivers } from '../../survey/index';
import { count, interval, num, pct, table } from '../format';
import type { ReportInput, Section } from './types';

/** Bootstrap resamples for the importance intervals (seeded: the report is reproducible). */
export const DRIVER_RESAMPLES = 500;

const QUADRANT: Record<string, string> = { improve: 'improve', maintain: 'maintain', monitor: 'monitor', surplus: 'surplus' };

/** Key drivers of NPS: the attribute ratings asked with the NPS question, by Johnson's relative weights. */
export function keyDriversSection(input: ReportInput): Section | undefined {
  const rated = input.interactions.filter((i): i is SurveyResponse => i.type === 'survey' && i.metric === 'nps' && i.ratings !== undefined);
  const names = [...new Set(rated.flatMap((r) => Object.keys(r.ratings ?? {})))];
  if (names.length === 0) return undefined;
  const drivers = Object.fromEntries(names.map((name) => [name, (r: SurveyResponse) => r.ratings?.[name]]));
  const result = keyDrivers(rated, { outcome: (r) => r.score, drivers, resamples: DRIVER_RESAMPLES });
  if (result.rSquared === undefined) return undefined;
  const rows = result.drivers
    .slice()
    .sort((a, b) => a.rank - b.rank)
    .map((d) => ({
      driver: d.name,
      rank: d.rank,
      share: d.share,
      importance: d.importance,
      lower: d.interval?.lower,
      upper: d.interval?.upper,
      performance: d.performance,
      quadrant: d.quadrant,
    }));
  const lines = [
    `NPS (0–10) on ${names.length} attribute ratings (1–5) from ${count(result.respondents)} complete answers (${count(result.skipped)} with a rating missing left out).`,
    `The ratings explain R² = ${pct(result.rSquared)} of the variance of the score (95 % bootstrap interval ${interval(result.rSquaredInterval?.lower, result.rSquaredInterval?.upper, (x) => pct(x))}).`,
    'Share = each rating’s part of R² (Johnson’s relative weights); interval on its part of R², seeded bootstrap.',
    'Improve = more important than average and rated below average: where a better rating would matter most.',
    ...table(
      [
        { header: 'rank', align: 'right' },
        { header: 'attribute' },
        { header: 'share of R²', align: 'right' },
        { header: 'part of R²', align: 'right' },
        { header: '95 % interval', align: 'right' },
        { header: 'mean rating', align: 'right' },
        { header: 'quadrant' },
      ],
      rows.map((r) => [String(r.rank), r.driver, pct(r.share), num(r.importance, 3), interval(r.lower, r.upper, (x) => num(x, 3)), num(r.performance, 2), QUADRANT[r.quadrant] ?? r.quadrant]),
    ),
    '',
    'Importance is association, not effect: it says which ratings move with the score, not what changing them would do.',
  ];
  return {
    id: 'keyDrivers',
    title: 'Key drivers of NPS',
    lines,
    data: { respondents: result.respondents, skipped: result.skipped, rSquared: result.rSquared, rSquaredInterval: result.rSquaredInterval, method: result.method, drivers: rows },
  };
}
