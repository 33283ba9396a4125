import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { nps, npsTally } from '../../src/survey/index';
import { split } from './helpers';

const score = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 8 });
const answers = fc.array(score, { maxLength: 200 });
// Whole-number weights keep every partial sum exact, so any merge order is bit-identical.
const pairs = fc.array(fc.record({ score, weight: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null, freq: 10 }) }), { maxLength: 120 });
const cuts = fc.array(fc.nat(), { maxLength: 5 });
const opts = { numRuns: 100 };

describe('npsTally properties', () => {
  test.prop([answers, cuts], opts)('tallies merged from any split equal the batch, in either merge order', (values, at) => {
    const states = split(values, at).map((part) => part.reduce(npsTally.add, npsTally.create()));
    const merged = states.reduce((a, b) => npsTally.merge(a, b), npsTally.create());
    const mergedOtherWay = states.reduceRight((a, b) => npsTally.merge(b, a), npsTally.create());
    expect(npsTally.result(merged)).toEqual(nps(values));
    expect(npsTally.result(mergedOtherWay)).toEqual(nps(values));
  });

  test.prop([pairs, cuts], opts)('weighted: fold = merge of any split = nps with a weight accessor', (rows, at) => {
    const batch = nps(rows, { accessor: (r) => r.score, weight: (r) => r.weight });
    const states = split(rows, at).map((part) => part.reduce(npsTally.add, npsTally.create()));
    const merged = states.reduceRight((a, b) => npsTally.merge(b, a), npsTally.create());
    expect(npsTally.result(rows.reduce(npsTally.add, npsTally.create()))).toEqual(rows.length ? batch : nps([]));
    expect(npsTally.result(merged)).toEqual(rows.length ? batch : nps([]));
  });

  test.prop([answers, answers, answers], opts)('merge is commutative and associative', (a, b, c) => {
    const [x, y, z] = [a, b, c].map((v) => v.reduce(npsTally.add, npsTally.create())) as [never, never, never];
    expect(npsTally.merge(x, y)).toEqual(npsTally.merge(y, x));
    expect(npsTally.merge(npsTally.merge(x, y), z)).toEqual(npsTally.merge(x, npsTally.merge(y, z)));
  });
});
