// The time vocabulary, defined in the kernel (which does the calendar arithmetic) and public here.
export { DURATION_UNITS, TIME_UNITS, UNIT_MILLISECONDS } from '../internal/time';
export type { DurationUnit, Instant, TimeUnit } from '../internal/time';
