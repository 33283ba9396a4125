/**
 * Reading survey responses out of interactions or journeys for the journey-level survey
 * roll-ups: the metric, the score checked on its scale (with the input position in the
 * error), and the scale each metric uses.
 */
import type { Interaction, SurveyResponse, SurveyScale } from '../models/interaction';
import { DEFAULT_SURVEY_SCALES, SURVEY_METRICS } from '../models/interaction';
import type { Journey } from '../models/journey';
import { Float64Buffer } from '../internal/float64-buffer';
import { readJourney, type JourneyScratch } from '../models/journey-reader';
import { describeValue, fail, requireScore } from '../internal/validate';

/** Scores of the three metrics for one group, with the scale each was answered on. */
export class MetricBuffers {
  readonly nps = new Float64Buffer();
  readonly csat = new Float64Buffer();
  readonly ces = new Float64Buffer();
  csatScale: SurveyScale | undefined;
  cesScale: SurveyScale | undefined;
  /** Empty the buffers, keeping their memory, to read the next group. */
  reset(): void {
    this.nps.length = 0;
    this.csat.length = 0;
    this.ces.length = 0;
    this.csatScale = undefined;
    this.cesScale = undefined;
  }
}

/**
 * Check a survey response and add its score to `buffers`: a known metric
 * (`UNKNOWN_REFERENCE` otherwise), a valid scale that agrees with the group's earlier answers
 * (`INCONSISTENT_INPUT`), an integer score on it (`INVALID_NUMBER`, `OUT_OF_RANGE`,
 * `NOT_AN_INTEGER`). `index` is the position reported.
 */
export function addResponse(fn: string, buffers: MetricBuffers, response: SurveyResponse, index: number): void {
  const metric = response.metric;
  if (!SURVEY_METRICS.includes(metric)) {
    throw fail('UNKNOWN_REFERENCE', fn, `metric ${describeValue(metric)} at index ${index} is not one of ${SURVEY_METRICS.join(', ')}`, {
      index,
      field: 'metric',
      value: metric,
    });
  }
  const scale = response.scale ?? DEFAULT_SURVEY_SCALES[metric];
  if (metric === 'nps') {
    if (scale.min !== 0 || scale.max !== 10) {
      throw fail('INCONSISTENT_INPUT', fn, `an NPS answer at index ${index} has scale ${scale.min}–${scale.max}; NPS is always 0–10`, {
        index,
        field: 'scale',
        value: response.scale,
      });
    }
    buffers.nps.push(requireScore(fn, response.score, 0, 10, index));
    return;
  }
  const key = metric === 'csat' ? 'csatScale' : 'cesScale';
  const known = buffers[key];
  if (known === undefined) {
    if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || !(scale.min < scale.max)) {
      throw fail('INVALID_RECORD', fn, `scale ${describeValue(scale.min)}–${describeValue(scale.max)} at index ${index} is not an integer scale with min < max`, {
        index,
        field: 'scale',
        value: response.scale,
      });
    }
    buffers[key] = { min: scale.min, max: scale.max };
  } else if (known.min !== scale.min || known.max !== scale.max) {
    throw fail('INCONSISTENT_INPUT', fn, `a ${metric.toUpperCase()} answer at index ${index} is on the scale ${scale.min}–${scale.max}, others in its group on ${known.min}–${known.max}`, {
      index,
      field: 'scale',
      value: response.scale,
    });
  }
  buffers[metric].push(requireScore(fn, response.score, scale.min, scale.max, index));
}

/** Whether an input element is a journey (has `stages`) rather than an interaction. */
export function isJourney(value: object): value is Journey {
  return 'stages' in value;
}

/**
 * Visit every interaction of the input: interactions as given, journeys' interactions after
 * the journey has been validated. `index` is the element's position in the input.
 */
export function forEachInteraction(
  fn: string,
  value: object,
  index: number,
  scratch: JourneyScratch,
  visit: (interaction: Interaction, index: number, journey: Journey | undefined) => void,
): void {
  if (isJourney(value)) {
    readJourney(fn, value, index, undefined, scratch);
    for (const stage of value.stages) for (const interaction of stage.interactions) visit(interaction, index, value);
    return;
  }
  visit(value as Interaction, index, undefined);
}

