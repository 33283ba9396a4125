import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { serviceLevels } from '../../src/journey';
import type { Channel } from '../../src/models';
import { supportContactArb } from '../support/arbitraries';
import { contact, MIN } from './fixtures';


describe('serviceLevels properties', () => {
  const contactArb = fc
    .record({
      channel: fc.constantFrom<Channel>('chat', 'email', 'phone'),
      opened: fc.integer({ min: 0, max: 1000 }),
      wait: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
      solve: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
      fcr: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ channel, opened, wait, solve, fcr }) =>
      contact(channel, opened, wait === undefined ? undefined : opened + wait, solve === undefined ? undefined : opened + solve, fcr),
    );

  test.prop([fc.array(contactArb, { maxLength: 60 }), fc.integer({ min: 0, max: 4000 })], { numRuns: 60 })(
    'channel figures add up to the totals; shares within [0, 1]; order does not matter',
    (contacts, asOf) => {
      const options = { unit: 'minute', firstResponseTarget: 60, resolutionTarget: 600, asOf: asOf * MIN } as const;
      const s = serviceLevels(contacts, options);
      const groups = s.groups;
      const sum = (pick: (g: (typeof groups)[number]) => number) => groups.reduce((acc, g) => acc + pick(g), 0);
      expect(sum((g) => g.contacts)).toBe(s.contacts);
      expect(sum((g) => g.backlog)).toBe(s.backlog);
      expect(sum((g) => g.firstResponse.count + g.firstResponse.pending)).toBe(s.contacts);
      expect(sum((g) => g.firstContactResolution.resolved)).toBe(s.firstContactResolution.resolved);
      for (const share of [s.firstResponse.withinTarget, s.resolution.withinTarget, s.firstContactResolution.rate]) {
        if (share !== undefined) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
      }
      expect(serviceLevels([...contacts].reverse(), options)).toEqual(s);
    },
  );

  // The library-wide arbitraries: Date and epoch instants mixed, every channel.
  test.prop([fc.array(supportContactArb, { maxLength: 60 })], { numRuns: 40 })('over the shared arbitraries: channel counts add up, order does not matter', (contacts) => {
    const s = serviceLevels(contacts, { unit: 'hour', firstResponseTarget: 1 });
    expect(s.groups.reduce((acc, g) => acc + g.contacts, 0)).toBe(contacts.length);
    expect(serviceLevels([...contacts].reverse(), { unit: 'hour', firstResponseTarget: 1 })).toEqual(s);
  });
});
