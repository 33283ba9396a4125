import type { Instant } from './time';

/** A scalar attribute value a customer record may carry (plan, region, plan price…). */
export type AttributeValue = string | number | boolean | null;

/** A customer: the unit every metric is ultimately about. Read untrusted JSON with `parseCustomer`. */
export interface Customer {
  /** Stable identifier, unique within a data set; a non-empty string. */
  readonly id: string;
  /** When the customer was acquired (first purchase, sign-up); optional. */
  readonly acquiredAt?: Instant;
  /** A segment label for grouping (e.g. `'enterprise'`, `'smb'`); optional. */
  readonly segment?: string;
  /** Free-form scalar attributes; never read by the calculators unless an accessor asks. */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}
