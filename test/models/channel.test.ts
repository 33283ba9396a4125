import { describe, expect, it } from 'vitest';
import { CHANNELS, parseTouchpoint, type Channel } from '../../src/models';

describe('CHANNELS', () => {
  it('lists every Channel once, frozen, and is what the parsers accept', () => {
    // A Record over the union fails to compile if the type gains or loses a member.
    const every: Record<Channel, true> = { web: true, app: true, email: true, phone: true, chat: true, social: true, store: true, sms: true, other: true };
    expect([...CHANNELS].sort()).toEqual(Object.keys(every).sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    expect(Object.isFrozen(CHANNELS)).toBe(true);
    for (const channel of CHANNELS) expect(parseTouchpoint({ id: 't', name: 'T', channel }).channel).toBe(channel);
  });
});
