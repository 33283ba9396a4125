/** Small builders and fast-check arbitraries for journey tests. */
import { fc } from '@fast-check/vitest';
import type { Channel, Interaction, Journey, SupportContact, SurveyMetric, SurveyResponse } from '../../src/models';

export const DAY = 86_400_000;
export const STAGES = ['awareness', 'consideration', 'purchase', 'loyalty'] as const;

/** A journey through the named stages, entered on the given days (epoch ms = day × DAY). */
export function journey(
  customerId: string,
  stages: readonly (readonly [name: string, day: number, interactions?: readonly Partial<Interaction>[]])[],
  extra: Partial<Journey> = {},
): Journey {
  return {
    customerId,
    ...extra,
    stages: stages.map(([name, day, interactions = []]) => ({
      name,
      enteredAt: day * DAY,
      interactions: interactions.map((x) => ({ type: 'visit', customerId, at: day * DAY, touchpoint: 'x', ...x }) as Interaction),
    })),
  };
}

export const MIN = 60_000;

/** A support contact of customer `c` opened at minute `opened`, answered and resolved at the minutes given. */
export function contact(channel: Channel, opened: number, response?: number, resolved?: number, fcr?: boolean): SupportContact {
  return {
    type: 'support',
    customerId: 'c',
    channel,
    at: opened * MIN,
    ...(response === undefined ? {} : { firstResponseAt: response * MIN }),
    ...(resolved === undefined ? {} : { resolvedAt: resolved * MIN }),
    ...(fcr === undefined ? {} : { resolvedOnFirstContact: fcr }),
  };
}

/** A survey answer of customer `c` at instant 0, with a touchpoint and a channel when given. */
export function answer(touchpoint: string | undefined, channel: Channel | undefined, metric: SurveyMetric, score: number, extra: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    type: 'survey',
    customerId: 'c',
    at: 0,
    metric,
    score,
    ...(touchpoint === undefined ? {} : { touchpoint }),
    ...(channel === undefined ? {} : { channel }),
    ...extra,
  };
}

const channelArb = fc.constantFrom<Channel>('web', 'app', 'email', 'chat');

/**
 * A valid journey over STAGES: a non-empty increasing subset of stages (so skips happen),
 * integer-millisecond entry times that never decrease, a few visits with touchpoints.
 */
export const journeyArb: fc.Arbitrary<Journey> = fc
  .record({
    id: fc.integer({ min: 0, max: 999 }),
    picks: fc.subarray([0, 1, 2, 3], { minLength: 1 }),
    gaps: fc.array(fc.integer({ min: 0, max: 30 * DAY }), { minLength: 4, maxLength: 4 }),
    touchpoints: fc.array(fc.constantFrom('home', 'search', 'cart', 'help'), { maxLength: 5 }),
    channel: fc.option(channelArb, { nil: undefined }),
    segment: fc.option(fc.constantFrom('smb', 'enterprise', 'consumer'), { nil: undefined }),
  })
  .map(({ id, picks, gaps, touchpoints, channel, segment }) => {
    const customerId = `c${id}`;
    let t = Date.UTC(2024, 0, 1);
    const stages = picks.map((p, k) => {
      t += gaps[k] ?? 0;
      const interactions: Interaction[] =
        k === 0
          ? touchpoints.map((touchpoint) => ({ type: 'visit', customerId, at: t, touchpoint, ...(channel ? { channel } : {}) }))
          : [];
      return { name: STAGES[p] as string, enteredAt: t, interactions };
    });
    return { customerId, stages, ...(segment ? { segment } : {}) };
  });

/** Independent definition: score = ⌊5 · #{values strictly below} / n⌋ + 1, computed by brute force. */
export function bruteScores(values: readonly number[]): number[] {
  return values.map((v) => Math.floor((5 * values.filter((w) => w < v).length) / values.length) + 1);
}
