import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { csat, csatTally } from '../../src/survey/index';
import { split } from './helpers';

const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 8 });
const cuts = fc.array(fc.nat(), { maxLength: 4 });
const opts = { numRuns: 80 };

describe('csatTally properties', () => {
  test.prop([fc.array(score, { maxLength: 150 }), cuts], opts)('tallies merged from any split equal the batch', (values, at) => {
    const states = split(values, at).map((part) => part.reduce(csatTally.add, csatTally.create()));
    const merged = states.reduceRight((a, b) => csatTally.merge(b, a), csatTally.create());
    expect(csatTally.result(merged)).toEqual(csat(values));
  });
  test.prop([fc.array(fc.record({ score, weight: fc.integer({ min: 0, max: 1000 }) }), { minLength: 1, maxLength: 100 }), cuts], opts)(
    'weighted (whole-number weights, exact sums): merge of any split = csat with a weight accessor',
    (rows, at) => {
      const states = split(rows, at).map((part) => part.reduce(csatTally.add, csatTally.create()));
      const merged = states.reduce((a, b) => csatTally.merge(a, b), csatTally.create());
      expect(csatTally.result(merged)).toEqual(csat(rows, { accessor: (r) => r.score, weight: (r) => r.weight }));
    },
  );
});
