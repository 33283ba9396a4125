import type { Accessor } from '../models/values';

/**
 * One customer's purchase history as every transaction model (BG/NBD, Pareto/NBD) reads it; a
 * `summarizeTransactions` row is one. Times share one unit (e.g. weeks).
 */
export interface CustomerHistory {
  /** Repeat purchases x: purchases after the first (a whole number ≥ 0). */
  readonly frequency: number;
  /** tₓ, time from the first to the last purchase (0 when `frequency` is 0); ≤ `T`. */
  readonly recency: number;
  /** T, time from the first purchase to the end of observation, ≥ 0. */
  readonly T: number;
}

/** Accessors reading a {@link CustomerHistory}'s fields from any record type. */
export interface CustomerHistoryAccessors<D> {
  /** Repeat purchases x of a record. */
  readonly frequency: Accessor<D, number | null | undefined>;
  /** Recency tₓ of a record (first to last purchase). */
  readonly recency: Accessor<D, number | null | undefined>;
  /** Age T of a record (first purchase to end of observation). */
  readonly T: Accessor<D, number | null | undefined>;
}

/**
 * The accessors an options object carries: optional for {@link CustomerHistory} rows (the fields
 * are read by name), required for any other record type.
 */
export type CustomerHistoryAccessorOptions<D> = [D] extends [CustomerHistory | null | undefined] ? Partial<CustomerHistoryAccessors<D>> : CustomerHistoryAccessors<D>;

/**
 * Options of the functions that read many customer histories at once (the fits, the
 * log-likelihoods): `weight`, plus the accessors of {@link CustomerHistoryAccessorOptions}.
 */
export type CustomerHistoryOptions<D> = {
  /**
   * The number of customers a row stands for (a grouped row from a warehouse query), ≥ 0.
   * Default: every row is one customer. Weighted grouped rows count exactly like their expansion.
   */
  readonly weight?: Accessor<D, number | null | undefined>;
} & CustomerHistoryAccessorOptions<D>;
