/**
 * Readers for each model record, shared by the public parsers (`parseJourney` reads its
 * interactions with the same reader as `parseInteraction`). Each reader records every
 * problem under `path` and returns a fresh object holding exactly the typed shape.
 */
import { CHANNELS, type Channel } from './channel';
import type { AttributeValue, Customer } from './customer';
import {
  DEFAULT_SURVEY_SCALES,
  INTERACTION_TYPES,
  SURVEY_METRICS,
  type Interaction,
  type SurveyScale,
} from './interaction';
import type { Journey, JourneyStage } from './journey';
import type { Instant } from '../internal/time';
import type { Touchpoint } from './touchpoint';
import {
  INVALID,
  expected,
  instantMs,
  issue,
  optional,
  child,
  readArray,
  readBoolean,
  readCount,
  readInstant,
  readName,
  readNonNegative,
  readObject,
  readOneOf,
  show,
  showInstant,
  RecordBuilder,
  type ParseContext,
  type Path,
  type Read,
  type Reader,
} from './parse';

/**
 * The record with its absent optional fields left out, or {@link INVALID} if any field was
 * invalid (its issue is already recorded). For records whose fields do not depend on a
 * discriminant; `readInteraction` fills a {@link RecordBuilder} field by field instead.
 */
function assemble<T>(fields: Record<string, unknown>): Read<T> {
  const out = new RecordBuilder();
  // The keys are the model's own field names, never input keys.
  for (const key in fields) out.set(key, fields[key]);
  return out.done<T>();
}

const readChannel: Reader<Channel> = (ctx, path, value) => readOneOf(ctx, path, value, CHANNELS);

const readAttributeValue: Reader<AttributeValue> = (ctx, path, value) =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
    ? value
    : expected(ctx, path, 'a string, a finite number, true, false or null', value);

const readAttributes: Reader<Readonly<Record<string, AttributeValue>>> = (ctx, path, value) => {
  const o = readObject(ctx, path, value);
  if (o === INVALID) return INVALID;
  const entries = Object.keys(o).map((key) => [key, readAttributeValue(ctx, child(path, key), o[key])] as const);
  // fromEntries defines own properties, so a "__proto__" key stays a plain attribute.
  return entries.some(([, v]) => v === INVALID) ? INVALID : (Object.fromEntries(entries) as Record<string, AttributeValue>);
};

/** A {@link Customer}. */
export const readCustomer: Reader<Customer> = (ctx, path, value) => {
  const o = readObject(ctx, path, value);
  if (o === INVALID) return INVALID;
  return assemble<Customer>({
    id: readName(ctx, child(path, 'id'), o.id),
    acquiredAt: optional(ctx, child(path, 'acquiredAt'), o.acquiredAt, readInstant),
    segment: optional(ctx, child(path, 'segment'), o.segment, readName),
    attributes: optional(ctx, child(path, 'attributes'), o.attributes, readAttributes),
  });
};

/** A {@link Touchpoint}. */
export const readTouchpoint: Reader<Touchpoint> = (ctx, path, value) => {
  const o = readObject(ctx, path, value);
  if (o === INVALID) return INVALID;
  return assemble<Touchpoint>({
    id: readName(ctx, child(path, 'id'), o.id),
    name: readName(ctx, child(path, 'name'), o.name),
    channel: readChannel(ctx, child(path, 'channel'), o.channel),
    stage: optional(ctx, child(path, 'stage'), o.stage, readName),
  });
};

/** An integer scale with min < max. */
const readScale: Reader<SurveyScale> = (ctx, path, value) => {
  const o = readObject(ctx, path, value);
  if (o === INVALID) return INVALID;
  const isInteger = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  const min = isInteger(o.min) ? o.min : expected(ctx, child(path, 'min'), 'an integer', o.min);
  const max = isInteger(o.max) ? o.max : expected(ctx, child(path, 'max'), 'an integer', o.max);
  if (min === INVALID || max === INVALID) return INVALID;
  if (min >= max) return issue(ctx, path, `expected min < max, got ${min}–${max}`);
  return { min, max };
};

/** `at` no earlier than `start`, else an order issue naming both. */
function notBefore(ctx: ParseContext, path: Path, at: Read<Instant> | undefined, start: Read<Instant>, startPath: string): Read<Instant> | undefined {
  if (at === undefined || at === INVALID || start === INVALID || instantMs(at) >= instantMs(start)) return at;
  return issue(ctx, path, `expected no earlier than ${startPath} (${showInstant(start)}), got ${showInstant(at)}`);
}

/** An {@link Interaction} of any of the four types. */
export const readInteraction: Reader<Interaction> = (ctx, path, value) => {
  const o = readObject(ctx, path, value);
  if (o === INVALID) return INVALID;
  const out = new RecordBuilder();
  const type = readOneOf(ctx, child(path, 'type'), o.type, INTERACTION_TYPES);
  out.set('type', type);
  out.set('id', optional(ctx, child(path, 'id'), o.id, readName));
  out.set('customerId', readName(ctx, child(path, 'customerId'), o.customerId));
  const when = readInstant(ctx, child(path, 'at'), o.at);
  out.set('at', when);
  // Visits require a touchpoint and support contacts a channel; elsewhere both are optional.
  const touchpoint = child(path, 'touchpoint');
  out.set('touchpoint', type === 'visit' ? readName(ctx, touchpoint, o.touchpoint) : optional(ctx, touchpoint, o.touchpoint, readName));
  const channel = child(path, 'channel');
  out.set('channel', type === 'support' ? readChannel(ctx, channel, o.channel) : optional(ctx, channel, o.channel, readChannel));
  switch (type) {
    case 'survey':
      readSurveyFields(ctx, path, o, out);
      break;
    case 'purchase':
      out.set('amount', readNonNegative(ctx, child(path, 'amount'), o.amount));
      out.set('currency', readCurrency(ctx, child(path, 'currency'), o.currency));
      out.set('items', optional(ctx, child(path, 'items'), o.items, readCount));
      break;
    case 'support':
      for (const key of ['firstResponseAt', 'resolvedAt'] as const) {
        const where = child(path, key);
        out.set(key, notBefore(ctx, where, optional(ctx, where, o[key], readInstant), when, 'at'));
      }
      out.set('resolvedOnFirstContact', optional(ctx, child(path, 'resolvedOnFirstContact'), o.resolvedOnFirstContact, readBoolean));
      break;
    case 'visit':
      break;
    default:
      return INVALID;
  }
  return out.done<Interaction>();
};

const CURRENCY = /^[A-Z]{3}$/;

/** An ISO 4217-shaped code: three capital letters. */
const readCurrency: Reader<string> = (ctx, path, value) =>
  typeof value === 'string' && CURRENCY.test(value) ? value : expected(ctx, path, 'an ISO 4217 code of 3 capital letters such as "USD"', value);

/** `metric`, `score` and `scale` of a survey response: the score is checked on the scale in force. */
function readSurveyFields(ctx: ParseContext, path: Path, o: Readonly<Record<string, unknown>>, out: RecordBuilder): void {
  const metric = readOneOf(ctx, child(path, 'metric'), o.metric, SURVEY_METRICS);
  let scale = optional(ctx, child(path, 'scale'), o.scale, readScale);
  if (metric === 'nps' && scale !== undefined && scale !== INVALID && (scale.min !== 0 || scale.max !== 10)) {
    scale = issue(ctx, child(path, 'scale'), `expected 0–10 (the NPS scale is fixed), got ${scale.min}–${scale.max}`);
  }
  // Without a valid scale or metric the range is unknown: the score is then only checked to be an integer.
  const range = scale === INVALID ? undefined : (scale ?? (metric === INVALID ? undefined : DEFAULT_SURVEY_SCALES[metric]));
  const s = o.score;
  const score =
    typeof s === 'number' && Number.isInteger(s) && (range === undefined || (s >= range.min && s <= range.max))
      ? s
      : expected(ctx, child(path, 'score'), range === undefined ? 'an integer' : `an integer ${range.min}–${range.max}`, s);
  out.set('metric', metric);
  out.set('score', score);
  out.set('scale', scale);
  out.set('ratings', optional(ctx, child(path, 'ratings'), o.ratings, readRatings));
}

/** Attribute ratings of a survey response: an object of whole numbers. */
const readRatings: Reader<Readonly<Record<string, number>>> = (ctx, path, value) => {
  const o = readObject(ctx, path, value);
  if (o === INVALID) return INVALID;
  const entries = Object.keys(o).map((key) => {
    const v = o[key];
    return [key, typeof v === 'number' && Number.isInteger(v) ? v : expected(ctx, child(path, key), 'a whole-number rating', v)] as const;
  });
  // fromEntries defines own properties, so a "__proto__" key stays a plain rating.
  return entries.some(([, v]) => v === INVALID) ? INVALID : (Object.fromEntries(entries) as Record<string, number>);
};

/** A {@link JourneyStage} whose interactions all belong to `customerId` (when known). */
function readStage(ctx: ParseContext, path: Path, value: unknown, customerId: Read<string>): Read<JourneyStage> {
  const o = readObject(ctx, path, value);
  if (o === INVALID) return INVALID;
  const list = readArray(ctx, child(path, 'interactions'), o.interactions);
  const interactions =
    list === INVALID
      ? INVALID
      : list.map((raw, m) => {
          const where = child(child(path, 'interactions'), m);
          const interaction = readInteraction(ctx, where, raw);
          // Checked on the raw record, so a foreign customer is reported even beside other problems.
          const owner = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).customerId : undefined;
          if (customerId !== INVALID && typeof owner === 'string' && owner !== '' && owner !== customerId) {
            return issue(ctx, child(where, 'customerId'), `expected the journey's customer ${show(customerId)}, got ${show(owner)}`);
          }
          return interaction;
        });
  return assemble<JourneyStage>({
    name: readName(ctx, child(path, 'name'), o.name),
    enteredAt: readInstant(ctx, child(path, 'enteredAt'), o.enteredAt),
    interactions: interactions !== INVALID && interactions.includes(INVALID) ? INVALID : interactions,
  });
}

/** A {@link Journey}: non-empty stages entered in non-decreasing order, interactions of its customer. */
export const readJourney: Reader<Journey> = (ctx, path, value) => {
  const o = readObject(ctx, path, value);
  if (o === INVALID) return INVALID;
  const id = optional(ctx, child(path, 'id'), o.id, readName);
  const customerId = readName(ctx, child(path, 'customerId'), o.customerId);
  const list = readArray(ctx, child(path, 'stages'), o.stages, true);
  let stages: Read<JourneyStage[]> = INVALID;
  if (list !== INVALID) {
    // Each stage's order is checked as it is read (so issues come in document order), against
    // the latest stage whose entry time could be read.
    let previous: { k: number; at: Instant } | undefined;
    const read = list.map((raw, k): Read<JourneyStage> => {
      const where = child(child(path, 'stages'), k);
      const stage = readStage(ctx, where, raw, customerId);
      const entered = stage !== INVALID ? stage.enteredAt : rawInstant(raw);
      if (entered === undefined) return stage;
      if (previous !== undefined && instantMs(entered) < instantMs(previous.at)) {
        return issue(
          ctx,
          child(where, 'enteredAt'),
          `expected no earlier than stages[${previous.k}].enteredAt (${showInstant(previous.at)}), got ${showInstant(entered)}`,
        );
      }
      previous = { k, at: entered };
      return stage;
    });
    stages = read.includes(INVALID) ? INVALID : (read as JourneyStage[]);
  }
  return assemble<Journey>({ id, customerId, stages, segment: optional(ctx, child(path, 'segment'), o.segment, readName) });
};

/** The entry time of a stage that failed for another reason, if it is itself valid (no issue recorded). */
function rawInstant(raw: unknown): Instant | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const value = (raw as Record<string, unknown>).enteredAt;
  const ctx: ParseContext = { issues: [] };
  const at = readInstant(ctx, '', value);
  return at === INVALID ? undefined : at;
}
