import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ces, cesTally } from '../../src/survey/index';
import { split } from './helpers';

const score = fc.option(fc.integer({ min: 1, max: 7 }), { nil: null, freq: 8 });
const cuts = fc.array(fc.nat(), { maxLength: 4 });
const opts = { numRuns: 80 };

describe('cesTally properties', () => {
  test.prop([fc.array(score, { maxLength: 150 }), cuts], opts)('tallies merged from any split equal the batch', (values, at) => {
    const states = split(values, at).map((part) => part.reduce(cesTally.add, cesTally.create()));
    const merged = states.reduce((a, b) => cesTally.merge(a, b), cesTally.create());
    expect(cesTally.result(merged)).toEqual(ces(values));
  });
  test.prop([fc.array(fc.record({ score, weight: fc.integer({ min: 0, max: 1000 }) }), { minLength: 1, maxLength: 100 }), cuts, fc.double({ min: 0.5, max: 0.999, noNaN: true })], opts)(
    'weighted (whole-number weights, exact sums), any level: merge of any split = ces with a weight accessor',
    (rows, at, level) => {
      const states = split(rows, at).map((part) => part.reduce(cesTally.add, cesTally.create({ level })));
      const merged = states.reduceRight((a, b) => cesTally.merge(b, a), cesTally.create({ level }));
      expect(cesTally.result(merged)).toEqual(ces(rows, { accessor: (r) => r.score, weight: (r) => r.weight, level }));
    },
  );
});
