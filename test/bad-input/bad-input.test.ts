/**
 * The one input gate, held against every public export: each invalid class of
 * `table.ts` is run against each row of the domain files. An export without a row fails here.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index';
import { CxMetricsError, type CxMetricsErrorCode } from '../../src/internal/errors';
import { describeValue } from '../../src/internal/validate';
import { thrownBy } from '../support/error-code';
import { clvRows } from './clv';
import { descriptorRows } from './descriptors';
import { journeyRows } from './journey';
import { modelsRows } from './models';
import { EXTREME_NUMBERS_PENDING, ROWS_PENDING_GATE_B } from './pending';
import { retentionRows } from './retention';
import { sqlRows } from './sql';
import { surveyRows } from './survey';
import { EXTREME_NUMBERS, HUGE_SIZES, NOT_ACCESSORS, NOT_COLLECTIONS, NOT_LEVELS, NOT_NUMBERS, NOT_OPTIONS, type Row } from './table';

const ROWS: readonly Row[] = [...modelsRows, ...surveyRows, ...retentionRows, ...clvRows, ...journeyRows, ...sqlRows, ...descriptorRows];

/** Exports that are not functions of input: the error class itself (its constructor is not a calculator). */
const NOT_CALCULATORS = new Set(['CxMetricsError']);

function isReducer(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ['create', 'add', 'merge', 'result'].every((k) => typeof (value as Record<string, unknown>)[k] === 'function');
}

/** A model descriptor (`bgNbd`, `sbg`, …): an object with a string `model` and a `fit` method. */
function isDescriptor(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['model'] === 'string' && typeof (value as Record<string, unknown>)['fit'] === 'function';
}

const EXPORTED_FUNCTIONS = new Set<unknown>(Object.values(api).filter((value) => typeof value === 'function'));

/**
 * Every method of a descriptor that is not itself an exported function (whose row covers it):
 * `bgNbd.fit`, `bgNbd.kernel`, … Each needs its own row, run through the same classes.
 */
const DESCRIPTOR_METHODS = Object.entries(api)
  .filter(([, value]) => isDescriptor(value))
  .flatMap(([name, value]) =>
    Object.entries(value as Record<string, unknown>)
      .filter(([, method]) => typeof method === 'function' && !EXPORTED_FUNCTIONS.has(method))
      .map(([key]) => `${name}.${key}`),
  );

/** Every export that must have a row: the functions, the reducer objects and the descriptors' own methods. */
const GATED = [
  ...Object.entries(api)
    .filter(([name, value]) => !NOT_CALCULATORS.has(name) && (typeof value === 'function' || isReducer(value)))
    .map(([name]) => name),
  ...DESCRIPTOR_METHODS,
].sort();

function label(value: unknown): string {
  return typeof value === 'function' ? 'a function' : describeValue(value) + (value instanceof Map ? ' (Map)' : value instanceof Date ? ' (Date)' : '');
}

/** The call must throw a CxMetricsError with `code`, a message `fn: …` mentioning each of `mentions`. */
function expectRejected(run: () => unknown, code: CxMetricsErrorCode, fn: string, mentions: readonly string[]): void {
  const error = thrownBy(run);
  if (!(error instanceof CxMetricsError)) {
    throw new Error(`expected CxMetricsError ${code}, got ${error === undefined ? 'a return' : String(error)}`);
  }
  expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.stringMatching(new RegExp(`^${fn}: `)) });
  for (const text of mentions) expect(error.message).toContain(text);
}

/** A typo two adjacent letters swapped (`level` → `lveel`), or undefined when that changes nothing. */
function transposed(key: string): string | undefined {
  if (key.length < 4 || key[1] === key[2]) return undefined;
  return key[0]! + key[2]! + key[1]! + key.slice(3);
}

/** The options with every accessor wrapped so that it fails if it is handed a null/undefined record. */
function guarded(options: unknown, accessors: readonly string[]): unknown {
  if (options === undefined) return options;
  const copy: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  for (const key of accessors) {
    const f = copy[key];
    if (typeof f !== 'function') continue;
    copy[key] = (d: unknown, i: number) => {
      if (d === null || d === undefined) throw new Error(`accessor ${key} was handed a ${String(d)} record at index ${i}`);
      return (f as (d: unknown, i: number) => unknown)(d, i);
    };
  }
  return copy;
}

function skippedOf(result: unknown): number | undefined {
  const s = (result as { skipped?: unknown } | undefined)?.skipped;
  return typeof s === 'number' ? s : undefined;
}

/** Where a result holds `NaN` or `±Infinity` (paths like `.groups.0.expected`); arrays and typed arrays included. */
function nonFiniteIn(value: unknown, path = '', seen = new Set<unknown>()): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}=${value}`];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>).flatMap((x, i) => nonFiniteIn(x, `${path}.${i}`, seen));
  }
  return Object.entries(value).flatMap(([key, x]) => nonFiniteIn(x, `${path}.${key}`, seen));
}

const PENDING: readonly string[] = ROWS_PENDING_GATE_B;

describe('every public export has a row in the bad-input table', () => {
  const names = ROWS.map((r) => r.name);
  it('finds every model descriptor, and each of its methods is an exported function or has a row', () => {
    const descriptors = Object.entries(api).filter(([, value]) => isDescriptor(value)).map(([name]) => name).sort();
    expect(descriptors).toEqual(['bgBb', 'bgNbd', 'gammaGamma', 'mbgNbd', 'paretoNbd', 'sbg']);
    expect(DESCRIPTOR_METHODS.filter((n) => !names.includes(n))).toEqual([]);
  });
  it('has one row per gated export, or is pending', () => {
    const missing = GATED.filter((n) => !names.includes(n) && !PENDING.includes(n));
    expect(missing).toEqual([]);
  });
  it('has no row for a name that is not a gated export, and no name twice', () => {
    expect(names.filter((n) => !GATED.includes(n))).toEqual([]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(PENDING.filter((n) => names.includes(n) || !GATED.includes(n))).toEqual([]);
  });
});

for (const row of ROWS) {
  const fn = row.fn ?? row.name;
  describe(row.name, () => {
    it('accepts its valid call', () => {
      expect(() => row.call(row.valid.data, row.valid.options)).not.toThrow();
    });

    if (row.collection !== undefined) {
      const { name, code = 'INVALID_INPUT' } = row.collection;
      it.each(NOT_COLLECTIONS.map((bad) => [label(bad), bad]))(`rejects ${name} %s with ${code}`, (_, bad) => {
        expectRejected(() => row.call(bad, row.valid.options), code, fn, code === 'INVALID_INPUT' ? [name, describeValue(bad)] : []);
      });
    }

    if (row.optionKeys !== undefined) {
      const keys = row.optionKeys;
      it.each(NOT_OPTIONS.map((bad) => [label(bad), bad]))('rejects options %s with INVALID_OPTION', (_, bad) => {
        expectRejected(() => row.call(row.valid.data, bad), 'INVALID_OPTION', fn, ['options']);
      });
      it('rejects an unknown option key with INVALID_OPTION naming it', () => {
        const options = { ...(row.valid.options as object | undefined), zzUnknownKey: 1 };
        expectRejected(() => row.call(row.valid.data, options), 'INVALID_OPTION', fn, ['"zzUnknownKey"']);
      });
      const typos = keys.flatMap((key) => {
        const typo = transposed(key);
        return typo === undefined || keys.includes(typo) ? [] : [[typo, key] as const];
      });
      if (typos.length > 0) {
        it.each(typos)('suggests the documented name for the near miss %s (%s)', (typo, key) => {
          const options = { ...(row.valid.options as object | undefined), [typo]: (row.valid.options as Record<string, unknown> | undefined)?.[key] ?? 1 };
          expectRejected(() => row.call(row.valid.data, options), 'INVALID_OPTION', fn, [`"${typo}"`, `did you mean "${key}"?`]);
        });
      }
    }

    if (row.optionKeys?.includes('level') === true) {
      it.each(NOT_LEVELS.map((bad) => [bad]))('rejects level %s (outside (0, 1)) with OUT_OF_RANGE', (bad) => {
        const options = { ...(row.valid.options as object | undefined), level: bad };
        expectRejected(() => row.call(row.valid.data, options), 'OUT_OF_RANGE', fn, ['level', String(bad)]);
      });
    }

    for (const rejection of row.rejects ?? []) {
      it(`rejects ${rejection.what} with ${rejection.code}`, () => {
        expectRejected(rejection.run, rejection.code, fn, rejection.mentions ?? []);
      });
    }

    for (const key of row.accessors ?? []) {
      it.each(NOT_ACCESSORS.map((bad) => [label(bad), bad]))(`rejects accessor ${key} %s with INVALID_OPTION`, (_, bad) => {
        const options = { ...(row.valid.options as object | undefined), [key]: bad };
        const mentions = typeof bad === 'string' ? [key, `(d) => d.${bad}`] : [key];
        expectRejected(() => row.call(row.valid.data, options), 'INVALID_OPTION', fn, mentions);
      });
    }

    for (const site of row.numbers ?? []) {
      const code = site.code ?? 'INVALID_NUMBER';
      const values = NOT_NUMBERS.filter((v) => !(site.except ?? []).includes(v));
      it.each(values.map((bad) => [label(bad), bad]))(`rejects ${site.what} %s with ${code}`, (_, bad) => {
        const { data, options } = site.put(bad);
        expectRejected(() => row.call(data, options), code, fn, [site.what, describeValue(bad)]);
      });
    }

    for (const site of row.numbers ?? []) {
      for (const extreme of EXTREME_NUMBERS) {
        const known = EXTREME_NUMBERS_PENDING.includes(`${row.name} ${site.what} ${extreme}`);
        (known ? it.fails : it)(`gives an error or a finite result for ${site.what} ${extreme}${known ? ' (known failure, pending.ts)' : ''}`, () => {
          const { data, options } = site.put(extreme);
          let result: unknown;
          try {
            result = row.call(data, options);
          } catch (error) {
            if (!(error instanceof CxMetricsError)) throw new Error(`expected a CxMetricsError or a result, got ${String(error)}`);
            expect(error.message).toMatch(new RegExp(`^${fn}: `));
            return;
          }
          expect(nonFiniteIn(result)).toEqual([]);
        });
      }
    }

    for (const size of row.sizes ?? []) {
      it.each(HUGE_SIZES.map((huge) => [huge]))(`rejects ${size.what} %d with OUT_OF_RANGE`, (huge) => {
        const { data, options } = size.put(huge);
        expectRejected(() => row.call(data, options), 'OUT_OF_RANGE', fn, [size.what]);
      });
    }

    if (row.nullRecords === true) {
      it('skips and counts null and undefined records before any accessor sees them', () => {
        const data = row.withNulls !== undefined ? row.withNulls(row.valid.data) : [null, ...(row.valid.data as unknown[]), undefined];
        const before = row.call(row.valid.data, row.valid.options);
        const after = row.call(data, guarded(row.valid.options, row.accessors ?? []));
        const s0 = skippedOf(before);
        if (s0 !== undefined) expect(skippedOf(after)).toBe(s0 + 2);
      });
    }
  });
}
