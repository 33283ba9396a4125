/**
 * One step of a funnel, apart from {@link journeyFunnel} so that the funnel counts
 * (`funnel.ts`) and the public functions import it one way.
 */
import type { Interval } from '../models/interval';

/** One stage of a {@link JourneyFunnelResult}. */
export interface JourneyFunnelStep {
  /** Stage name. */
  readonly stage: string;
  /** Journeys that reached this stage or any later one in the stage list. Never increases along the funnel. */
  readonly reached: number;
  /** Journeys that have this stage in their stage list (a journey may skip stages). */
  readonly entered: number;
  /** Journeys that reached the previous stage but not this one; 0 for the first stage. */
  readonly droppedOff: number;
  /** `reached / reached at the previous stage` (the first stage is compared with all journeys); `undefined` when the previous count is 0. */
  readonly fromPrevious: number | undefined;
  /** Wilson interval of {@link JourneyFunnelStep.fromPrevious}. */
  readonly fromPreviousInterval: Interval | undefined;
  /** `reached / reached at the first stage`; `undefined` when no journey reached it. */
  readonly fromFirst: number | undefined;
  /** Wilson interval of {@link JourneyFunnelStep.fromFirst}. */
  readonly fromFirstInterval: Interval | undefined;
  /** `droppedOff / reached at the previous stage` = `1 − fromPrevious`. */
  readonly dropOffRate: number | undefined;
  /** Wilson interval of {@link JourneyFunnelStep.dropOffRate}. */
  readonly dropOffInterval: Interval | undefined;
}
