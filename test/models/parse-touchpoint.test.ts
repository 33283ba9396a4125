import { describe, expect, it } from 'vitest';
import { parseTouchpoint } from '../../src/models';
import { issuesOf } from './corrupt';

const paths = (input: unknown) => issuesOf(() => parseTouchpoint(input)).map((i) => i.path);

describe('parseTouchpoint', () => {
  it('returns exactly the typed shape', () => {
    expect(parseTouchpoint({ id: 'checkout', name: 'Checkout', channel: 'web', stage: 'purchase', owner: 'team-a' })).toStrictEqual({
      id: 'checkout',
      name: 'Checkout',
      channel: 'web',
      stage: 'purchase',
    });
    expect(parseTouchpoint({ id: 'ivr', name: 'Phone menu', channel: 'phone', stage: null })).toStrictEqual({ id: 'ivr', name: 'Phone menu', channel: 'phone' });
  });

  it('rejects a non-object, missing or empty names, an unknown channel (listing the allowed ones), a bad stage', () => {
    expect(paths(null)).toEqual(['']);
    expect(paths({})).toEqual(['id', 'name', 'channel']);
    expect(paths({ id: 'x', name: '', channel: 'web' })).toEqual(['name']);
    expect(paths({ id: 'x', name: 'X', channel: 'web', stage: '' })).toEqual(['stage']);
    const [issue] = issuesOf(() => parseTouchpoint({ id: 'x', name: 'X', channel: 'Web' }));
    expect(issue).toEqual({ path: 'channel', message: 'expected one of "web", "app", "email", "phone", "chat", "social", "store", "sms", "other", got "Web"' });
  });
});
