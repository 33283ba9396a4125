import { describe, expect, it } from 'vitest';
import { parseInteractions, parseJourneys } from '../../src/models';
import { issuesOf } from './corrupt';

const T = Date.UTC(2024, 2, 5);

describe('parseInteractions', () => {
  it('parses a list into a new array in the same order; an empty list is fine', () => {
    const input = [
      { type: 'visit', customerId: 'c1', at: T, touchpoint: 'home' },
      { type: 'purchase', customerId: 'c2', at: '2024-03-05T00:00:00Z', amount: 10, currency: 'GBP' },
    ];
    const parsed = parseInteractions(input);
    expect(parsed).not.toBe(input);
    expect(parsed).toStrictEqual([input[0], { ...input[1], at: new Date(T) }]);
    expect(parseInteractions([])).toEqual([]);
  });

  it('rejects a non-array at the root', () => {
    expect(issuesOf(() => parseInteractions({ type: 'visit' }))).toEqual([{ path: '', message: 'expected an array, got an object' }]);
  });

  it('reports every element’s problems under its index, and says how many more there are', () => {
    const bad = { type: 'survey', customerId: 'c1', at: T, metric: 'nps', score: '9' };
    const good = { type: 'visit', customerId: 'c1', at: T, touchpoint: 'home' };
    const input = [good, bad, good, bad, 'oops', bad];
    const issues = issuesOf(() => parseInteractions(input));
    expect(issues.map((i) => i.path)).toEqual(['[1].score', '[3].score', '[4]', '[5].score']);
    expect(() => parseInteractions(input)).toThrow(/^parseInteractions: 4 problems: \[1\]\.score: expected an integer 0–10, got "9"; .*; and 1 more$/);
  });
});

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
