// Also covered through journeyFunnel (entry channel, segment groups) and journeyPaths /
// journeySatisfaction (conversion tests), and the journey bad-input rows.
import { describe, expect, it } from 'vitest';
import { entryChannel, isConvertedJourney, readConversionTest, segmentKey } from '../../src/journey/journey-reading';
import type { Journey } from '../../src/models';
import { expectCxMetricsError } from '../support/error-code';

const journey: Journey = {
  customerId: 'c',
  segment: 'smb',
  stages: [
    { name: 'visit', enteredAt: 0, interactions: [{ type: 'visit', customerId: 'c', at: 0, touchpoint: 't' }] },
    { name: 'buy', enteredAt: 1, interactions: [{ type: 'purchase', customerId: 'c', at: 1, amount: 5, currency: 'EUR', channel: 'web' }] },
  ],
};

describe('journey reading', () => {
  it('reads the entry channel, the segment and the conversion test', () => {
    expect(entryChannel('f', journey, 0)).toBe('web');
    expect(segmentKey('f', journey, 0)).toBe('smb');
    expect(segmentKey('f', { customerId: 'c', stages: journey.stages }, 0)).toBeNull();
    const test = readConversionTest('f', 'buy', undefined)!;
    expect(isConvertedJourney('f', test, journey, 0)).toBe(true);
  });
  it('rejects a bad segment, conversion option or predicate result', () => {
    expectCxMetricsError(() => segmentKey('f', { ...journey, segment: 3 as never }, 0), 'INVALID_RECORD', 'f');
    expectCxMetricsError(() => readConversionTest('f', 3 as never, undefined), 'INVALID_OPTION', 'f');
    expectCxMetricsError(() => isConvertedJourney('f', () => 1 as never, journey, 0), 'INVALID_OPTION', 'f');
  });
});
