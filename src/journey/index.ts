// The journey domain barrel: one line per exported function file.
export { journeyFunnel } from './journey-funnel';
export { journeyFunnelTally } from './journey-funnel-tally';
export type { JourneyFunnelTallyGroup, JourneyFunnelTallyOptions, JourneyFunnelTallyState } from './journey-funnel-tally';
export type { JourneyFunnelGroup, JourneyFunnelOptions, JourneyFunnelResult, JourneyFunnelStep } from './journey-funnel';
export { journeyPaths } from './journey-paths';
export type { JourneyPath, JourneyPathRanking, JourneyPathsOptions, JourneyPathsResult } from './journey-paths';
export { DEFAULT_RFM_SEGMENT_RULES, rfmSegments } from './rfm-segments';
export type {
  RfmRecencyMeaning,
  RfmRow,
  RfmScoreRange,
  RfmSegmentCount,
  RfmSegmentRule,
  RfmSegmentsCustomer,
  RfmSegmentsOptions,
  RfmSegmentsResult,
  RfmSegmentsSettings,
} from './rfm-segments';
export { serviceLevels } from './service-levels';
export type {
  ServiceLevelsDistribution,
  ServiceLevelsFigures,
  ServiceLevelsFirstContactResolution,
  ServiceLevelsGroup,
  ServiceLevelsOptions,
  ServiceLevelsResult,
} from './service-levels';
export { stageTiming } from './stage-timing';
export type { StageTimingOptions, StageTimingPercentile, StageTimingResult, StageTimingStats, StageTimingStep } from './stage-timing';
export { touchpointScores } from './touchpoint-scores';
export type { TouchpointScoresGroup, TouchpointScoresGroupBy, TouchpointScoresOptions, TouchpointScoresResult } from './touchpoint-scores';
export { weakestTouchpoints } from './weakest-touchpoints';
export type { WeakestTouchpoint, WeakestTouchpointsOptions, WeakestTouchpointsResult } from './weakest-touchpoints';
export { journeySatisfaction } from './journey-satisfaction';
export type { JourneySatisfactionByOutcome, JourneySatisfactionOptions, JourneySatisfactionOutcome, JourneySatisfactionResult, JourneySatisfactionRow } from './journey-satisfaction';
