import { describe, expectTypeOf, it } from 'vitest';
import { serviceLevels, type ServiceLevelsResult } from '../../src/journey';
import type { Channel, Interaction, Interval } from '../../src/models';

declare const contacts: Interaction[];

describe('serviceLevels types', () => {
  it('takes interactions and a duration unit', () => {
    expectTypeOf(serviceLevels(contacts, { unit: 'minute' })).toEqualTypeOf<ServiceLevelsResult>();
    serviceLevels([...contacts, null], { unit: 'hour', firstResponseTarget: 1, resolutionTarget: 24, asOf: 0, percentiles: [0.9], level: 0.9 });
    // @ts-expect-error the unit is required
    serviceLevels(contacts, {});
    // @ts-expect-error records must be interactions
    serviceLevels([{ s: 1 }], { unit: 'hour' });
  });
  it('returns groups named by channel', () => {
    const r = serviceLevels(contacts, { unit: 'minute' });
    expectTypeOf(r.groups[0]!.group).toEqualTypeOf<Channel>();
    expectTypeOf(r.firstContactResolution.interval).toEqualTypeOf<Interval | undefined>();
    // @ts-expect-error the byChannel record is gone
    void r.byChannel;
  });
});
