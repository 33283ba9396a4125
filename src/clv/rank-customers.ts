import type { PredictClvResult } from './predict-clv';
import { describeValue, fail, requireCount, requireFinite, requireOneOf } from '../internal/validate';
import { readOptions } from '../internal/options';

/** The per-customer columns of a {@link PredictClvResult} that customers can be ranked by. */
export type RankCustomersBy = 'clv' | 'probabilityAlive' | 'expectedPurchases' | 'expectedSpend';

/** Options of {@link rankCustomers}. */
export interface RankCustomersOptions {
  /** The column to rank by, highest first. Default `'clv'`. */
  readonly by?: RankCustomersBy;
  /** Keep only the first `top` customers, a whole number ≥ 0. Default: all. */
  readonly top?: number;
}

/** One ranked customer: their rank, input position and predictions. Frozen. */
export interface RankedCustomer {
  /** 1 for the highest score. Ties keep input order and get consecutive ranks. */
  readonly rank: number;
  /** The customer's position in the input of {@link predictClv}. */
  readonly index: number;
  /** The customer's discounted CLV over the horizon. */
  readonly clv: number;
  /** P(alive). */
  readonly probabilityAlive: number;
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: number;
  /** Expected spend per purchase. */
  readonly expectedSpend: number;
}

const BY: readonly RankCustomersBy[] = ['clv', 'probabilityAlive', 'expectedPurchases', 'expectedSpend'];

/**
 * Rank the customers of a {@link predictClv} result (whatever its transaction and spend models), highest first: the top customers by
 * CLV (whom to keep), by probability alive (who is still a customer), by expected purchases or
 * by expected spend.
 *
 * ```text
 * order by score descending, then by input position ascending (deterministic ties)
 * ```
 *
 * Selects the top k with a bounded heap (O(n log k)), so the top 100 of a million is cheap.
 *
 * Source: the ranking use of CLV in Fader, Hardie & Lee (2005), RFM and CLV, *J. Marketing
 * Research* 42(4).
 *
 * @param prediction - The result of {@link predictClv}.
 * @param options - `by` (default `'clv'`) and `top` (default all).
 * @returns The ranked customers, at most `top`; empty when there are none.
 * @throws {@link models!CxMetricsError} `INVALID_OPTION` for an unknown `by`; `INVALID_NUMBER`,
 *   `NEGATIVE_VALUE` or `NOT_AN_INTEGER` for a bad `top`; `INVALID_NUMBER` for a score that is
 *   not a finite number (naming its index); `INCONSISTENT_INPUT` when `prediction` is not a
 *   {@link predictClv} result or its columns differ in length.
 *   `INVALID_OPTION` for options that are not a plain object or an unknown key (the near miss is
 *   suggested).
 *
 * @example
 * ```ts
 * import { bgNbd, predictClv, rankCustomers } from 'cx-metrics/clv';
 * const customers = [
 *   { id: 'ann', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
 *   { id: 'bob', frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
 *   { id: 'cat', frequency: 7, recency: 29.43, T: 35.38, monetaryValue: 73.74 },
 * ];
 * const prediction = predictClv(
 *   bgNbd,
 *   { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   { gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 } },
 *   customers,
 *   { timeUnit: 'week', horizon: 12, horizonUnit: 'month' },
 * );
 * rankCustomers(prediction, { top: 2 }).map((c) => customers[c.index]!.id); // => ['cat', 'ann']
 * rankCustomers(prediction, { by: 'probabilityAlive' }).map((c) => c.index); // => [1, 2, 0]
 * rankCustomers(prediction, { by: 'recency' as 'clv' }); // => throws INVALID_OPTION
 * ```
 */
export function rankCustomers(prediction: PredictClvResult, options: RankCustomersOptions = {}): RankedCustomer[] {
  const fn = 'rankCustomers';
  options = readOptions(fn, options, ['by', 'top']);
  const by = options.by === undefined ? 'clv' : requireOneOf(fn, 'by', options.by, BY);
  if (prediction === null || typeof prediction !== 'object' || !ArrayBuffer.isView(prediction.index)) {
    throw fail('INCONSISTENT_INPUT', fn, `prediction ${describeValue(prediction)} is not a predictClv result (no index column)`, {
      field: 'prediction',
      value: prediction,
    });
  }
  const n = prediction.index.length;
  for (const column of BY) {
    const values: ArrayLike<number> | undefined = prediction[column];
    if (!ArrayBuffer.isView(values) || values.length !== n) {
      const found = ArrayBuffer.isView(values) ? `${values.length} values` : describeValue(values);
      throw fail('INCONSISTENT_INPUT', fn, `the prediction's ${column} has ${found} for ${n} customers`, { field: column });
    }
  }
  const top = options.top === undefined ? n : Math.min(n, requireCount(fn, 'top', options.top));
  const score = prediction[by];
  // A NaN would make the order depend on the sort's internals: refuse it (predictClv never gives one).
  for (let i = 0; i < n; i++) requireFinite(fn, by, score[i], i);
  // a ranks before b: higher score, then lower position.
  const before = (i: number, j: number) => (score[i] as number) > (score[j] as number) || ((score[i] as number) === (score[j] as number) && i < j);
  let order: number[];
  if (top >= n / 4) {
    order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0));
    order.length = top;
  } else {
    // A min-heap (by rank order) of the best `top` so far; its root is the weakest kept.
    const heap: number[] = [];
    const worse = (i: number, j: number) => before(j, i);
    const siftDown = (k: number) => {
      for (;;) {
        const l = 2 * k + 1;
        const rr = l + 1;
        let m = k;
        if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
        if (rr < heap.length && worse(heap[rr] as number, heap[m] as number)) m = rr;
        if (m === k) return;
        [heap[k], heap[m]] = [heap[m] as number, heap[k] as number];
        k = m;
      }
    };
    for (let i = 0; i < n && top > 0; i++) {
      if (heap.length < top) {
        heap.push(i);
        for (let k = heap.length - 1; k > 0; ) {
          const parent = (k - 1) >> 1;
          if (!worse(heap[k] as number, heap[parent] as number)) break;
          [heap[k], heap[parent]] = [heap[parent] as number, heap[k] as number];
          k = parent;
        }
      } else if (before(i, heap[0] as number)) {
        heap[0] = i;
        siftDown(0);
      }
    }
    order = heap.sort((i, j) => (before(i, j) ? -1 : 1));
  }
  return order.map((i, k) =>
    Object.freeze({
      rank: k + 1,
      index: prediction.index[i] as number,
      clv: prediction.clv[i] as number,
      probabilityAlive: prediction.probabilityAlive[i] as number,
      expectedPurchases: prediction.expectedPurchases[i] as number,
      expectedSpend: prediction.expectedSpend[i] as number,
    }),
  );
}
