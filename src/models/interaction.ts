import type { Channel } from './channel';
import type { Instant } from './time';

/** The survey metrics cx-metrics understands. */
export type SurveyMetric = 'nps' | 'csat' | 'ces';

/** The {@link SurveyMetric}s as a run-time list. */
export const SURVEY_METRICS: readonly SurveyMetric[] = Object.freeze(['nps', 'csat', 'ces'] as const);

/** An integer answer scale, both ends included: integers with `min < max` (e.g. CSAT 1–5). */
export interface SurveyScale {
  /** Lowest possible answer. */
  readonly min: number;
  /** Highest possible answer. */
  readonly max: number;
}

/**
 * The usual scale of each metric, used when a response carries none:
 * NPS 0–10 (fixed by definition), CSAT 1–5, CES 1–7.
 *
 * @example
 * ```ts
 * import { DEFAULT_SURVEY_SCALES } from 'cx-metrics/models';
 * DEFAULT_SURVEY_SCALES.csat; // => { min: 1, max: 5 }
 * ```
 */
export const DEFAULT_SURVEY_SCALES: Readonly<Record<SurveyMetric, SurveyScale>> = Object.freeze({
  nps: Object.freeze({ min: 0, max: 10 }),
  csat: Object.freeze({ min: 1, max: 5 }),
  ces: Object.freeze({ min: 1, max: 7 }),
});

/** Fields every interaction has. */
export interface InteractionBase {
  /** Identifier of the interaction, if the source has one. */
  readonly id?: string;
  /** The customer it belongs to. */
  readonly customerId: string;
  /** When it happened (for a support contact: when it was opened). */
  readonly at: Instant;
  /** Id of the touchpoint where it happened, if known. */
  readonly touchpoint?: string;
  /** Channel it happened in, if known. */
  readonly channel?: Channel;
}

/** An answer to an NPS, CSAT or CES question. */
export interface SurveyResponse extends InteractionBase {
  /** Discriminant: a survey answer. */
  readonly type: 'survey';
  /** Which question was asked. */
  readonly metric: SurveyMetric;
  /** The answer: an integer on `scale`. */
  readonly score: number;
  /** The answer scale; defaults to {@link DEFAULT_SURVEY_SCALES} for the metric. NPS is always 0–10. */
  readonly scale?: SurveyScale;
  /**
   * Attribute ratings asked in the same survey, by attribute (driver questions such as
   * `{ 'delivery speed': 4, 'support quality': 2 }`): whole numbers; an attribute not answered is
   * left out. Read by `keyDrivers`, e.g. `drivers: { speed: (r) => r.ratings?.['delivery speed'] }`.
   */
  readonly ratings?: Readonly<Record<string, number>>;
}

/** A purchase (an order): money in, with its currency. */
export interface Purchase extends InteractionBase {
  /** Discriminant: a purchase. */
  readonly type: 'purchase';
  /** Order value, ≥ 0, in `currency` units (not cents). */
  readonly amount: number;
  /** ISO 4217 currency code, e.g. `'USD'`. */
  readonly currency: string;
  /** Number of items, a whole number ≥ 0, if known. */
  readonly items?: number;
}

/** A support contact (ticket, call, chat) with its service timestamps. */
export interface SupportContact extends InteractionBase {
  /** Discriminant: a support contact; its `at` is when it was opened. */
  readonly type: 'support';
  /** Channel the contact came through (required for service levels). */
  readonly channel: Channel;
  /** When the company first answered; absent while waiting. Not before `at`. */
  readonly firstResponseAt?: Instant;
  /** When it was resolved; absent while open. Not before `at`. */
  readonly resolvedAt?: Instant;
  /** Whether it was resolved on the first contact (first-contact resolution), if known. */
  readonly resolvedOnFirstContact?: boolean;
}

/** A visit to a touchpoint (a page view, a store visit, an app screen). */
export interface TouchpointVisit extends InteractionBase {
  /** Discriminant: a touchpoint visit. */
  readonly type: 'visit';
  /** Id of the touchpoint visited (required for visits). */
  readonly touchpoint: string;
}

/**
 * Anything a customer does with the company, discriminated by `type`: narrow with
 * `if (x.type === 'survey') x.score`. Read untrusted JSON with `parseInteraction` or
 * `parseInteractions`, which check every field listed here.
 */
export type Interaction = SurveyResponse | Purchase | SupportContact | TouchpointVisit;

/** The `type` discriminants of {@link Interaction}. */
export type InteractionType = Interaction['type'];

/** The {@link InteractionType}s as a run-time list. */
export const INTERACTION_TYPES: readonly InteractionType[] = Object.freeze(['survey', 'purchase', 'support', 'visit'] as const);
