import { describe, expect, it } from 'vitest';
import { serviceLevels } from '../../src/journey';
import type { CxMetricsError } from '../../src/internal/errors';
import { expectCxMetricsError } from '../support/error-code';
import type { Interaction } from '../../src/models';
import { contact, MIN } from './fixtures';


const data: (Interaction | null)[] = [
  contact('chat', 0, 1, 15, true),
  contact('chat', 10, 13, 40, true),
  contact('chat', 20, 80, 200, false),
  contact('email', 0, 120, 600, true),
  contact('email', 30, undefined, undefined),
  contact('phone', 5, 5, 5),
  { type: 'visit', customerId: 'c', at: 0, touchpoint: 'home' },
  null,
];

describe('serviceLevels', () => {
  it('summarises response and resolution times overall and per channel', () => {
    const s = serviceLevels(data, { unit: 'minute', firstResponseTarget: 60, resolutionTarget: 120, percentiles: [0.9] });
    expect(s).toMatchObject({ contacts: 6, skipped: 1, ignored: 1, unit: 'minute', level: 0.95 });
    // response times: 1, 3, 60, 120, 0 (email #2 pending)
    expect(s.firstResponse).toMatchObject({ count: 5, median: 3, mean: 36.8, min: 0, max: 120, pending: 1, withinTarget: 0.8 });
    // type 7 at 0.9 of [0, 1, 3, 60, 120]: h = 3.6 → 60 + 0.6 × 60 = 96
    expect(s.firstResponse.percentiles[0]!.value).toBeCloseTo(96, 10);
    // resolution times: 15, 30, 180, 600, 0
    expect(s.resolution).toMatchObject({ count: 5, median: 30, pending: 1, withinTarget: 0.6 });
    expect(s.groups.find((g) => g.group === 'chat')!.firstResponse).toMatchObject({ count: 3, median: 3, withinTarget: 1 });
    expect(s.groups.find((g) => g.group === 'chat')!.resolution.median).toBe(30);
    expect(s.groups.find((g) => g.group === 'email')!.firstResponse).toMatchObject({ count: 1, median: 120, pending: 1, withinTarget: 0 });
    expect(s.groups.map((g) => g.group)).toEqual(['email', 'phone', 'chat']);
  });

  it('computes first-contact resolution over contacts whose flag is known, with a Wilson interval', () => {
    const s = serviceLevels(data, { unit: 'minute' });
    expect(s.firstContactResolution).toMatchObject({ known: 4, resolved: 3, rate: 0.75 });
    // Wilson 3/4 at 95 % (z = 1.959963984540054), computed by hand.
    expect(s.firstContactResolution.interval!.lower).toBeCloseTo(0.30064184258240184, 12);
    expect(s.firstContactResolution.interval!.upper).toBeCloseTo(0.9544127391902995, 12);
    expect(s.groups.find((g) => g.group === 'phone')!.firstContactResolution).toMatchObject({ known: 0, rate: undefined, interval: undefined });
    expect(s.firstResponse.withinTarget).toBeUndefined();
  });

  it('measures the backlog at an instant', () => {
    expect(serviceLevels(data, { unit: 'minute' }).backlog).toBe(1);
    const at50 = serviceLevels(data, { unit: 'minute', asOf: 50 * MIN });
    // open at minute 50: chat #3 (until 200), email #1 (until 600), email #2 (never resolved)
    expect(at50.backlog).toBe(3);
    expect(at50.groups.find((g) => g.group === 'chat')!.backlog).toBe(1);
    // before anything was opened
    expect(serviceLevels(data, { unit: 'minute', asOf: new Date(-1) }).backlog).toBe(0);
  });

  it('converts units and gives undefined figures with no contacts', () => {
    expect(serviceLevels(data, { unit: 'hour' }).resolution.median).toBe(0.5);
    const none = serviceLevels([], { unit: 'hour', firstResponseTarget: 1 });
    expect(none).toMatchObject({ contacts: 0, backlog: 0 });
    expect(none.firstResponse).toMatchObject({ count: 0, median: undefined, mean: undefined, withinTarget: undefined, withinTargetInterval: undefined });
    expect(none.groups).toEqual([]);
  });

  it.each<[string, () => unknown, string]>([
    ['no unit', () => serviceLevels(data, {} as never), 'INVALID_OPTION'],
    ['an unknown unit', () => serviceLevels(data, { unit: 'minutes' as never }), 'INVALID_OPTION'],
    ['a negative target', () => serviceLevels(data, { unit: 'minute', firstResponseTarget: -1 }), 'NEGATIVE_VALUE'],
    ['a NaN target', () => serviceLevels(data, { unit: 'minute', resolutionTarget: Number.NaN }), 'INVALID_NUMBER'],
    ['level 1', () => serviceLevels(data, { unit: 'minute', level: 1 }), 'OUT_OF_RANGE'],
    ['a percentile of 95', () => serviceLevels(data, { unit: 'minute', percentiles: [95] }), 'OUT_OF_RANGE'],
    ['an invalid asOf', () => serviceLevels(data, { unit: 'minute', asOf: 'now' as never }), 'INVALID_DATE'],
    ['a response before the contact', () => serviceLevels([contact('chat', 10, 5)], { unit: 'minute' }), 'ORDER_VIOLATION'],
    ['a resolution before the contact', () => serviceLevels([contact('chat', 10, 12, 9)], { unit: 'minute' }), 'ORDER_VIOLATION'],
    ['an invalid opening time', () => serviceLevels([{ ...contact('chat', 0), at: Number.NaN }], { unit: 'minute' }), 'INVALID_DATE'],
    ['an unknown channel', () => serviceLevels([{ ...contact('chat', 0), channel: 'fax' as never }], { unit: 'minute' }), 'UNKNOWN_REFERENCE'],
    ['a string FCR flag', () => serviceLevels([{ ...contact('chat', 0), resolvedOnFirstContact: 'yes' as never }], { unit: 'minute' }), 'INVALID_RECORD'],
    ['a number instead of a contact', () => serviceLevels([5 as never], { unit: 'minute' }), 'INVALID_RECORD'],
    ['an interaction of no known type', () => serviceLevels([{ ...contact('chat', 0), type: 'ticket' as never }], { unit: 'minute' }), 'INVALID_RECORD'],
    ['a string percentile', () => serviceLevels(data, { unit: 'minute', percentiles: ['0.5' as never] }), 'INVALID_NUMBER'],
  ])('rejects %s', (_name, run, code) => {
    expectCxMetricsError(run, code, 'serviceLevels');
  });

  it('reports the index of a bad contact', () => {
    try {
      serviceLevels([contact('chat', 0, 1), contact('chat', 10, 5)], { unit: 'minute' });
    } catch (error) {
      expect((error as CxMetricsError).details).toMatchObject({ index: 1, field: 'firstResponseAt' });
    }
    expect.assertions(1);
  });
});
