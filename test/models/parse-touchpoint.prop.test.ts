import { describe } from 'vitest';
import { parseTouchpoint } from '../../src/models';
import { touchpointArb } from '../support/arbitraries';
import { recordParserProperties } from './parser-properties';

describe('parseTouchpoint', () => {
  recordParserProperties(parseTouchpoint, touchpointArb);
});
