/**
 * Compensated (Neumaier / Kahan–Babuška) summation: money and weights are added without
 * the drift of naive `+=`, and the state is a plain object so reducers can merge it.
 *
 * Source: A. Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation
 * endlicher Summen", ZAMM 54(1).
 */
export interface CompensatedSum {
  /** Running sum. */
  sum: number;
  /** Running compensation: the low-order bits lost by `sum`. */
  compensation: number;
}

export function createSum(): CompensatedSum {
  return { sum: 0, compensation: 0 };
}

/** Add `x` in place. */
export function addToSum(state: CompensatedSum, x: number): void {
  const t = state.sum + x;
  if (Math.abs(state.sum) >= Math.abs(x)) state.compensation += state.sum - t + x;
  else state.compensation += x - t + state.sum;
  state.sum = t;
}

/** A new state holding `a + b`; neither argument is changed. */
export function mergeSums(a: CompensatedSum, b: CompensatedSum): CompensatedSum {
  const out = { sum: a.sum, compensation: a.compensation + b.compensation };
  addToSum(out, b.sum);
  return out;
}

/** The compensated total. */
export function sumValue(state: CompensatedSum): number {
  return state.sum + state.compensation;
}

/** Compensated sum of an array of numbers. */
export function preciseSum(values: ArrayLike<number>): number {
  const s = createSum();
  for (let i = 0; i < values.length; i++) addToSum(s, values[i] as number);
  return sumValue(s);
}
