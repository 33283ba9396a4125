/** The repeat customers' (x, z̄, weight) columns the Gamma-Gamma fit and log-likelihood read. */
import type { Values } from '../../models/values';
import { readRfmRows, type RfmAccessors, type RfmColumns } from '../rfm-rows';
import { fail } from '../../internal/validate';

/** Columns of the rows with x > 0 (the first `m` entries), and what was left out. */
export interface RepeatSpend {
  readonly x: Float64Array;
  readonly z: Float64Array;
  readonly w: Float64Array;
  /** Rows with x > 0. */
  readonly m: number;
  /** Σ weights of the rows with x > 0. */
  readonly sw: number;
  /** Σ weights of the rows with x = 0. */
  readonly withoutRepeat: number;
  /** Rows skipped because they, or a field, were null/undefined. */
  readonly skipped: number;
  /** Every row used (x = 0 included), with its input position. */
  readonly columns: RfmColumns;
}

/** Read the rows; `OUT_OF_RANGE` for a zero spend on a repeat customer (zero density). */
export function readRepeatSpend<D>(fn: string, rows: Values<D>, accessors: RfmAccessors<D>): RepeatSpend {
  const columns = readRfmRows(fn, rows, accessors, { recencyAge: false, monetary: true });
  const x = new Float64Array(columns.length);
  const z = new Float64Array(columns.length);
  const w = new Float64Array(columns.length);
  let m = 0;
  let withoutRepeat = 0;
  let sw = 0;
  for (let i = 0; i < columns.length; i++) {
    const xi = columns.x[i] as number;
    const wi = columns.w[i] as number;
    if (xi === 0) {
      withoutRepeat += wi;
      continue;
    }
    const zi = columns.z[i] as number;
    if (zi === 0) {
      // Name the input position: skipped rows make it differ from i.
      const index = columns.at[i] as number;
      throw fail('OUT_OF_RANGE', fn, `monetaryValue 0 at index ${index} with frequency ${xi}: a repeat customer's average spend must be positive`, {
        field: 'monetaryValue',
        value: zi,
        index,
      });
    }
    x[m] = xi;
    z[m] = zi;
    w[m++] = wi;
    sw += wi;
  }
  return { x, z, w, m, sw, withoutRepeat, skipped: columns.skipped, columns };
}
