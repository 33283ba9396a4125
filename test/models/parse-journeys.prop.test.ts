import { describe } from 'vitest';
import { parseJourneys } from '../../src/models';
import { journeyArb } from '../support/arbitraries';
import { listParserProperties } from './parser-properties';

describe('parseJourneys', () => {
  listParserProperties(parseJourneys, journeyArb, 6);
});
