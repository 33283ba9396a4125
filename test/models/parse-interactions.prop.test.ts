import { describe } from 'vitest';
import { parseInteractions } from '../../src/models';
import { interactionArb } from '../support/arbitraries';
import { listParserProperties } from './parser-properties';

describe('parseInteractions', () => {
  listParserProperties(parseInteractions, interactionArb, 20);
});
