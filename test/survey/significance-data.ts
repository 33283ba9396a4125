/** Reference values for the significance tests (see reference/significance_reference.py) and response builders. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Interaction, SurveyMetric } from '../../src/models/index';
import { repoRoot } from '../support/doc-examples';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const reference: any = JSON.parse(readFileSync(join(repoRoot, 'test', 'survey', 'reference', 'significance-reference.json'), 'utf8'));

let serial = 0;

/** One survey response. */
export function response(metric: SurveyMetric, score: number, extra: { channel?: string; at?: number; weight?: number } = {}): Interaction {
  return { type: 'survey', metric, customerId: `c${serial++}`, at: extra.at ?? Date.UTC(2024, 0, 15), score, ...(extra.channel === undefined ? {} : { channel: extra.channel }) } as Interaction;
}

/** NPS answers from counts: promoters score 10, passives 8, detractors 3. */
export function npsResponses(counts: readonly number[], extra: { channel?: string; at?: number } = {}): Interaction[] {
  const [p, pa, d] = counts as [number, number, number];
  return [...Array<number>(p).fill(10), ...Array<number>(pa).fill(8), ...Array<number>(d).fill(3)].map((s) => response('nps', s, extra));
}

/** CSAT answers from counts: satisfied score 5, the others 2. */
export function csatResponses(satisfied: number, total: number, extra: { channel?: string; at?: number } = {}): Interaction[] {
  return Array.from({ length: total }, (_, i) => response('csat', i < satisfied ? 5 : 2, extra));
}

/** Start of a `YYYY-MM` month or `YYYY-Qn` quarter label, plus 10 days, in epoch ms. */
export function instantOf(label: string): number {
  const q = label.match(/^(\d{4})-Q(\d)$/);
  if (q) return Date.UTC(Number(q[1]), (Number(q[2]) - 1) * 3, 11);
  const [y, m] = label.split('-').map(Number) as [number, number];
  return Date.UTC(y, m - 1, 11);
}
