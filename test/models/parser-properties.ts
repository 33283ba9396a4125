/**
 * The properties every model parser must have (issue 2), written once and run by each
 * parser's own `.prop.test.ts`: a valid value survives a JSON round trip unchanged, any single
 * corrupted or removed field is reported at its path, several problems are all listed, and the
 * input is never mutated.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { thrownBy } from '../support/error-code';
import { GATE_KEYS, badValuesFor, deepFreeze, issuesOf, leaves, pathsOf, replaceAt, viaJson, type Json, type Leaf } from './corrupt';

export const opts = { numRuns: 150 };

/** A valid record's JSON with one leaf replaced by a value invalid for it; the leaf's path. */
export function corrupted(arb: fc.Arbitrary<unknown>): fc.Arbitrary<{ json: Json; path: string }> {
  return fc.tuple(arb, fc.nat(), fc.nat()).map(([value, pick, bad]) => {
    const json = viaJson(value);
    const all = leaves(json);
    const leaf = all[pick % all.length]!;
    const choices = badValuesFor(leaf);
    return { json: replaceAt(json, leaf.steps, choices[bad % choices.length]), path: leaf.path };
  });
}

/** The value at `steps`. */
function getAt(value: unknown, steps: readonly (string | number)[]): unknown {
  return steps.reduce<unknown>((node, s) => (node as Record<string | number, unknown>)[s], value);
}

/** A deep copy (Dates kept) with the field at `steps` deleted. */
function removeAt<T>(value: T, steps: readonly (string | number)[]): T {
  const copy = structuredClone(value);
  delete (getAt(copy, steps.slice(0, -1)) as Record<string | number, unknown>)[steps[steps.length - 1]!];
  return copy;
}

/**
 * Whether the model requires the field, from the record holding it (the types in
 * src/models): customers and touchpoints have an `id` but no `customerId`; support contacts
 * need a channel, visits a touchpoint.
 */
function isRequired(json: Json, leaf: Leaf): boolean {
  const record = getAt(json, leaf.steps.slice(0, -1)) as Record<string, Json>;
  if (leaf.parentKey === 'attributes') return false;
  switch (leaf.key) {
    case 'customerId':
    case 'at':
    case 'enteredAt':
    case 'name':
    case 'type':
    case 'metric':
    case 'score':
    case 'amount':
    case 'currency':
    case 'min':
    case 'max':
      return true;
    case 'id':
      return !('customerId' in record);
    case 'channel':
      return record.type === 'support' || !('customerId' in record);
    case 'touchpoint':
      return record.type === 'visit';
    default:
      return false;
  }
}

/** The properties of a parser of one record. */
export function recordParserProperties(parse: (input: unknown) => unknown, arb: fc.Arbitrary<unknown>): void {
  describe('properties', () => {
    test.prop([arb], opts)('a valid value survives a JSON round trip unchanged (Dates stay Dates)', (value) => {
      expect(parse(viaJson(value))).toStrictEqual(value);
    });

    test.prop([arb], opts)('a valid value parses to an equal, fresh value (no shared objects)', (value) => {
      const parsed = parse(value);
      expect(parsed).toStrictEqual(value);
      expect(parsed).not.toBe(value);
      const sharesObject = (a: unknown, b: unknown): boolean =>
        a !== null && typeof a === 'object' && (a === b || Object.keys(a).some((k) => sharesObject((a as any)[k], (b as any)?.[k])));
      expect(sharesObject(parsed, value)).toBe(false);
    });

    test.prop([corrupted(arb)], opts)('any single corrupted field is rejected with that field’s path', ({ json, path }) => {
      expect(pathsOf(() => parse(json))).toContain(path);
    });

    test.prop([arb, fc.nat()], opts)('a removed field is reported missing at its path if required, else left out of the result', (value, pick) => {
      const json = viaJson(value);
      const all = leaves(json);
      const leaf = all[pick % all.length]!;
      const without = removeAt(json, leaf.steps);
      if (isRequired(json, leaf)) {
        const issue = issuesOf(() => parse(without)).find((i) => i.path === leaf.path);
        expect(issue?.message).toMatch(/^missing \(expected /);
      } else {
        expect(thrownBy(() => parse(without))).toBeUndefined();
        expect(parse(without)).toStrictEqual(removeAt(parse(json), leaf.steps));
      }
    });

    test.prop([arb, corrupted(arb)], opts)('parsers never mutate their input (deep-frozen), valid or not', (value, { json }) => {
      const good = deepFreeze(viaJson(value));
      const bad = deepFreeze(json);
      const before = [JSON.stringify(good), JSON.stringify(bad)];
      expect(() => parse(good)).not.toThrow();
      expect(() => parse(bad)).toThrow();
      expect([JSON.stringify(good), JSON.stringify(bad)]).toEqual(before);
    });

    test.prop([arb, fc.nat(), fc.nat(), fc.nat()], opts)('several problems are all listed', (value, a, b, bad) => {
      const json = viaJson(value);
      // Fields whose corruption switches off other checks (a bad `type` hides the type's fields) are left out.
      const independent = leaves(json).filter((l) => !GATE_KEYS.has(l.key));
      fc.pre(independent.length >= 2);
      const first = independent[a % independent.length]!;
      const rest = independent.filter((l) => l !== first);
      const second = rest[b % rest.length]!;
      const badFirst = badValuesFor(first);
      const badSecond = badValuesFor(second);
      let broken: Json = replaceAt(json, first.steps, badFirst[bad % badFirst.length]);
      broken = replaceAt(broken, second.steps, badSecond[bad % badSecond.length]);
      const paths = pathsOf(() => parse(broken));
      expect(paths).toContain(first.path);
      expect(paths).toContain(second.path);
    });
  });
}

/** The properties of a parser of a list of records, each read by the record parser whose arbitrary is `arb`. */
export function listParserProperties(parse: (input: unknown) => unknown, arb: fc.Arbitrary<unknown>, max: number): void {
  describe('properties', () => {
    test.prop([fc.array(arb, { maxLength: max })], opts)('a list survives a JSON round trip unchanged', (list) => {
      expect(parse(viaJson(list))).toStrictEqual(list);
    });

    test.prop([fc.array(arb, { minLength: 1, maxLength: max }), fc.nat(), corrupted(arb)], opts)(
      'a corrupted element is reported under its index, and the frozen input is left alone',
      (list, pick, { json, path }) => {
        const i = pick % list.length;
        const input = viaJson(list) as Json[];
        input[i] = json;
        const before = JSON.stringify(input);
        expect(pathsOf(() => parse(deepFreeze(input)))).toContain(`[${i}]${path.startsWith('[') ? '' : '.'}${path}`);
        expect(JSON.stringify(input)).toBe(before);
      },
    );
  });
}
