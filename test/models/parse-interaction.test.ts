import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/internal/errors';
import { CHANNELS, parseInteraction } from '../../src/models';
import { issuesOf } from './corrupt';

const T = Date.UTC(2024, 2, 5, 14, 30);
const survey = { type: 'survey', customerId: 'c1', at: T, metric: 'nps', score: 9 };
const purchase = { type: 'purchase', customerId: 'c1', at: T, amount: 49.9, currency: 'EUR' };
const support = { type: 'support', customerId: 'c1', at: T, channel: 'chat' };
const visit = { type: 'visit', customerId: 'c1', at: T, touchpoint: 'pricing' };

/** The single issue `[path, message]` of a parse that must fail with exactly one. */
function only(input: unknown): [string, string] {
  const issues = issuesOf(() => parseInteraction(input));
  expect(issues).toHaveLength(1);
  return [issues[0]!.path, issues[0]!.message];
}

describe('parseInteraction: valid input', () => {
  it('parses each type and returns exactly the typed shape', () => {
    expect(parseInteraction(survey)).toStrictEqual(survey);
    expect(parseInteraction({ ...purchase, items: 3 })).toStrictEqual({ ...purchase, items: 3 });
    expect(parseInteraction({ ...support, firstResponseAt: T + 60_000, resolvedAt: T + 3_600_000, resolvedOnFirstContact: true })).toStrictEqual({
      ...support,
      firstResponseAt: T + 60_000,
      resolvedAt: T + 3_600_000,
      resolvedOnFirstContact: true,
    });
    expect(parseInteraction({ ...visit, channel: 'web', id: 'e-1' })).toStrictEqual({ ...visit, channel: 'web', id: 'e-1' });
  });

  it('ignores unknown fields and does not copy them', () => {
    const parsed = parseInteraction({ ...survey, comment: 'great', extra: { nested: true } });
    expect(parsed).toStrictEqual(survey);
    expect(Object.keys(parsed)).not.toContain('comment');
  });

  it('treats null optional fields as absent, and leaves absent ones absent', () => {
    const parsed = parseInteraction({ ...purchase, id: null, items: null, channel: null, touchpoint: undefined });
    expect(parsed).toStrictEqual(purchase);
    expect('items' in parsed).toBe(false);
  });

  it('reads ISO-8601 date-times as Dates, keeps epoch milliseconds, copies Dates', () => {
    expect(parseInteraction({ ...visit, at: '2024-03-05T14:30:00Z' }).at).toEqual(new Date(T));
    expect(parseInteraction({ ...visit, at: '2024-03-05T15:30:00.000+01:00' }).at).toEqual(new Date(T));
    expect(parseInteraction(visit).at).toBe(T);
    const date = new Date(T);
    const parsed = parseInteraction({ ...visit, at: date });
    expect(parsed.at).toEqual(date);
    expect(parsed.at).not.toBe(date);
  });

  it('accepts a survey scale for CSAT/CES and the fixed 0–10 scale for NPS', () => {
    expect(parseInteraction({ ...survey, metric: 'csat', score: 9, scale: { min: 0, max: 10 } })).toMatchObject({ score: 9, scale: { min: 0, max: 10 } });
    expect(parseInteraction({ ...survey, scale: { min: 0, max: 10 } })).toMatchObject({ scale: { min: 0, max: 10 } });
    expect(parseInteraction({ ...survey, metric: 'ces', score: 7 })).toMatchObject({ score: 7 });
  });

  it('accepts zero amounts and instants equal to `at`', () => {
    expect(parseInteraction({ ...purchase, amount: 0, items: 0 })).toMatchObject({ amount: 0, items: 0 });
    expect(parseInteraction({ ...support, firstResponseAt: T, resolvedAt: T })).toMatchObject({ resolvedAt: T });
  });
});

describe('parseInteraction: every invalid class is an issue with its path', () => {
  it('not an object', () => {
    for (const bad of [null, undefined, 'survey', 42, [survey]]) expect(only(bad)[0]).toBe('');
    expect(only('x')[1]).toBe('expected an object, got "x"');
  });

  it('unknown type lists the allowed ones', () => {
    expect(only({ ...survey, type: 'chat' })).toEqual(['type', 'expected one of "survey", "purchase", "support", "visit", got "chat"']);
    expect(only({ customerId: 'c1', at: T })).toEqual(['type', 'missing (expected one of "survey", "purchase", "support", "visit")']);
  });

  it('customerId: missing, empty, not a string', () => {
    expect(only({ ...visit, customerId: undefined })).toEqual(['customerId', 'missing (expected a non-empty string)']);
    expect(only({ ...visit, customerId: '' })).toEqual(['customerId', 'expected a non-empty string, got ""']);
    expect(only({ ...visit, customerId: 42 })).toEqual(['customerId', 'expected a non-empty string, got 42']);
  });

  it('at: a plain date is accepted as midnight UTC, for interactions as for purchases', () => {
    expect(parseInteraction({ ...visit, at: '2024-03-05' }).at).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(parseInteraction({ type: 'support', customerId: 'c', at: '2024-03-05', channel: 'email', resolvedAt: '2024-03-06' })).toMatchObject({
      at: new Date(Date.UTC(2024, 2, 5)),
      resolvedAt: new Date(Date.UTC(2024, 2, 6)),
    });
  });

  it('channel: an unknown channel is refused with the list of valid channels', () => {
    const [path, message] = only({ type: 'support', customerId: 'c', at: '2024-03-05', channel: 'whatsapp' });
    expect(path).toBe('channel');
    for (const c of CHANNELS) expect(message).toContain(`"${c}"`);
    expect(message).toContain('got "whatsapp"');
  });

  it('at: not a valid instant', () => {
    for (const bad of [Number.NaN, Infinity, 9e15, new Date(Number.NaN), true, {}, null, '1709649000000']) {
      expect(only({ ...visit, at: bad })[0]).toBe('at');
    }
    expect(only({ ...visit, at: 'yesterday' })[1]).toBe(
      'expected an ISO-8601 date-time such as "2024-03-05T14:30:00Z" or a date "2024-03-05", got "yesterday": not an ISO-8601 date-time with a time zone (Z or ±HH:mm) nor a date YYYY-MM-DD',
    );
  });

  it('survey scores: strings, fractions, off-scale, NaN', () => {
    expect(only({ ...survey, score: '9' })).toEqual(['score', 'expected an integer 0–10, got "9"']);
    expect(only({ ...survey, score: 9.5 })).toEqual(['score', 'expected an integer 0–10, got 9.5']);
    expect(only({ ...survey, score: 11 })).toEqual(['score', 'expected an integer 0–10, got 11']);
    expect(only({ ...survey, metric: 'csat', score: 0 })).toEqual(['score', 'expected an integer 1–5, got 0']);
    expect(only({ ...survey, metric: 'ces', score: 8 })).toEqual(['score', 'expected an integer 1–7, got 8']);
    expect(only({ ...survey, metric: 'csat', score: 6, scale: { min: 0, max: 5 } })).toEqual(['score', 'expected an integer 0–5, got 6']);
    expect(only({ ...survey, score: Number.NaN })).toEqual(['score', 'expected an integer 0–10, got NaN']);
    expect(only({ ...survey, score: undefined })).toEqual(['score', 'missing (expected an integer 0–10)']);
  });

  it('unknown metric lists the allowed ones; the score is then only checked to be an integer', () => {
    expect(only({ ...survey, metric: 'NPS' })).toEqual(['metric', 'expected one of "nps", "csat", "ces", got "NPS"']);
    const issues = issuesOf(() => parseInteraction({ ...survey, metric: 'csi', score: '9' }));
    expect(issues.map((i) => i.path)).toEqual(['metric', 'score']);
    expect(issues[1]!.message).toBe('expected an integer, got "9"');
  });

  it('survey scales: not integers, min ≥ max, NPS not 0–10', () => {
    expect(only({ ...survey, metric: 'csat', score: 3, scale: { min: 1, max: 5.5 } })).toEqual(['scale.max', 'expected an integer, got 5.5']);
    expect(only({ ...survey, metric: 'csat', score: 3, scale: { min: 5, max: 1 } })).toEqual(['scale', 'expected min < max, got 5–1']);
    expect(only({ ...survey, metric: 'csat', score: 3, scale: { min: 3, max: 3 } })).toEqual(['scale', 'expected min < max, got 3–3']);
    expect(only({ ...survey, metric: 'csat', score: 3, scale: '1-5' })).toEqual(['scale', 'expected an object, got "1-5"']);
    expect(only({ ...survey, scale: { min: 1, max: 10 } })).toEqual(['scale', 'expected 0–10 (the NPS scale is fixed), got 1–10']);
  });

  it('money: negative, non-finite, strings; currency: 3 capital letters; items: whole ≥ 0', () => {
    expect(only({ ...purchase, amount: -0.01 })).toEqual(['amount', 'expected a finite number ≥ 0, got -0.01']);
    expect(only({ ...purchase, amount: Infinity })).toEqual(['amount', 'expected a finite number ≥ 0, got Infinity']);
    expect(only({ ...purchase, amount: '49.90' })).toEqual(['amount', 'expected a finite number ≥ 0, got "49.90"']);
    for (const bad of ['eur', 'EURO', 'E1R', 978, '']) expect(only({ ...purchase, currency: bad })[0]).toBe('currency');
    expect(only({ ...purchase, currency: 'eur' })[1]).toBe('expected an ISO 4217 code of 3 capital letters such as "USD", got "eur"');
    expect(only({ ...purchase, items: 1.5 })).toEqual(['items', 'expected a whole number ≥ 0, got 1.5']);
    expect(only({ ...purchase, items: -1 })).toEqual(['items', 'expected a whole number ≥ 0, got -1']);
  });

  it('support: channel required, unknown channel lists the allowed ones, boolean flag', () => {
    expect(only({ ...support, channel: undefined })[0]).toBe('channel');
    expect(only({ ...support, channel: 'fax' })).toEqual([
      'channel',
      'expected one of "web", "app", "email", "phone", "chat", "social", "store", "sms", "other", got "fax"',
    ]);
    expect(only({ ...support, resolvedOnFirstContact: 'yes' })).toEqual(['resolvedOnFirstContact', 'expected true or false, got "yes"']);
  });

  it('support: answered or resolved before it was opened is an order issue', () => {
    expect(only({ ...support, firstResponseAt: T - 1 })).toEqual([
      'firstResponseAt',
      'expected no earlier than at (2024-03-05T14:30:00.000Z), got 2024-03-05T14:29:59.999Z',
    ]);
    expect(only({ ...support, resolvedAt: '2024-03-05T14:00:00Z' })[0]).toBe('resolvedAt');
  });

  it('visit: touchpoint required; optional ids must be non-empty strings', () => {
    expect(only({ ...visit, touchpoint: undefined })).toEqual(['touchpoint', 'missing (expected a non-empty string)']);
    expect(only({ ...visit, id: '' })[0]).toBe('id');
    expect(only({ ...survey, touchpoint: 7 })[0]).toBe('touchpoint');
  });
});

describe('parseInteraction: the error', () => {
  it('is a CxMetricsError INVALID_RECORD naming the function, counting and quoting the first problems', () => {
    let caught: unknown;
    try {
      parseInteraction({ type: 'purchase', customerId: '', at: 'soon', amount: -1, currency: 'usd', items: 0.5 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CxMetricsError);
    const error = caught as CxMetricsError;
    expect(error.code).toBe('INVALID_RECORD');
    expect(error.details.function).toBe('parseInteraction');
    expect(error.details.issues?.map((i) => i.path)).toEqual(['customerId', 'at', 'amount', 'currency', 'items']);
    expect(error.message).toBe(
      'parseInteraction: 5 problems: customerId: expected a non-empty string, got ""; ' +
        'at: expected an ISO-8601 date-time such as "2024-03-05T14:30:00Z" or a date "2024-03-05", got "soon": not an ISO-8601 date-time with a time zone (Z or ±HH:mm) nor a date YYYY-MM-DD; ' +
        'amount: expected a finite number ≥ 0, got -1; and 2 more',
    );
    expect(Object.isFrozen(error.details.issues)).toBe(true);
  });

  it('says "1 problem" for one', () => {
    expect(() => parseInteraction({ ...survey, score: 12 })).toThrow('parseInteraction: 1 problem: score: expected an integer 0–10, got 12');
  });
});

describe('parseInteraction: attribute ratings of a survey response', () => {
  it('keeps whole-number ratings by attribute', () => {
    const parsed = parseInteraction({ ...survey, ratings: { 'delivery speed': 4, 'support quality': 2 } });
    expect(parsed).toStrictEqual({ ...survey, ratings: { 'delivery speed': 4, 'support quality': 2 } });
    const withProto = parseInteraction({ ...survey, ratings: JSON.parse('{"__proto__": 5}') }) as { ratings: Record<string, number> };
    expect(Object.keys(withProto.ratings)).toEqual(['__proto__']);
    expect(parseInteraction({ ...survey, ratings: null })).toStrictEqual(survey);
  });
  it('rejects ratings that are not whole numbers, or not an object', () => {
    expect(only({ ...survey, ratings: { speed: 3.5 } })).toEqual(['ratings.speed', 'expected a whole-number rating, got 3.5']);
    expect(only({ ...survey, ratings: { speed: '4' } })).toEqual(['ratings.speed', 'expected a whole-number rating, got "4"']);
    expect(only({ ...survey, ratings: [4] })).toEqual(['ratings', 'expected an object, got an array']);
  });
});
