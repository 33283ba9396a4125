import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseCustomer, parseInteraction, parseInteractions, parseJourney, parseJourneys, parseTouchpoint } from '../../src/models';
import { customerArb, interactionArb, journeyArb, supportContactArb, touchpointArb } from '../support/arbitraries';
import { GATE_KEYS, badValuesFor, deepFreeze, leaves, pathsOf, replaceAt, viaJson, type Json } from './corrupt';

const opts = { numRuns: 150 };

const cases = [
  { name: 'parseCustomer', parse: parseCustomer, arb: customerArb as fc.Arbitrary<unknown> },
  { name: 'parseInteraction', parse: parseInteraction, arb: interactionArb as fc.Arbitrary<unknown> },
  { name: 'parseTouchpoint', parse: parseTouchpoint, arb: touchpointArb as fc.Arbitrary<unknown> },
  { name: 'parseJourney', parse: parseJourney, arb: journeyArb as fc.Arbitrary<unknown> },
] as const;

/** A valid record's JSON with one leaf replaced by a value invalid for it; the leaf's path. */
function corrupted(arb: fc.Arbitrary<unknown>) {
  return fc
    .tuple(arb, fc.nat(), fc.nat())
    .map(([value, pick, bad]) => {
      const json = viaJson(value);
      const all = leaves(json);
      const leaf = all[pick % all.length]!;
      const choices = badValuesFor(leaf);
      return { json: replaceAt(json, leaf.steps, choices[bad % choices.length]), path: leaf.path };
    });
}

describe.each(cases)('$name', ({ parse, arb }) => {
  test.prop([arb], opts)('a valid value survives a JSON round trip unchanged (Dates stay Dates)', (value) => {
    expect(parse(viaJson(value))).toStrictEqual(value);
  });

  test.prop([arb], opts)('a valid value parses to an equal, fresh value (no shared objects)', (value) => {
    const parsed = parse(value);
    expect(parsed).toStrictEqual(value);
    expect(parsed).not.toBe(value);
    const sharesDate = (a: any, b: any): boolean =>
      a instanceof Date ? a === b : a !== null && typeof a === 'object' ? Object.keys(a).some((k) => sharesDate(a[k], b?.[k])) : false;
    expect(sharesDate(parsed, value)).toBe(false);
  });

  test.prop([corrupted(arb)], opts)('any single corrupted field is rejected with that field’s path', ({ json, path }) => {
    expect(pathsOf(() => parse(json))).toContain(path);
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

describe('order and ownership problems', () => {
  const withResponse = supportContactArb.filter((s) => s.firstResponseAt !== undefined);
  test.prop([withResponse, fc.integer({ min: 1, max: 86_400_000 })], opts)('a first response before the contact is an issue at firstResponseAt', (contact, early) => {
    const json = viaJson(contact) as Record<string, Json>;
    const at = typeof contact.at === 'number' ? contact.at : contact.at.getTime();
    json.firstResponseAt = at - early;
    expect(pathsOf(() => parseInteraction(json))).toEqual(['firstResponseAt']);
  });

  const multiStage = journeyArb.filter((j) => j.stages.length >= 2);
  test.prop([multiStage, fc.nat(), fc.integer({ min: 1, max: 86_400_000 })], opts)('a stage entered before the one it follows is an issue at its enteredAt', (journey, pick, early) => {
    const k = 1 + (pick % (journey.stages.length - 1));
    const json = viaJson(journey) as { stages: { enteredAt: Json }[] };
    const previous = new Date(json.stages[k - 1]!.enteredAt as string | number).getTime();
    json.stages[k]!.enteredAt = previous - early;
    expect(pathsOf(() => parseJourney(json))).toEqual([`stages[${k}].enteredAt`]);
  });

  const withInteractions = journeyArb.filter((j) => j.stages.some((s) => s.interactions.length > 0));
  test.prop([withInteractions, fc.nat()], opts)('an interaction of another customer is an issue at its customerId', (journey, pick) => {
    const spots = journey.stages.flatMap((s, k) => s.interactions.map((_, m) => [k, m] as const));
    const [k, m] = spots[pick % spots.length]!;
    const json = viaJson(journey) as { stages: { interactions: { customerId: string }[] }[] };
    json.stages[k]!.interactions[m]!.customerId = `${journey.customerId}-other`;
    expect(pathsOf(() => parseJourney(json))).toEqual([`stages[${k}].interactions[${m}].customerId`]);
  });
});

const lists = [
  { name: 'parseInteractions', parse: parseInteractions, arb: interactionArb as fc.Arbitrary<unknown>, max: 20 },
  { name: 'parseJourneys', parse: parseJourneys, arb: journeyArb as fc.Arbitrary<unknown>, max: 6 },
] as const;

describe.each(lists)('$name', ({ parse, arb, max }) => {
  test.prop([fc.array(arb, { maxLength: max })], opts)('a list survives a JSON round trip unchanged', (list) => {
    expect(parse(viaJson(list))).toStrictEqual(list);
  });

  test.prop([fc.array(arb, { minLength: 1, maxLength: max }), fc.nat(), corrupted(arb)], opts)(
    'a corrupted element is reported under its index',
    (list, pick, { json, path }) => {
      const i = pick % list.length;
      const input = viaJson(list) as Json[];
      input[i] = json;
      expect(pathsOf(() => parse(deepFreeze(input)))).toContain(`[${i}]${path.startsWith('[') ? '' : '.'}${path}`);
    },
  );
});
