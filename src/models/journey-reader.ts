/**
 * Reading journeys: the checks every function reading {@link Journey} records applies (the
 * journey domain and the survey domain's journey-attached responses), in one place, so that an
 * unknown stage, a stage out of order or another customer's interaction is rejected with the
 * same code and message everywhere. Positions are reported as the journey's index in the
 * input (`details.index`) and the path inside it (`details.field`, e.g. `stages[2].name`).
 * Not exported from the package.
 */
import { CHANNELS, type Channel } from './channel';
import type { Interaction } from './interaction';
import type { Journey } from './journey';
import { MAX_EPOCH_MS, toEpochMs } from '../internal/calendar';
import { describeValue, fail } from '../internal/validate';

/** An ordered stage list, validated, with each name's position. */
export interface StageList {
  readonly names: readonly string[];
  readonly position: ReadonlyMap<string, number>;
}

/** Validate the ordered stage list argument: a non-empty array of distinct non-empty names. */
export function readStageList(fn: string, stages: unknown): StageList {
  if (!Array.isArray(stages) || stages.length === 0) {
    throw fail('INVALID_OPTION', fn, `stages must be a non-empty array of stage names, got ${describeValue(stages)}${Array.isArray(stages) ? ' (empty)' : ''}`, {
      field: 'stages',
      value: stages,
    });
  }
  const position = new Map<string, number>();
  stages.forEach((name: unknown, k) => {
    if (typeof name !== 'string' || name === '') {
      throw fail('INVALID_OPTION', fn, `stages[${k}] ${describeValue(name)} is not a stage name`, { field: `stages[${k}]`, value: name, index: k });
    }
    if (position.has(name)) {
      throw fail('INVALID_OPTION', fn, `stages[${k}] ${describeValue(name)} is listed twice`, { field: `stages[${k}]`, value: name, index: k });
    }
    position.set(name, k);
  });
  return { names: stages as string[], position };
}

function bad(fn: string, i: number, field: string, value: unknown, what: string): never {
  throw fail('INVALID_RECORD', fn, `journey at index ${i}: ${field} ${describeValue(value)} ${what}`, {
    index: i,
    field,
    value,
    issues: [{ path: field, message: `${what}, got ${describeValue(value)}` }],
  });
}

/**
 * Scratch space a journey is read into: for its k-th stage, the stage's position in the
 * stage list (or −1 without one) and its entry time in epoch ms.
 */
export interface JourneyScratch {
  positions: Int32Array;
  times: Float64Array;
}

export function createScratch(): JourneyScratch {
  return { positions: new Int32Array(16), times: new Float64Array(16) };
}

/**
 * Check one journey and read its stages into `scratch`; returns the number of stages.
 *
 * Rejects: a non-object, a `customerId` that is not a string, a missing or empty `stages`
 * array (`INVALID_RECORD`); a stage name not in the list (`UNKNOWN_REFERENCE`); a stage that
 * comes at or before the previous one in the list, or an `enteredAt` earlier than the
 * previous stage's (`ORDER_VIOLATION`); an invalid `enteredAt` or interaction `at`
 * (`INVALID_DATE`); an interaction of another customer (`UNKNOWN_REFERENCE`); an interaction
 * whose `type` is not one of the four (`INVALID_RECORD`: it would otherwise be skipped
 * silently by every function that reads some types only).
 */
export function readJourney(
  fn: string,
  journey: unknown,
  i: number,
  list: StageList | undefined,
  scratch: JourneyScratch,
  checkInteractionTimes = false,
): number {
  if (journey === null || typeof journey !== 'object') bad(fn, i, 'journey', journey, 'is not a journey object');
  const j = journey as Journey;
  const customerId = j.customerId;
  if (typeof customerId !== 'string') bad(fn, i, 'customerId', customerId, 'is not a string');
  const stages = j.stages;
  if (!Array.isArray(stages)) bad(fn, i, 'stages', stages, 'is not an array of stages');
  const count = stages.length;
  if (count === 0) {
    throw fail('INVALID_RECORD', fn, `journey at index ${i} has an empty stage list`, {
      index: i,
      field: 'stages',
      value: stages,
      issues: [{ path: 'stages', message: 'expected at least one stage' }],
    });
  }
  if (scratch.positions.length < count) {
    scratch.positions = new Int32Array(count * 2);
    scratch.times = new Float64Array(count * 2);
  }
  let previousPosition = -1;
  let previousTime = -Infinity;
  for (let k = 0; k < count; k++) {
    const stage = stages[k] as JourneyStageLike | null | undefined;
    if (stage === null || typeof stage !== 'object') bad(fn, i, `stages[${k}]`, stage, 'is not a stage object');
    const name = stage.name;
    if (typeof name !== 'string') bad(fn, i, `stages[${k}].name`, name, 'is not a string');
    let position = -1;
    if (list !== undefined) {
      const p = list.position.get(name);
      if (p === undefined) {
        throw fail('UNKNOWN_REFERENCE', fn, `journey at index ${i}: stages[${k}].name ${describeValue(name)} is not one of the stages ${list.names.map((s) => describeValue(s)).join(', ')}`, {
          index: i,
          field: `stages[${k}].name`,
          value: name,
        });
      }
      if (p <= previousPosition) {
        throw fail('ORDER_VIOLATION', fn, `journey at index ${i}: stages[${k}] ${describeValue(name)} comes after ${describeValue(list.names[previousPosition])}, which follows it in the stage list`, {
          index: i,
          field: `stages[${k}].name`,
          value: name,
        });
      }
      position = p;
      previousPosition = p;
    }
    const t = epochMs(fn, stage.enteredAt, i, k);
    if (t < previousTime) {
      throw fail('ORDER_VIOLATION', fn, `journey at index ${i}: stages[${k}] ${describeValue(name)} was entered at ${new Date(t).toISOString()}, before the stage it follows (${new Date(previousTime).toISOString()})`, {
        index: i,
        field: `stages[${k}].enteredAt`,
        value: stage.enteredAt,
      });
    }
    previousTime = t;
    scratch.positions[k] = position;
    scratch.times[k] = t;
    const interactions = stage.interactions;
    if (!Array.isArray(interactions)) bad(fn, i, `stages[${k}].interactions`, interactions, 'is not an array of interactions');
    for (let m = 0; m < interactions.length; m++) {
      const interaction = interactions[m] as Interaction | null | undefined;
      if (interaction === null || typeof interaction !== 'object') {
        bad(fn, i, `stages[${k}].interactions[${m}]`, interaction, 'is not an interaction');
      }
      const type = interaction.type;
      if (!isInteractionType(type)) bad(fn, i, `stages[${k}].interactions[${m}].type`, type, TYPE_EXPECTED);
      if (interaction.customerId !== customerId) {
        throw fail('UNKNOWN_REFERENCE', fn, `journey at index ${i}: stages[${k}].interactions[${m}] belongs to customer ${describeValue(interaction.customerId)}, not to the journey's customer ${describeValue(customerId)}`, {
          index: i,
          field: `stages[${k}].interactions[${m}].customerId`,
          value: interaction.customerId,
        });
      }
      if (checkInteractionTimes) epochMs(fn, interaction.at, i, k, m);
    }
  }
  return count;
}

// The common case (epoch ms in the Date range, or a valid Date) without building the error label.
function epochMs(fn: string, instant: unknown, i: number, k: number, m?: number): number {
  if (typeof instant === 'number' && Math.abs(instant) <= MAX_EPOCH_MS) return instant;
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isFinite(ms)) return ms;
  }
  const what = m === undefined ? `journey ${i} stages[${k}].enteredAt` : `journey ${i} stages[${k}].interactions[${m}].at`;
  return toEpochMs(fn, what, instant, i);
}

interface JourneyStageLike {
  readonly name: unknown;
  readonly enteredAt: unknown;
  readonly interactions: unknown;
}

const TYPE_EXPECTED = "is not one of 'survey', 'purchase', 'support', 'visit'";

/** One of the four interaction types (compared directly: this runs for every interaction). */
function isInteractionType(type: unknown): boolean {
  return type === 'visit' || type === 'survey' || type === 'purchase' || type === 'support';
}

/**
 * Reject an element of an interaction list whose `type` is not one of the four, which the
 * functions reading only some types would otherwise drop without a word.
 */
export function requireInteractionType(fn: string, type: unknown, i: number): void {
  if (!isInteractionType(type)) throw fail('INVALID_RECORD', fn, `type ${describeValue(type)} at index ${i} ${TYPE_EXPECTED}`, { index: i, field: 'type', value: type });
}

/** A channel read from input: one of {@link CHANNELS} (`UNKNOWN_REFERENCE` otherwise, naming `field` of the element at index `i`). */
export function requireChannel(fn: string, channel: unknown, i: number, field: string): Channel {
  if ((CHANNELS as readonly unknown[]).includes(channel)) return channel as Channel;
  throw fail('UNKNOWN_REFERENCE', fn, `${field} ${describeValue(channel)} at index ${i} is not one of ${CHANNELS.join(', ')}`, {
    index: i,
    field,
    value: channel,
  });
}

