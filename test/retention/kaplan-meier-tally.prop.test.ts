import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { kaplanMeier } from '../../src/retention/kaplan-meier';
import { kaplanMeierTally } from '../../src/retention/kaplan-meier-tally';

const observations = fc.array(fc.record({ duration: fc.integer({ min: 0, max: 20 }).map((t) => t / 2), churned: fc.boolean() }), { maxLength: 50 });

test.prop([observations, fc.nat(), fc.nat()], { numRuns: 100 })('batch = fold = merge of any split, in any order', (data, cut1, cut2) => {
  const n = data.length + 1;
  const [i, j] = [cut1 % n, cut2 % n].sort((a, b) => a - b) as [number, number];
  const settings = { confidence: 'log' as const, level: 0.9 };
  const fold = (part: typeof data) => part.reduce(kaplanMeierTally.add, kaplanMeierTally.create(settings));
  const [a, b, c] = [fold(data.slice(0, i)), fold(data.slice(i, j)), fold(data.slice(j))];
  const batch = kaplanMeier(data, { duration: (d) => d.duration, churned: (d) => d.churned, ...settings });
  expect(kaplanMeierTally.result(fold(data))).toEqual(batch);
  expect(kaplanMeierTally.result(kaplanMeierTally.merge(kaplanMeierTally.merge(a, b), c))).toEqual(batch);
  expect(kaplanMeierTally.result(kaplanMeierTally.merge(c, kaplanMeierTally.merge(b, a)))).toEqual(batch);
});
