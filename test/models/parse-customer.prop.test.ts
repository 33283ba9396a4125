import { describe } from 'vitest';
import { parseCustomer } from '../../src/models';
import { customerArb } from '../support/arbitraries';
import { recordParserProperties } from './parser-properties';

describe('parseCustomer', () => {
  recordParserProperties(parseCustomer, customerArb);
});
