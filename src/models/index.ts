export { CX_METRICS_ERROR_CODES, CxMetricsError } from '../errors';
export type { CxMetricsErrorCode, CxMetricsErrorDetails, CxMetricsIssue } from '../errors';
export { CHANNELS } from './channel';
export type { Channel } from './channel';
export type { AttributeValue, Customer } from './customer';
export { DEFAULT_SURVEY_SCALES, INTERACTION_TYPES, SURVEY_METRICS } from './interaction';
export type {
  Interaction,
  InteractionBase,
  InteractionType,
  Purchase,
  SupportContact,
  SurveyMetric,
  SurveyResponse,
  SurveyScale,
  TouchpointVisit,
} from './interaction';
export type { Journey, JourneyStage } from './journey';
export { parseCustomer } from './parse-customer';
export { parseInteraction } from './parse-interaction';
export { parseInteractions } from './parse-interactions';
export { parseJourney } from './parse-journey';
export { parseJourneys } from './parse-journeys';
export { parseTouchpoint } from './parse-touchpoint';
export type { Reducer } from './reducer';
export { DURATION_UNITS, TIME_UNITS, UNIT_MILLISECONDS } from './time';
export type { DurationUnit, Instant, TimeUnit } from './time';
export type { Interval } from './interval';
export type { Touchpoint } from './touchpoint';
export type { Accessor, Values } from './values';
export type { FitDiagnostics, ModelDescriptor, ModelFit, ModelName, StandardErrors } from './model';
