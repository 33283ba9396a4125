import { describe, expect, it } from 'vitest';
import { parseInteractions } from '../../src/models';
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
