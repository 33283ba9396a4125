import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseJourney } from '../../src/models';
import { journeyArb } from '../support/arbitraries';
import { pathsOf, viaJson, type Json } from './corrupt';
import { opts, recordParserProperties } from './parser-properties';

describe('parseJourney', () => {
  recordParserProperties(parseJourney, journeyArb);

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

  test.prop([journeyArb], opts)('an empty stage list is an issue at stages', (journey) => {
    const json = viaJson(journey) as { stages: Json[] };
    json.stages = [];
    expect(pathsOf(() => parseJourney(json))).toEqual(['stages']);
  });
});
