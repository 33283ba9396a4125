import { toEpochMs } from '../internal/calendar';
import { forEachValue, isMissing, requireValues } from '../internal/input';
import { createScratch, readJourney, readStageList } from '../models/journey-reader';
import { isConvertedJourney, readConversionTest } from './journey-reading';
import { addResponse, MetricBuffers } from './survey-responses';
import { ScaleMeans } from '../survey/scale-means';
import type { Journey } from '../models/journey';
import type { Accessor, Values } from '../models/values';
import { classifyNps, type NpsCategory } from '../survey/classify-nps';
import { nps, type NpsResult } from '../survey/nps';
import { optionKeys, readOptions } from '../internal/options';

/** Options of {@link journeySatisfaction}. */
export interface JourneySatisfactionOptions {
  /**
   * What counts as converting: a stage name (the journey converted when it reached it) or a
   * predicate. Default: none (no split by outcome).
   */
  readonly converted?: string | Accessor<Journey, boolean>;
  /** Ordered stage list to validate journeys against. Default: none. */
  readonly stages?: readonly string[];
}

/** The survey answers along one journey, rolled up. */
export interface JourneySatisfactionRow {
  /** Position of the journey in the input. */
  readonly index: number;
  /** The journey's customer. */
  readonly customerId: string;
  /** The journey's id, if it has one. */
  readonly id: string | undefined;
  /** Whether it converted; `undefined` without the `converted` option. */
  readonly converted: boolean | undefined;
  /** Survey answers along the journey, all metrics. */
  readonly responses: number;
  /** The latest NPS answer (greatest `at`; among equal times the last listed); `undefined` without one. */
  readonly latestNps: number | undefined;
  /** Its category, by {@link classifyNps}; `undefined` without an NPS answer. */
  readonly npsCategory: NpsCategory | undefined;
  /** Mean CSAT answer on its scale, by {@link survey!csat | csat}; `undefined` without CSAT answers. */
  readonly csatMean: number | undefined;
  /** Mean CES answer on its scale, by {@link survey!ces | ces}; `undefined` without CES answers. */
  readonly cesMean: number | undefined;
}

/** The journeys of one outcome and the NPS of their latest answers. */
export interface JourneySatisfactionOutcome {
  /** Journeys with this outcome. */
  readonly journeys: number;
  /** NPS over each journey's latest NPS answer (one answer per journey), by {@link nps}; pass it to `compareNps`. */
  readonly nps: NpsResult;
}

/** Converting versus non-converting journeys. */
export interface JourneySatisfactionByOutcome {
  /** Journeys that converted. */
  readonly converted: JourneySatisfactionOutcome;
  /** Journeys that did not (dropped off or still on the way). */
  readonly notConverted: JourneySatisfactionOutcome;
}

/** What {@link journeySatisfaction} returns. */
export interface JourneySatisfactionResult {
  /** One row per journey, in input order. */
  readonly journeys: readonly JourneySatisfactionRow[];
  /** `null`/`undefined` entries (and answers with a missing score) skipped. */
  readonly skipped: number;
  /** NPS over all journeys' latest answers. */
  readonly nps: NpsResult;
  /** Converting versus non-converting journeys; `undefined` without `converted`. */
  readonly byOutcome: JourneySatisfactionByOutcome | undefined;
}

const FN = 'journeySatisfaction';
const OPTION_KEYS = optionKeys<JourneySatisfactionOptions>({ converted: true, stages: true });

/**
 * Per journey, a roll-up of the satisfaction answers along it — the latest NPS answer and its
 * category, the mean CSAT and CES — so that journeys can be compared by outcome, e.g. the NPS
 * of customers who converted versus those who dropped off, with `compareNps`.
 *
 * ```text
 * latestNps(journey) = score of the NPS answer with the greatest `at`
 * csatMean, cesMean  = mean answer on the metric's scale (csat(...).mean, ces(...).mean)
 * nps(outcome)       = NPS over the latest answers of the outcome's journeys
 *                      (one answer per customer journey, so no customer counts twice)
 * ```
 *
 * Answers are checked as {@link touchpointScores} checks them (metric, scale, score); an
 * error names the journey's index.
 *
 * @param journeys - Journeys; `null`/`undefined` skipped.
 * @param options - `converted`, `stages`; see {@link JourneySatisfactionOptions}.
 * @returns Per-journey rows, the overall NPS and, with `converted`, the NPS of each outcome.
 * @throws CxMetricsError `INVALID_OPTION` (`converted`, stage list), `UNKNOWN_REFERENCE`
 *   (another customer's interaction, an unknown stage or metric), `ORDER_VIOLATION`,
 *   `INVALID_DATE`, `INVALID_RECORD`, `INCONSISTENT_INPUT` (scales), and the score codes of
 *   the survey functions (`OUT_OF_RANGE`, `NOT_AN_INTEGER`, `INVALID_NUMBER`).
 *   `INVALID_INPUT` when `journeys` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested).
 *
 * @example
 * ```ts
 * import { journeySatisfaction } from 'cx-metrics/journey';
 * import { compareNps } from 'cx-metrics/survey';
 * const answer = (customerId: string, at: number, score: number) => ({ type: 'survey' as const, customerId, at, metric: 'nps' as const, score });
 * const journey = (customerId: string, bought: boolean, ...scores: number[]) => ({
 *   customerId,
 *   stages: [
 *     { name: 'browse', enteredAt: 0, interactions: scores.map((s, k) => answer(customerId, k, s)) },
 *     ...(bought ? [{ name: 'buy', enteredAt: 10, interactions: [] }] : []),
 *   ],
 * });
 * const s = journeySatisfaction(
 *   [journey('a', true, 3, 10), journey('b', true, 9), journey('c', false, 2), journey('d', false, 8), journey('e', false)],
 *   { converted: 'buy' },
 * );
 * s.journeys[0]; // => { latestNps: 10, npsCategory: 'promoter', converted: true, responses: 2 }
 * s.byOutcome?.converted.nps.score; // => 100
 * s.byOutcome?.notConverted.nps.score; // => -50
 * compareNps(s.byOutcome!.converted.nps, s.byOutcome!.notConverted.nps)?.difference; // => 150
 * ```
 */
export function journeySatisfaction(journeys: Values<Journey | null | undefined>, options: JourneySatisfactionOptions = {}): JourneySatisfactionResult {
  requireValues(FN, 'journeys', journeys);
  readOptions(FN, options, OPTION_KEYS);
  const list = options.stages === undefined ? undefined : readStageList(FN, options.stages);
  const isConverted = readConversionTest(FN, options.converted, list);
  const scratch = createScratch();
  const buffers = new MetricBuffers();
  // The means of `csat` and `ces` from the same bins and moments, without building a full
  // survey result (and the CES Student-t interval) per journey.
  const csatMeans = new ScaleMeans('csat');
  const cesMeans = new ScaleMeans('ces');
  const rows: JourneySatisfactionRow[] = [];
  const latest: number[] = [];
  const latestConverted: number[] = [];
  const latestNotConverted: number[] = [];
  let converted = 0;
  let skipped = 0;
  forEachValue(journeys, (journey, i) => {
    if (isMissing(journey)) {
      skipped++;
      return;
    }
    readJourney(FN, journey, i, list, scratch);
    // One set of buffers for all journeys: a fresh typed array per journey would churn memory.
    buffers.reset();
    let latestAt = -Infinity;
    let latestScore: number | undefined;
    for (const stage of journey.stages) {
      for (const interaction of stage.interactions) {
        if (interaction.type !== 'survey') continue;
        if (isMissing(interaction.score)) {
          skipped++;
          continue;
        }
        addResponse(FN, buffers, interaction, i);
        if (interaction.metric === 'nps') {
          const at = toEpochMs(FN, 'at', interaction.at, i);
          if (at >= latestAt) {
            latestAt = at;
            latestScore = interaction.score;
          }
        }
      }
    }
    let outcome: boolean | undefined;
    if (isConverted !== undefined) {
      const yes = isConvertedJourney(FN, isConverted, journey, i);
      outcome = yes;
      if (yes) converted++;
    }
    if (latestScore !== undefined) {
      latest.push(latestScore);
      if (outcome === true) latestConverted.push(latestScore);
      else if (outcome === false) latestNotConverted.push(latestScore);
    }
    rows.push(
      Object.freeze({
        index: i,
        customerId: journey.customerId,
        id: journey.id,
        converted: outcome,
        responses: buffers.nps.length + buffers.csat.length + buffers.ces.length,
        latestNps: latestScore,
        npsCategory: latestScore === undefined ? undefined : classifyNps(latestScore),
        csatMean: csatMeans.mean(buffers.csat, buffers.csatScale),
        cesMean: cesMeans.mean(buffers.ces, buffers.cesScale),
      }),
    );
  });
  return Object.freeze({
    journeys: Object.freeze(rows),
    skipped,
    nps: nps(latest),
    byOutcome:
      isConverted === undefined
        ? undefined
        : Object.freeze({
            converted: Object.freeze({ journeys: converted, nps: nps(latestConverted) }),
            notConverted: Object.freeze({ journeys: rows.length - converted, nps: nps(latestNotConverted) }),
          }),
  });
}
