import type { Interaction } from './interaction';
import type { Instant } from './time';

/** One stage of a customer's journey, as the customer lived it. */
export interface JourneyStage {
  /** Stage name, e.g. `'awareness'`, `'consideration'`, `'purchase'`. */
  readonly name: string;
  /** When the customer entered the stage. */
  readonly enteredAt: Instant;
  /**
   * The customer's interactions while in the stage, oldest first by convention (parsers keep
   * the order given); every one belongs to the journey's customer.
   */
  readonly interactions: readonly Interaction[];
}

/**
 * A customer's journey: the stages reached, in order, with what happened in each. Read
 * untrusted JSON with `parseJourney`, which checks the order and the ownership rules below.
 */
export interface Journey {
  /** Identifier of the journey, if the source has one. */
  readonly id?: string;
  /** The customer whose journey it is. */
  readonly customerId: string;
  /** Stages in the order reached, at least one; `enteredAt` never decreases along the list (ties allowed). */
  readonly stages: readonly JourneyStage[];
  /** Segment label for grouping, if any. */
  readonly segment?: string;
}
