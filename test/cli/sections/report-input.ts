/** Small report inputs for the section tests (tests only). */
import { loadInput, STAGES } from '../../../src/cli/input';
import type { ReportInput } from '../../../src/cli/sections/types';
import type { Interaction, Purchase, SurveyMetric, SurveyResponse } from '../../../src/models';

/** A report input holding only `parts`, everything else empty. */
export function reportInput(parts: Partial<ReportInput>): ReportInput {
  return { files: [], sample: false, firstInstant: undefined, purchases: [], interactions: [], customers: [], journeys: [], observationEnd: 0, calibrationEnd: undefined, stages: STAGES, ...parts };
}

/** The bundled sample, as the report reads it. */
export function sampleInput(): ReportInput {
  return loadInput({ sample: true, files: {} });
}

export const day = (y: number, m: number, d: number, h = 0): number => Date.UTC(y, m - 1, d, h);

export function answer(customerId: string, metric: SurveyMetric, score: number, at: number, extra: Partial<SurveyResponse> = {}): Interaction {
  return { type: 'survey', customerId, at, metric, score, ...extra };
}

export function purchase(customerId: string, at: number, amount: number): Purchase {
  return { type: 'purchase', customerId, at, amount, currency: 'USD' };
}
