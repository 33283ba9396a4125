import { describe, expect, it } from 'vitest';
import { parseCustomer } from '../../src/models';
import { issuesOf } from './corrupt';

const paths = (input: unknown) => issuesOf(() => parseCustomer(input)).map((i) => i.path);

describe('parseCustomer', () => {
  it('returns exactly the typed shape; unknown fields dropped; null optionals absent', () => {
    const input = { id: 'c1', acquiredAt: '2024-01-15T09:00:00Z', segment: null, attributes: { plan: 'pro', seats: 5, trial: false, region: null }, email: 'x@y' };
    expect(parseCustomer(input)).toStrictEqual({ id: 'c1', acquiredAt: new Date(Date.UTC(2024, 0, 15, 9)), attributes: { plan: 'pro', seats: 5, trial: false, region: null } });
  });

  it('copies attributes into a fresh plain object, a "__proto__" key included', () => {
    const input = JSON.parse('{"id":"c1","attributes":{"__proto__":"x","a b":1}}');
    const parsed = parseCustomer(input);
    expect(parsed.attributes).not.toBe(input.attributes);
    expect(Object.getPrototypeOf(parsed.attributes)).toBe(Object.prototype);
    expect(Object.keys(parsed.attributes!)).toEqual(['__proto__', 'a b']);
  });

  it('rejects a non-object, a missing or empty id, a bad acquisition instant, a bad segment', () => {
    expect(paths(['c1'])).toEqual(['']);
    expect(paths({})).toEqual(['id']);
    expect(paths({ id: '' })).toEqual(['id']);
    expect(paths({ id: 7 })).toEqual(['id']);
    expect(paths({ id: 'c1', acquiredAt: 'last year' })).toEqual(['acquiredAt']);
    expect(paths({ id: 'c1', acquiredAt: new Date('nope') })).toEqual(['acquiredAt']);
    expect(paths({ id: 'c1', segment: 3 })).toEqual(['segment']);
  });

  it('rejects attributes that are not an object of scalars, with each key’s path', () => {
    expect(paths({ id: 'c1', attributes: 'pro' })).toEqual(['attributes']);
    expect(paths({ id: 'c1', attributes: [1] })).toEqual(['attributes']);
    const issues = issuesOf(() => parseCustomer({ id: 'c1', attributes: { tags: ['a'], score: Number.NaN, 'plan name': {}, ok: 1 } }));
    expect(issues).toEqual([
      { path: 'attributes.tags', message: 'expected a string, a finite number, true, false or null, got an array' },
      { path: 'attributes.score', message: 'expected a string, a finite number, true, false or null, got NaN' },
      { path: 'attributes["plan name"]', message: 'expected a string, a finite number, true, false or null, got an object' },
    ]);
  });

  it('throws INVALID_RECORD naming parseCustomer', () => {
    expect(() => parseCustomer({ id: '', acquiredAt: 1e20 })).toThrow('parseCustomer: 2 problems: id: expected a non-empty string, got ""; acquiredAt: expected a Date, epoch milliseconds, an ISO-8601 date-time such as "2024-03-05T14:30:00Z" or a date "2024-03-05" (UTC midnight), got 100000000000000000000');
  });
});
