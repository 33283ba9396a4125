/**
 * Helpers for the parser properties: list the leaf fields of a JSON value with their paths
 * (written as the parsers write them), replace one with a value that is invalid for that
 * field whatever its record, deep-freeze, and read the issues of a failed parse.
 */
import { expect } from 'vitest';
import { CxMetricsError, type CxMetricsIssue } from '../../src/internal/errors';

/** A JSON-like value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A field of a record: its path (`stages[0].interactions[1].score`), key and parent key. */
export interface Leaf {
  readonly path: string;
  readonly steps: readonly (string | number)[];
  readonly key: string;
  readonly parentKey: string | undefined;
}

const INSTANT_BAD = ['yesterday', '2024-02-30T00:00:00Z', '2024-02-30', '2024-3-5', '2024-03-05T10:00:00', '2024-03-05 10:00:00Z', Infinity, Number.NaN, 9e15, true, {}];
const NAME_BAD = ['', 7, false, ['a']];

/**
 * Values invalid for a field of this key wherever it occurs (no `null` for optional fields:
 * `null` means absent). Keys under `attributes` are attribute values.
 */
export function badValuesFor(leaf: Leaf): readonly unknown[] {
  if (leaf.parentKey === 'attributes') return [{}, [], Number.NaN, Infinity];
  switch (leaf.key) {
    case 'at':
    case 'acquiredAt':
    case 'enteredAt':
    case 'firstResponseAt':
    case 'resolvedAt':
      return INSTANT_BAD;
    case 'id':
    case 'touchpoint':
    case 'segment':
    case 'stage':
      return NAME_BAD;
    case 'customerId':
    case 'name':
      return [...NAME_BAD, null];
    case 'type':
      return ['chat', 'Survey', 3, null];
    case 'metric':
      return ['NPS', 'csi', 0, null];
    case 'channel':
      return ['fax', 'Web', 1];
    case 'score':
      return ['9', 3.5, 11, -1, null, Number.NaN];
    case 'amount':
      return [-0.01, '10', null, Infinity, Number.NaN];
    case 'currency':
      return ['usd', 'US', 'EURO', 978, null];
    case 'items':
      return [1.5, -1, '2'];
    case 'resolvedOnFirstContact':
      return ['yes', 1];
    case 'min':
    case 'max':
      return [0.5, '1', null];
    default:
      throw new Error(`no corruption for ${leaf.path}`);
  }
}

/** Keys whose corruption also switches off checks of their siblings (so not for the "all problems" property). */
export const GATE_KEYS: ReadonlySet<string> = new Set(['type', 'metric', 'min', 'max']);

function pathText(steps: readonly (string | number)[]): string {
  let out = '';
  for (const s of steps) out = typeof s === 'number' ? `${out}[${s}]` : out === '' ? s : `${out}.${s}`;
  return out;
}

/**
 * Every leaf field of a parsed JSON record (objects and arrays are descended into; `scale`
 * and `attributes` objects are descended into as well, their own fields being the leaves).
 */
export function leaves(value: Json, steps: (string | number)[] = [], parentKey?: string): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...steps, i], parentKey));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const here = [...steps, k];
      if (v !== null && typeof v === 'object') return leaves(v, here, k);
      return [{ path: pathText(here), steps: here, key: k, parentKey: steps.length ? lastKey(steps) : undefined }];
    });
  }
  return [];
}

function lastKey(steps: readonly (string | number)[]): string | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if (typeof steps[i] === 'string') return steps[i] as string;
  return undefined;
}

/** A deep copy with the value at `steps` replaced. */
export function replaceAt(value: Json, steps: readonly (string | number)[], replacement: unknown): Json {
  const copy = structuredClone(value);
  let node: any = copy;
  for (const s of steps.slice(0, -1)) node = node[s];
  node[steps[steps.length - 1]!] = replacement;
  return copy;
}

/** Freeze a value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A JSON round trip (Dates become ISO strings). */
export function viaJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** The issues of the INVALID_RECORD error `run` throws (fails the test if it does not). */
export function issuesOf(run: () => unknown): readonly CxMetricsIssue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CxMetricsError);
    const e = error as CxMetricsError;
    expect(e.code).toBe('INVALID_RECORD');
    expect(e.details.issues?.length).toBeGreaterThan(0);
    return e.details.issues ?? [];
  }
  expect.fail('expected INVALID_RECORD, but the parser returned');
}

/** The paths of the issues. */
export function pathsOf(run: () => unknown): string[] {
  return issuesOf(run).map((i) => i.path);
}
