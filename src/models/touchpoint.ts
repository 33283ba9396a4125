import type { Channel } from './channel';

/**
 * A place in the experience where the customer meets the company (checkout page, call
 * centre…). Read untrusted JSON with `parseTouchpoint`.
 */
export interface Touchpoint {
  /** Stable identifier, referenced by interactions' `touchpoint`. */
  readonly id: string;
  /** Human-readable name for reports. */
  readonly name: string;
  /** The channel the touchpoint belongs to. */
  readonly channel: Channel;
  /** The journey stage it usually belongs to, if any. */
  readonly stage?: string;
}
