import { describe, expect, it } from 'vitest';
import { serviceSection } from '../../../src/cli/sections/service';
import type { Interaction } from '../../../src/models';
import { day, reportInput } from './report-input';

const HOUR = 3_600_000;

describe('serviceSection', () => {
  it('first response, resolution, targets, first-contact resolution and backlog per channel and overall (known values)', () => {
    const t0 = day(2020, 1, 1);
    const interactions: Interaction[] = [
      { type: 'support', customerId: 'a', at: t0, channel: 'email', firstResponseAt: t0 + 0.5 * HOUR, resolvedAt: t0 + 2 * HOUR, resolvedOnFirstContact: true },
      { type: 'support', customerId: 'b', at: t0, channel: 'email', firstResponseAt: t0 + 3 * HOUR, resolvedAt: t0 + 30 * HOUR, resolvedOnFirstContact: false },
      { type: 'support', customerId: 'c', at: t0, channel: 'phone', firstResponseAt: t0 + 0.25 * HOUR },
    ];
    const s = serviceSection(reportInput({ interactions, observationEnd: t0 + 48 * HOUR }));
    expect(s?.id).toBe('serviceLevels');
    const channels = (s?.data as { targets: object; channels: { channel: string; contacts: number; medianFirstResponseHours: number; firstResponseWithinTarget: number; resolutionWithinTarget: number; backlog: number }[] }).channels;
    expect((s?.data as { targets: object }).targets).toEqual({ firstResponseTarget: 1, resolutionTarget: 24 });
    expect(channels.map((c) => c.channel)).toEqual(['email', 'phone', 'all']);
    const email = channels[0];
    expect(email).toMatchObject({ contacts: 2, medianFirstResponseHours: 1.75, firstResponseWithinTarget: 0.5, resolutionWithinTarget: 0.5, backlog: 0 });
    expect(channels[1]).toMatchObject({ contacts: 1, medianFirstResponseHours: 0.25, firstResponseWithinTarget: 1, backlog: 1 });
    expect(channels[2]).toMatchObject({ contacts: 3, medianFirstResponseHours: 0.5, backlog: 1 });
    expect(s?.lines.some((l) => /^phone\s+1\s+15 min\s+100 %/.test(l))).toBe(true);
  });

  it('no support contacts: no section', () => {
    expect(serviceSection(reportInput({}))).toBeUndefined();
  });
});
