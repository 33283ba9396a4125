/**
 * Reading the customer rows the validation functions take (calibration history, holdout
 * purchases and length, weight) into checked columns, one pass over any iterable, and checking
 * the transaction model and its parameters. Not exported from the barrel.
 */
import type { Accessor, Values } from '../models/values';
import type { ModelName } from '../models/model';
import type { ContinuousTransactionModel, TransactionModelKernel } from './model';
import { forEachValue, isMissing, requireValues, initialCapacity } from '../internal/input';
import { describeValue, fail, requireCount, requireNonNegative } from '../internal/validate';
import { checkRecencyAge } from './rfm-rows';

/** How one numeric field is read and checked. */
export interface ValidationField<D> {
  /** Its name in messages and the default field read. */
  readonly name: string;
  /** The accessor given, or `undefined` for the field of that name. */
  readonly read: Accessor<D, unknown> | undefined;
  /** `count`: a whole number ≥ 0; `nonNegative`: a finite number ≥ 0. */
  readonly kind: 'count' | 'nonNegative';
}

/** Checked columns, one per field in order, and the weights; `length` rows used. */
export interface ValidationColumns {
  readonly columns: Float64Array[];
  readonly weight: Float64Array;
  /** Input position of each row used. */
  readonly at: Float64Array;
  readonly length: number;
  /** Rows that were `null`/`undefined` or had a missing field. */
  readonly skipped: number;
}

type Row = Record<string, unknown> | null | undefined;
// One monomorphic reader per known field (a keyed `d[name]` read would be megamorphic and slow).
const DEFAULT_READERS: Readonly<Record<string, Accessor<Row, unknown>>> = {
  frequency: (d) => (typeof d === 'object' && d !== null ? d.frequency : undefined),
  recency: (d) => (typeof d === 'object' && d !== null ? d.recency : undefined),
  T: (d) => (typeof d === 'object' && d !== null ? d.T : undefined),
  holdoutFrequency: (d) => (typeof d === 'object' && d !== null ? d.holdoutFrequency : undefined),
  holdoutDuration: (d) => (typeof d === 'object' && d !== null ? d.holdoutDuration : undefined),
};

function defaultReader(name: string): Accessor<unknown, unknown> {
  return (DEFAULT_READERS[name] ?? ((d: Row) => (typeof d === 'object' && d !== null ? d[name] : undefined))) as Accessor<unknown, unknown>;
}

/**
 * Read `rows` into columns of the given fields (and a weight, default 1). A row that is
 * null/undefined or misses a field is skipped and counted. When the fields include
 * `frequency`, `recency` and `T`, their consistency is checked as every model does.
 */
export function readValidationRows<D>(
  fn: string,
  rows: Values<D>,
  fields: readonly ValidationField<D>[],
  weight: Accessor<D, unknown> | undefined,
): ValidationColumns {
  requireValues(fn, 'customers', rows);
  const readers = fields.map((f) => f.read ?? (defaultReader(f.name) as Accessor<D, unknown>));
  const width = fields.length;
  let capacity = initialCapacity(rows);
  let columns: Float64Array[] = fields.map(() => new Float64Array(capacity));
  let w: Float64Array = new Float64Array(capacity);
  let at: Float64Array = new Float64Array(capacity);
  const ix = fields.findIndex((f) => f.name === 'frequency');
  const itx = fields.findIndex((f) => f.name === 'recency');
  const iT = fields.findIndex((f) => f.name === 'T');
  // Up to five fields held in locals (no per-row array, monomorphic calls).
  const none: Accessor<D, unknown> = () => 0;
  const [r0 = none, r1 = none, r2 = none, r3 = none, r4 = none] = readers;
  if (width > 5) throw new Error('internal readValidationRows: more than five fields');
  const isCount = fields.map((f) => f.kind === 'count');
  const check = (c: number, v: unknown, i: number): number => {
    const field = fields[c] as ValidationField<D>;
    if (isCount[c]) return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : requireCount(fn, field.name, v, i);
    return typeof v === 'number' && v >= 0 && v < Infinity ? v : requireNonNegative(fn, field.name, v, i);
  };
  let length = 0;
  let skipped = 0;
  forEachValue(rows, (d, i) => {
    if (isMissing(d)) {
      skipped++;
      return;
    }
    const v0 = r0(d, i);
    const v1 = width > 1 ? r1(d, i) : 0;
    const v2 = width > 2 ? r2(d, i) : 0;
    const v3 = width > 3 ? r3(d, i) : 0;
    const v4 = width > 4 ? r4(d, i) : 0;
    const rawW = weight?.(d, i);
    if (isMissing(v0) || isMissing(v1) || isMissing(v2) || isMissing(v3) || isMissing(v4) || (weight !== undefined && isMissing(rawW))) {
      skipped++;
      return;
    }
    if (length === capacity) {
      capacity *= 2;
      const grow = (a: Float64Array): Float64Array => {
        const b = new Float64Array(capacity);
        b.set(a);
        return b;
      };
      columns = columns.map(grow);
      w = grow(w);
      at = grow(at);
    }
    (columns[0] as Float64Array)[length] = check(0, v0, i);
    if (width > 1) (columns[1] as Float64Array)[length] = check(1, v1, i);
    if (width > 2) (columns[2] as Float64Array)[length] = check(2, v2, i);
    if (width > 3) (columns[3] as Float64Array)[length] = check(3, v3, i);
    if (width > 4) (columns[4] as Float64Array)[length] = check(4, v4, i);
    if (ix >= 0 && itx >= 0 && iT >= 0) {
      const x = (columns[ix] as Float64Array)[length] as number;
      const tx = (columns[itx] as Float64Array)[length] as number;
      const T = (columns[iT] as Float64Array)[length] as number;
      if (tx > T || (x === 0 && tx !== 0)) checkRecencyAge(fn, x, tx, T, i);
    }
    w[length] = weight === undefined ? 1 : requireNonNegative(fn, 'weight', rawW, i);
    at[length] = i;
    length++;
  });
  return { columns, weight: w, at, length, skipped };
}

/**
 * The continuous-time transaction model and its parameters checked: a descriptor with a
 * kernel (BG/NBD, MBG/NBD, Pareto/NBD), and parameters that are not another model's fit.
 */
export function requireContinuousModel<M extends ModelName, P>(
  fn: string,
  model: ContinuousTransactionModel<M, P>,
  params: P,
): TransactionModelKernel {
  if (model === null || typeof model !== 'object' || typeof model.kernel !== 'function') {
    throw fail('INVALID_INPUT', fn, `model ${describeValue(model)} is not a continuous-time transaction model (pass bgNbd or paretoNbd)`, {
      field: 'model',
      value: model,
    });
  }
  const fitted = params !== null && typeof params === 'object' ? (params as { readonly model?: unknown }).model : undefined;
  if (fitted !== undefined && fitted !== model.model) {
    throw fail('INCONSISTENT_INPUT', fn, `params are a ${describeValue(fitted)} fit but the model is ${describeValue(model.model)}`, { field: 'params', value: fitted });
  }
  return model.kernel(fn, params);
}

/** The label of frequency group k when groups from `top` on are pooled: `'3'`, `'7+'`. */
export function cutLabel(k: number, top: number): string {
  return k === top ? `${k}+` : String(k);
}

/** The `maxFrequency` option: a whole number from 1 to 1,000 (default 7). */
export function requireMaxFrequency(fn: string, value: unknown): number {
  if (value === undefined) return 7;
  const k = requireCount(fn, 'maxFrequency', value);
  if (k < 1 || k > 1000) {
    throw fail('OUT_OF_RANGE', fn, `maxFrequency ${describeValue(k)} must be from 1 to 1000`, { field: 'maxFrequency', value: k });
  }
  return k;
}
