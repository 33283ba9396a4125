// Also covered through every journey function's tests and the journey bad-input rows.
import { describe, expect, it } from 'vitest';
import { createScratch, readJourney, readStageList } from '../../src/models/journey-reader';
import { expectCxMetricsError } from '../support/error-code';

const stage = (name: string, enteredAt: number) => ({ name, enteredAt, interactions: [] });

describe('readJourney', () => {
  it('reads positions and entry times into the scratch space', () => {
    const list = readStageList('f', ['a', 'b', 'c']);
    const scratch = createScratch();
    expect(readJourney('f', { customerId: 'x', stages: [stage('a', 1), stage('c', 5)] }, 0, list, scratch)).toBe(2);
    expect(Array.from(scratch.positions.subarray(0, 2))).toEqual([0, 2]);
    expect(Array.from(scratch.times.subarray(0, 2))).toEqual([1, 5]);
  });
  it('rejects unknown stages, stages out of order and a bad stage list', () => {
    const list = readStageList('f', ['a', 'b']);
    expectCxMetricsError(() => readJourney('f', { customerId: 'x', stages: [stage('z', 1)] }, 0, list, createScratch()), 'UNKNOWN_REFERENCE', 'f');
    expectCxMetricsError(() => readJourney('f', { customerId: 'x', stages: [stage('b', 1), stage('a', 2)] }, 0, list, createScratch()), 'ORDER_VIOLATION', 'f');
    expectCxMetricsError(() => readStageList('f', ['a', 'a']), 'INVALID_OPTION', 'f');
    expectCxMetricsError(() => readStageList('f', []), 'INVALID_OPTION', 'f');
  });
});
