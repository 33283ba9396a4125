/**
 * One customer's history at discrete transaction opportunities (annual appeals, weekly issues,
 * conference editions), as the discrete-time models (BG/BB) read it: what happened at the
 * opportunities after the first transaction. All three are whole numbers of opportunities.
 */
export interface DiscreteCustomerHistory {
  /** x, the number of opportunities with a (repeat) transaction, 0 ≤ x ≤ `recency`. */
  readonly frequency: number;
  /** tₓ, the opportunity of the last transaction (1…`periods`), 0 when `frequency` is 0. */
  readonly recency: number;
  /** n, the number of opportunities observed after the first transaction, ≥ 0. */
  readonly periods: number;
}
