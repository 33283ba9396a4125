import { describe, expect, it } from 'vitest';
import { parseJourney } from '../../src/models';
import { issuesOf } from './corrupt';

const DAY = 86_400_000;
const T = Date.UTC(2024, 2, 1);
const visit = (at: number, customerId = 'c1') => ({ type: 'visit', customerId, at, touchpoint: 'pricing' });
const journey = {
  id: 'j-1',
  customerId: 'c1',
  segment: 'smb',
  stages: [
    { name: 'awareness', enteredAt: T, interactions: [visit(T)] },
    { name: 'consideration', enteredAt: T + DAY, interactions: [] },
    { name: 'purchase', enteredAt: T + DAY, interactions: [{ type: 'purchase', customerId: 'c1', at: T + DAY, amount: 120, currency: 'USD' }] },
  ],
};

const paths = (input: unknown) => issuesOf(() => parseJourney(input)).map((i) => i.path);

describe('parseJourney: valid input', () => {
  it('returns exactly the typed shape, ties in entry time allowed', () => {
    expect(parseJourney(journey)).toStrictEqual(journey);
  });

  it('drops unknown fields at every level; null optionals are absent', () => {
    const noisy = {
      ...journey,
      source: 'crm',
      id: null,
      stages: journey.stages.map((s) => ({ ...s, colour: 'blue', interactions: s.interactions.map((x) => ({ ...x, raw: {} })) })),
    };
    const { id: _id, ...expected } = journey;
    expect(parseJourney(noisy)).toStrictEqual(expected);
  });

  it('reads ISO entry times as Dates', () => {
    const parsed = parseJourney({ customerId: 'c1', stages: [{ name: 'awareness', enteredAt: '2024-03-01T00:00:00Z', interactions: [] }] });
    expect(parsed.stages[0]!.enteredAt).toEqual(new Date(T));
  });
});

describe('parseJourney: every invalid class is an issue with its path', () => {
  it('not an object; customerId missing', () => {
    expect(paths('journey')).toEqual(['']);
    expect(paths({ stages: journey.stages })).toEqual(['customerId']);
  });

  it('stages missing, not an array, empty', () => {
    expect(paths({ customerId: 'c1' })).toEqual(['stages']);
    expect(paths({ customerId: 'c1', stages: {} })).toEqual(['stages']);
    const issues = issuesOf(() => parseJourney({ customerId: 'c1', stages: [] }));
    expect(issues).toEqual([{ path: 'stages', message: 'expected a non-empty array, got an empty one' }]);
  });

  it('a stage that is not an object, without a name, interactions or a valid entry time', () => {
    expect(paths({ customerId: 'c1', stages: ['awareness'] })).toEqual(['stages[0]']);
    expect(paths({ customerId: 'c1', stages: [{ enteredAt: T, interactions: [] }] })).toEqual(['stages[0].name']);
    expect(paths({ customerId: 'c1', stages: [{ name: 'a', enteredAt: T }] })).toEqual(['stages[0].interactions']);
    expect(paths({ customerId: 'c1', stages: [{ name: 'a', enteredAt: '2024-03-01T09:00', interactions: [] }] })).toEqual(['stages[0].enteredAt']);
  });

  it('a stage entered before the one it follows (ORDER) is an issue at its enteredAt', () => {
    const issues = issuesOf(() =>
      parseJourney({
        customerId: 'c1',
        stages: [
          { name: 'awareness', enteredAt: T + DAY, interactions: [] },
          { name: 'consideration', enteredAt: T, interactions: [] },
        ],
      }),
    );
    expect(issues).toEqual([
      { path: 'stages[1].enteredAt', message: 'expected no earlier than stages[0].enteredAt (2024-03-02T00:00:00.000Z), got 2024-03-01T00:00:00.000Z' },
    ]);
  });

  it('order is checked against the latest stage whose entry time is valid', () => {
    const input = {
      customerId: 'c1',
      stages: [
        { name: 'a', enteredAt: T + 2 * DAY, interactions: [] },
        { name: 'b', enteredAt: 'bad', interactions: [] },
        { name: 'c', enteredAt: T + DAY, interactions: [] },
        { name: 'd', enteredAt: T + 3 * DAY, interactions: [] },
      ],
    };
    const issues = issuesOf(() => parseJourney(input));
    expect(issues.map((i) => i.path)).toEqual(['stages[1].enteredAt', 'stages[2].enteredAt']);
    expect(issues[1]!.message).toContain('stages[0].enteredAt');
  });

  it('an interaction of another customer is an issue at its customerId, even beside other problems', () => {
    const input = {
      customerId: 'c1',
      stages: [{ name: 'a', enteredAt: T, interactions: [visit(T), { ...visit(T, 'c2'), touchpoint: '' }] }],
    };
    const issues = issuesOf(() => parseJourney(input));
    expect(issues).toEqual([
      { path: 'stages[0].interactions[1].touchpoint', message: 'expected a non-empty string, got ""' },
      { path: 'stages[0].interactions[1].customerId', message: 'expected the journey\'s customer "c1", got "c2"' },
    ]);
  });

  it('lists every problem in document order and names the function in the message', () => {
    const input = {
      customerId: 'c1',
      segment: '',
      stages: [
        { name: 'awareness', enteredAt: T, interactions: [{ type: 'survey', customerId: 'c1', at: T, metric: 'nps', score: '9' }] },
        { name: 'purchase', enteredAt: T - DAY, interactions: [] },
      ],
    };
    expect(() => parseJourney(input)).toThrow(
      'parseJourney: 3 problems: stages[0].interactions[0].score: expected an integer 0–10, got "9"; ' +
        'stages[1].enteredAt: expected no earlier than stages[0].enteredAt (2024-03-01T00:00:00.000Z), got 2024-02-29T00:00:00.000Z; ' +
        'segment: expected a non-empty string, got ""',
    );
  });
});
