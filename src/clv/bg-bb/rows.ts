/**
 * Reading and validating the rows the BG/BB model fits: frequency x, recency tₓ (the
 * opportunity of the last transaction), periods n (opportunities observed) and an optional
 * weight (the number of customers a grouped row stands for). Each field is read through an
 * accessor or, by default, the field of that name.
 */
import type { Accessor, Values } from '../../internal/values';
import { checkBgBbHistory, MAX_OPPORTUNITIES, requireOpportunities } from './predict';
import { forEachValue, isMissing, initialCapacity } from '../../internal/input';
import { requireCount, requireNonNegative } from '../../internal/validate';

/** The fields a row may carry. */
export interface BgBbRowAccessors<D> {
  readonly frequency?: Accessor<D, number | null | undefined> | undefined;
  readonly recency?: Accessor<D, number | null | undefined> | undefined;
  readonly periods?: Accessor<D, number | null | undefined> | undefined;
  readonly weight?: Accessor<D, number | null | undefined> | undefined;
}

/** Validated columns; `length` rows are used. */
export interface BgBbColumns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
  readonly w: Float64Array;
  /** The input position of each row used. */
  readonly index: Uint32Array;
  readonly length: number;
  /** Rows that were null/undefined or had a missing field (skipped, counted). */
  readonly skipped: number;
}

type Row = { frequency?: unknown; recency?: unknown; periods?: unknown } | null | undefined;
// One monomorphic reader per field (a keyed `d[field]` read would be megamorphic and slow).
const readFrequency = (d: Row): unknown => (typeof d === 'object' && d !== null ? d.frequency : undefined);
const readRecency = (d: Row): unknown => (typeof d === 'object' && d !== null ? d.recency : undefined);
const readPeriods = (d: Row): unknown => (typeof d === 'object' && d !== null ? d.periods : undefined);

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Read every row into columns; a row that is null/undefined or misses a field is skipped and counted. */
export function readBgBbRows<D>(fn: string, rows: Values<D>, accessors: BgBbRowAccessors<D>): BgBbColumns {
  const readX = (accessors.frequency ?? readFrequency) as Accessor<D, unknown>;
  const readTx = (accessors.recency ?? readRecency) as Accessor<D, unknown>;
  const readN = (accessors.periods ?? readPeriods) as Accessor<D, unknown>;
  const readW = accessors.weight;
  let capacity = initialCapacity(rows);
  let x: Float64Array = new Float64Array(capacity);
  let tx: Float64Array = new Float64Array(capacity);
  let n: Float64Array = new Float64Array(capacity);
  let w: Float64Array = new Float64Array(capacity);
  let index = new Uint32Array(capacity);
  let length = 0;
  let skipped = 0;
  const grow = (a: Float64Array): Float64Array => {
    const b = new Float64Array(capacity);
    b.set(a);
    return b;
  };
  forEachValue(rows, (d, i) => {
    if (isMissing(d)) {
      skipped++;
      return;
    }
    const rawX = readX(d, i);
    const rawTx = readTx(d, i);
    const rawN = readN(d, i);
    const rawW = readW?.(d, i);
    if (isMissing(rawX) || isMissing(rawTx) || isMissing(rawN) || (readW !== undefined && isMissing(rawW))) {
      skipped++;
      return;
    }
    // Fast paths for valid numbers; the require* helpers build the error otherwise.
    const xi = isCount(rawX) ? rawX : requireCount(fn, 'frequency', rawX, i);
    const txi = isCount(rawTx) ? rawTx : requireCount(fn, 'recency', rawTx, i);
    const ni = isCount(rawN) && rawN <= MAX_OPPORTUNITIES ? rawN : requireOpportunities(fn, 'periods', rawN, i);
    if (txi > ni || xi > txi || (xi === 0 && txi !== 0)) checkBgBbHistory(fn, xi, txi, ni, i);
    const wi = readW === undefined ? 1 : requireNonNegative(fn, 'weight', rawW, i);
    if (length === capacity) {
      capacity *= 2;
      x = grow(x);
      tx = grow(tx);
      n = grow(n);
      w = grow(w);
      const wider = new Uint32Array(capacity);
      wider.set(index);
      index = wider;
    }
    x[length] = xi;
    tx[length] = txi;
    n[length] = ni;
    w[length] = wi;
    index[length] = i;
    length++;
  });
  return { x, tx, n, w, index, length, skipped };
}
