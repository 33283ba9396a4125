/**
 * Shared fast-check arbitraries for the cx-metrics models: valid, realistic, well-typed
 * customers, interactions, touchpoints and journeys for any test that needs them.
 *
 * Every value generated here is accepted by the matching parser (`parseCustomer`,
 * `parseInteraction`, `parseTouchpoint`, `parseJourney`) and survives a JSON round trip through
 * it unchanged: instants are either `Date`s or whole epoch milliseconds between 2020 and 2026,
 * optional fields are either present or absent (never `undefined`), ids are non-empty strings.
 *
 * ```ts
 * import { fc, test } from '@fast-check/vitest';
 * import { journeyArb, interactionArbFor } from '../support/arbitraries';
 * test.prop([journeyArb])('…', (journey) => { … });
 * const aliceEvents = fc.array(interactionArbFor('alice'));
 * ```
 */
import { fc } from '@fast-check/vitest';
import type {
  Channel,
  Customer,
  Instant,
  Interaction,
  Journey,
  JourneyStage,
  Purchase,
  SupportContact,
  SurveyMetric,
  SurveyResponse,
  SurveyScale,
  Touchpoint,
  TouchpointVisit,
} from '../../src/models';
import { CHANNELS } from '../../src/models';

/** 2020-01-01T00:00:00Z, the earliest instant generated. */
export const ARB_EPOCH_START = Date.UTC(2020, 0, 1);
/** 2026-01-01T00:00:00Z, the latest instant generated (journeys may run a little past it). */
export const ARB_EPOCH_END = Date.UTC(2026, 0, 1);

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Drop the keys whose value is `undefined`, so optional fields are absent rather than undefined. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** An optional field: absent about a third of the time. */
function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 3 });
}

/** Customer ids such as `c42`, from a small pool so that lists share customers. */
export const customerIdArb: fc.Arbitrary<string> = fc.integer({ min: 1, max: 500 }).map((n) => `c${n}`);

/** Identifiers of interactions and journeys, such as `i-1f3a9`. */
export const recordIdArb: fc.Arbitrary<string> = fc.integer({ min: 0, max: 0xfffff }).map((n) => `i-${n.toString(16)}`);

/** Whole epoch milliseconds in [2020, 2026). */
export const epochMsArb: fc.Arbitrary<number> = fc.integer({ min: ARB_EPOCH_START, max: ARB_EPOCH_END - 1 });

/** An {@link Instant}: a `Date` or whole epoch milliseconds (half each), in [2020, 2026). */
export const instantArb: fc.Arbitrary<Instant> = fc.oneof(epochMsArb, epochMsArb.map((ms) => new Date(ms)));

/** Shift an instant by `ms`, keeping its representation (a `Date` stays a `Date`). */
export function shiftInstant(instant: Instant, ms: number, like: Instant = instant): Instant {
  const t = (instant instanceof Date ? instant.getTime() : instant) + ms;
  return like instanceof Date ? new Date(t) : t;
}

/** Epoch milliseconds of an instant. */
export function instantMs(instant: Instant): number {
  return instant instanceof Date ? instant.getTime() : instant;
}

/** Any {@link Channel}. */
export const channelArb: fc.Arbitrary<Channel> = fc.constantFrom(...CHANNELS);

/** Realistic touchpoint ids. */
export const TOUCHPOINT_IDS = ['home', 'search', 'product', 'cart', 'checkout', 'help-center', 'call-centre', 'store'] as const;

/** One of {@link TOUCHPOINT_IDS}. */
export const touchpointIdArb: fc.Arbitrary<string> = fc.constantFrom(...TOUCHPOINT_IDS);

/** Realistic journey stage names, in their usual order. */
export const STAGE_NAMES = ['awareness', 'consideration', 'purchase', 'onboarding', 'retention', 'advocacy'] as const;

/** ISO 4217 codes used for purchases. */
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'BRL'] as const;

/** One of {@link CURRENCIES}. */
export const currencyArb: fc.Arbitrary<string> = fc.constantFrom(...CURRENCIES);

/** Segment labels. */
export const segmentArb: fc.Arbitrary<string> = fc.constantFrom('smb', 'enterprise', 'consumer', 'partner');

/** A {@link Customer}, with an optional acquisition instant, segment and a few scalar attributes. */
export const customerArb: fc.Arbitrary<Customer> = fc
  .record({
    id: customerIdArb,
    acquiredAt: optional(instantArb),
    segment: optional(segmentArb),
    attributes: optional(
      fc
        .record(
          {
            plan: fc.constantFrom('free', 'pro', 'team'),
            region: fc.constantFrom('emea', 'amer', 'apac', null),
            seats: fc.integer({ min: 1, max: 500 }),
            monthlyPrice: fc.integer({ min: 0, max: 99_900 }).map((c) => c / 100),
            trial: fc.boolean(),
          },
          { requiredKeys: [], noNullPrototype: true },
        )
        .map((a) => ({ ...a }) as Customer['attributes'] & object),
    ),
  })
  .map((c) => compact(c) as Customer);

/** A {@link SurveyScale} suitable for `metric`: NPS is absent or 0–10; CSAT and CES use their usual variants. */
export function surveyScaleArb(metric: SurveyMetric): fc.Arbitrary<SurveyScale | undefined> {
  const scales: Record<SurveyMetric, SurveyScale[]> = {
    nps: [{ min: 0, max: 10 }],
    csat: [
      { min: 1, max: 5 },
      { min: 1, max: 10 },
      { min: 0, max: 10 },
    ],
    ces: [
      { min: 1, max: 7 },
      { min: 1, max: 5 },
    ],
  };
  return optional(fc.constantFrom(...scales[metric]));
}

/** The fields every interaction shares, for `customerId` (or any customer). */
function baseArb(customerId?: string) {
  return fc.record({
    id: optional(recordIdArb),
    customerId: customerId === undefined ? customerIdArb : fc.constant(customerId),
    at: instantArb,
    touchpoint: optional(touchpointIdArb),
    channel: optional(channelArb),
  });
}

/** A {@link SurveyResponse} (of `customerId`, if given): an integer score on its scale. */
export function surveyResponseArbFor(customerId?: string): fc.Arbitrary<SurveyResponse> {
  return fc
    .tuple(baseArb(customerId), fc.constantFrom<SurveyMetric>('nps', 'csat', 'ces'))
    .chain(([base, metric]) =>
      surveyScaleArb(metric).chain((scale) => {
        const { min, max } = scale ?? { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } }[metric];
        return fc.integer({ min, max }).map((score) => compact({ type: 'survey' as const, ...base, metric, score, scale }) as SurveyResponse);
      }),
    );
}

/** A {@link Purchase} (of `customerId`, if given): an amount in whole cents, a currency, sometimes an item count. */
export function purchaseArbFor(customerId?: string): fc.Arbitrary<Purchase> {
  return fc
    .record({
      base: baseArb(customerId),
      cents: fc.integer({ min: 0, max: 500_000 }),
      currency: currencyArb,
      items: optional(fc.integer({ min: 0, max: 20 })),
    })
    .map(({ base, cents, currency, items }) => compact({ type: 'purchase' as const, ...base, amount: cents / 100, currency, items }) as Purchase);
}

/**
 * A {@link SupportContact} (of `customerId`, if given): a channel, and when answered and
 * resolved, instants no earlier than `at` (first response within two days, resolution within
 * two weeks), in the same representation as `at`.
 */
export function supportContactArbFor(customerId?: string): fc.Arbitrary<SupportContact> {
  return fc
    .record({
      base: baseArb(customerId),
      channel: channelArb,
      responseDelay: optional(fc.integer({ min: 0, max: 48 * HOUR })),
      resolutionDelay: optional(fc.integer({ min: 0, max: 14 * DAY })),
      resolvedOnFirstContact: optional(fc.boolean()),
    })
    .map(({ base, channel, responseDelay, resolutionDelay, resolvedOnFirstContact }) =>
      compact({
        type: 'support' as const,
        ...base,
        channel,
        firstResponseAt: responseDelay === undefined ? undefined : shiftInstant(base.at, responseDelay),
        resolvedAt: resolutionDelay === undefined ? undefined : shiftInstant(base.at, resolutionDelay),
        resolvedOnFirstContact,
      }) as SupportContact,
    );
}

/** A {@link TouchpointVisit} (of `customerId`, if given). */
export function visitArbFor(customerId?: string): fc.Arbitrary<TouchpointVisit> {
  return fc
    .tuple(baseArb(customerId), touchpointIdArb)
    .map(([base, touchpoint]) => compact({ type: 'visit' as const, ...base, touchpoint }) as TouchpointVisit);
}

/** Any {@link Interaction} of `customerId` (or of any customer when omitted), all four types equally likely. */
export function interactionArbFor(customerId?: string): fc.Arbitrary<Interaction> {
  return fc.oneof(surveyResponseArbFor(customerId), purchaseArbFor(customerId), supportContactArbFor(customerId), visitArbFor(customerId));
}

/** A {@link SurveyResponse} of any customer. */
export const surveyResponseArb: fc.Arbitrary<SurveyResponse> = surveyResponseArbFor();
/** A {@link Purchase} of any customer. */
export const purchaseArb: fc.Arbitrary<Purchase> = purchaseArbFor();
/** A {@link SupportContact} of any customer. */
export const supportContactArb: fc.Arbitrary<SupportContact> = supportContactArbFor();
/** A {@link TouchpointVisit} of any customer. */
export const visitArb: fc.Arbitrary<TouchpointVisit> = visitArbFor();
/** Any {@link Interaction} of any customer. */
export const interactionArb: fc.Arbitrary<Interaction> = interactionArbFor();

/** A {@link Touchpoint} of the catalogue, with a readable name, a channel and sometimes a stage. */
export const touchpointArb: fc.Arbitrary<Touchpoint> = fc
  .record({
    id: touchpointIdArb,
    channel: channelArb,
    stage: optional(fc.constantFrom(...STAGE_NAMES)),
  })
  .map(({ id, channel, stage }) => compact({ id, name: id.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase()), channel, stage }) as Touchpoint);

/**
 * A valid {@link Journey}: 1–5 stages taken in order from {@link STAGE_NAMES} (so some are
 * skipped), entered at non-decreasing instants (ties allowed), each with 0–3 interactions of
 * the journey's customer, oldest first and no earlier than the stage's entry.
 */
export const journeyArb: fc.Arbitrary<Journey> = fc
  .record({
    id: optional(recordIdArb),
    customerId: customerIdArb,
    segment: optional(segmentArb),
    start: epochMsArb,
    asDates: fc.boolean(),
    stages: fc.subarray([...STAGE_NAMES], { minLength: 1, maxLength: 5 }),
  })
  .chain(({ id, customerId, segment, start, asDates, stages }) =>
    fc
      .tuple(
        ...stages.map(() =>
          fc.record({
            gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 * DAY })),
            interactions: fc.array(fc.tuple(interactionArbFor(customerId), fc.integer({ min: 0, max: 3 * DAY })), { maxLength: 3 }),
          }),
        ),
      )
      .map((parts) => {
        let t = start;
        const built: JourneyStage[] = parts.map(({ gap, interactions }, k) => {
          t += gap;
          const enteredAt = t;
          let at = enteredAt;
          return {
            name: stages[k] as string,
            enteredAt: asDates ? new Date(enteredAt) : enteredAt,
            interactions: interactions.map(([interaction, delay]) => {
              at += delay;
              return retime(interaction, at);
            }),
          };
        });
        return compact({ id, customerId, stages: built, segment }) as Journey;
      }),
  );

/** The interaction moved to `ms`, keeping each instant's representation and any support delays. */
function retime(interaction: Interaction, ms: number): Interaction {
  const shift = ms - instantMs(interaction.at);
  const at = shiftInstant(interaction.at, shift);
  if (interaction.type !== 'support') return { ...interaction, at };
  const moved: SupportContact = { ...interaction, at };
  return compact({
    ...moved,
    firstResponseAt: interaction.firstResponseAt === undefined ? undefined : shiftInstant(interaction.firstResponseAt, shift),
    resolvedAt: interaction.resolvedAt === undefined ? undefined : shiftInstant(interaction.resolvedAt, shift),
  }) as SupportContact;
}
