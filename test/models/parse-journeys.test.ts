import { describe, expect, it } from 'vitest';
import { parseJourneys } from '../../src/models';
import { issuesOf } from './corrupt';

const T = Date.UTC(2024, 2, 5);

describe('parseJourneys', () => {
  const journey = (customerId: string, enteredAt: unknown) => ({ customerId, stages: [{ name: 'signup', enteredAt, interactions: [] }] });

  it('parses a list of journeys into a new array', () => {
    const input = [journey('c1', T), journey('c2', '2024-03-05T00:00:00Z')];
    expect(parseJourneys(input)).toStrictEqual([input[0], { customerId: 'c2', stages: [{ name: 'signup', enteredAt: new Date(T), interactions: [] }] }]);
    expect(parseJourneys([])).toEqual([]);
  });

  it('rejects a non-array and reports each journey’s problems under its index', () => {
    expect(issuesOf(() => parseJourneys(journey('c1', T)))).toEqual([{ path: '', message: 'expected an array, got an object' }]);
    const issues = issuesOf(() => parseJourneys([journey('c1', T), journey('', 'soon'), { customerId: 'c3', stages: [] }]));
    expect(issues.map((i) => i.path)).toEqual(['[1].customerId', '[1].stages[0].enteredAt', '[2].stages']);
    expect(() => parseJourneys([journey('', T)])).toThrow('parseJourneys: 1 problem: [0].customerId: expected a non-empty string, got ""');
  });
});
