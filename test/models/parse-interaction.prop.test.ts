import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseInteraction } from '../../src/models';
import { interactionArb, supportContactArb } from '../support/arbitraries';
import { pathsOf, viaJson, type Json } from './corrupt';
import { opts, recordParserProperties } from './parser-properties';

describe('parseInteraction', () => {
  recordParserProperties(parseInteraction, interactionArb);

  const withResponse = supportContactArb.filter((s) => s.firstResponseAt !== undefined);
  test.prop([withResponse, fc.integer({ min: 1, max: 86_400_000 })], opts)('a first response before the contact is an issue at firstResponseAt', (contact, early) => {
    const json = viaJson(contact) as Record<string, Json>;
    const at = typeof contact.at === 'number' ? contact.at : contact.at.getTime();
    json.firstResponseAt = at - early;
    expect(pathsOf(() => parseInteraction(json))).toEqual(['firstResponseAt']);
  });

  const withResolution = supportContactArb.filter((s) => s.resolvedAt !== undefined);
  test.prop([withResolution, fc.integer({ min: 1, max: 86_400_000 })], opts)('a resolution before the contact is an issue at resolvedAt', (contact, early) => {
    const json = viaJson(contact) as Record<string, Json>;
    const at = typeof contact.at === 'number' ? contact.at : contact.at.getTime();
    json.resolvedAt = new Date(at - early).toISOString();
    expect(pathsOf(() => parseInteraction(json))).toEqual(['resolvedAt']);
  });
});
