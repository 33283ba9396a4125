/** Options of the transaction-model simulators ({@link simulateBgNbd}, {@link simulateParetoNbd}). */
export interface SimulationOptions {
  /** How many customers to simulate, a whole number from 0 to 10,000,000. Required. */
  readonly customers: number;
  /**
   * Each customer's observation length T (first purchase to the end of observation), in the
   * model's time unit: one number for every customer, or `{ min, max }` for T drawn uniformly
   * in [min, max] per customer (cohorts acquired over time). Required.
   */
  readonly T:
    | number
    | {
        /** Shortest observation length, ≥ 0. */
        readonly min: number;
        /** Longest observation length, ≥ `min`. */
        readonly max: number;
      };
  /** Seed of the random stream, a whole number ≥ 0: the same seed gives the same rows everywhere. Required. */
  readonly seed: number;
  /**
   * Round times to multiples of this step, > 0 (e.g. `1 / 7` for days when the unit is weeks),
   * as a summary of dated transactions would: purchases rounded into the first purchase's step
   * are not repeat purchases, and purchases in the same step count once; at most the longest T.
   * Default: exact times.
   */
  readonly resolution?: number;
}
