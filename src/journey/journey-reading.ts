/**
 * What the journey functions read from a validated journey beyond its stages: the entry
 * channel, the segment as a group key, and the conversion test.
 */
import type { Channel } from '../models/channel';
import type { Interaction } from '../models/interaction';
import type { Journey } from '../models/journey';
import { requireChannel } from '../models/journey-reader';
import type { StageList } from '../models/journey-reader';
import type { Accessor } from '../internal/values';
import { isMissing } from '../internal/input';
import { describeValue, fail } from '../internal/validate';

/**
 * The channel of a validated journey's first interaction that names one (its entry channel);
 * `null` when none does. A channel outside {@link CHANNELS} is `UNKNOWN_REFERENCE`.
 */
export function entryChannel(fn: string, journey: Journey, i: number): Channel | null {
  const stages = journey.stages;
  for (let k = 0; k < stages.length; k++) {
    const interactions = (stages[k] as Journey['stages'][number]).interactions;
    for (let m = 0; m < interactions.length; m++) {
      const channel = (interactions[m] as Interaction).channel;
      if (!isMissing(channel)) return requireChannel(fn, channel, i, `stages[${k}].interactions[${m}].channel`);
    }
  }
  return null;
}

/** A validated journey's `segment` as a group key: a string, or `null` when absent (`INVALID_RECORD` otherwise). */
export function segmentKey(fn: string, journey: Journey, i: number): string | null {
  const segment: unknown = journey.segment;
  if (isMissing(segment)) return null;
  if (typeof segment === 'string') return segment;
  throw fail('INVALID_RECORD', fn, `journey at index ${i}: segment ${describeValue(segment)} is not a string`, {
    index: i,
    field: 'segment',
    value: segment,
    issues: [{ path: 'segment', message: `expected a string, got ${describeValue(segment)}` }],
  });
}

/**
 * Read a `converted` option: a stage name (converted = the journey has that stage; checked
 * against the stage list when there is one) or a predicate.
 */
export function readConversionTest(
  fn: string,
  converted: string | Accessor<Journey, boolean> | undefined,
  list: StageList | undefined,
): Accessor<Journey, unknown> | undefined {
  if (converted === undefined) return undefined;
  if (typeof converted === 'function') return converted;
  if (typeof converted === 'string') {
    if (list !== undefined && !list.position.has(converted)) {
      throw fail('UNKNOWN_REFERENCE', fn, `converted stage ${describeValue(converted)} is not one of the stages`, { field: 'converted', value: converted });
    }
    return (j) => j.stages.some((s) => s.name === converted);
  }
  throw fail('INVALID_OPTION', fn, `converted ${describeValue(converted)} is not a stage name or a function`, { field: 'converted', value: converted });
}

/** Call a conversion test and insist on a boolean (`INVALID_OPTION` otherwise). */
export function isConvertedJourney(fn: string, test: Accessor<Journey, unknown>, journey: Journey, i: number): boolean {
  const yes = test(journey, i);
  if (typeof yes !== 'boolean') {
    throw fail('INVALID_OPTION', fn, `converted returned ${describeValue(yes)} for the journey at index ${i}; expected a boolean`, {
      field: 'converted',
      value: yes,
      index: i,
    });
  }
  return yes;
}
