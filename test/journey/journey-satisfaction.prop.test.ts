import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { journeySatisfaction } from '../../src/journey';
import { ces, classifyNps, csat, nps } from '../../src/survey';
import { errorCode } from '../support/error-code';
import { journeyArb as sharedJourneyArb } from '../support/arbitraries';
import type { Interaction, Journey, SurveyMetric, SurveyScale } from '../../src/models';
import { DAY, journeyArb } from './fixtures';

/** Scales a journey's CSAT or CES answers may be on (`undefined` = the metric's default). */
const SCALES: readonly (SurveyScale | undefined)[] = [undefined, { min: 1, max: 5 }, { min: 1, max: 7 }, { min: 0, max: 10 }, { min: 1, max: 10 }, { min: -3, max: 3 }, { min: 1, max: 2 }];
const DEFAULTS: Record<'csat' | 'ces', SurveyScale> = { csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } };

interface Answer {
  readonly metric: SurveyMetric;
  /** Position of the score on its scale, as a fraction; `null` = unanswered. */
  readonly position: number | null;
  readonly day: number;
  readonly stage: number;
}

const answerArb: fc.Arbitrary<Answer> = fc.record({
  metric: fc.constantFrom<SurveyMetric>('nps', 'csat', 'ces'),
  position: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null, freq: 8 }),
  day: fc.integer({ min: 0, max: 3 }),
  stage: fc.integer({ min: 0, max: 2 }),
});

const journeyPlanArb = fc.record({
  csatScale: fc.constantFrom(...SCALES),
  cesScale: fc.constantFrom(...SCALES),
  answers: fc.array(answerArb, { maxLength: 40 }),
  stages: fc.integer({ min: 1, max: 3 }),
  visits: fc.integer({ min: 0, max: 3 }),
});

type Plan = typeof journeyPlanArb extends fc.Arbitrary<infer P> ? P : never;

function scaleOf(plan: Plan, metric: SurveyMetric): SurveyScale {
  if (metric === 'nps') return { min: 0, max: 10 };
  return (metric === 'csat' ? plan.csatScale : plan.cesScale) ?? DEFAULTS[metric];
}

function build(plan: Plan, k: number): Journey {
  const customerId = `c${k}`;
  const stages = Array.from({ length: plan.stages }, (_, s) => ({ name: `s${s}`, enteredAt: s * DAY, interactions: [] as Interaction[] }));
  for (let v = 0; v < plan.visits; v++) stages[v % plan.stages]!.interactions.push({ type: 'visit', customerId, at: (v % plan.stages) * DAY, touchpoint: 'home' });
  for (const a of plan.answers) {
    const stage = Math.min(a.stage, plan.stages - 1);
    const { min, max } = scaleOf(plan, a.metric);
    const score = a.position === null ? null : min + Math.round(a.position * (max - min));
    const explicit = a.metric === 'csat' ? plan.csatScale : a.metric === 'ces' ? plan.cesScale : undefined;
    stages[stage]!.interactions.push({
      type: 'survey',
      customerId,
      // Answers never precede their stage's entry; equal times happen often.
      at: (stage + a.day) * DAY,
      metric: a.metric,
      score: score as number,
      ...(explicit === undefined ? {} : { scale: explicit }),
    });
  }
  return { customerId, stages };
}

/** The row as the public survey functions give it, answer by answer. */
function expected(journey: Journey) {
  const scores: Record<SurveyMetric, number[]> = { nps: [], csat: [], ces: [] };
  let scale: Partial<Record<SurveyMetric, SurveyScale>> = {};
  let latestAt = -Infinity;
  let latestNps: number | undefined;
  for (const stage of journey.stages) {
    for (const x of stage.interactions) {
      if (x.type !== 'survey' || x.score === null || x.score === undefined) continue;
      scores[x.metric].push(x.score);
      scale = { ...scale, [x.metric]: x.scale };
      if (x.metric === 'nps' && (x.at as number) >= latestAt) {
        latestAt = x.at as number;
        latestNps = x.score;
      }
    }
  }
  const csatScale = scale.csat;
  const cesScale = scale.ces;
  return {
    responses: scores.nps.length + scores.csat.length + scores.ces.length,
    latestNps,
    npsCategory: latestNps === undefined ? undefined : classifyNps(latestNps),
    csatMean: scores.csat.length === 0 ? undefined : csat(scores.csat, csatScale === undefined ? {} : { scale: csatScale }).mean,
    cesMean: scores.ces.length === 0 ? undefined : ces(scores.ces, cesScale === undefined ? {} : { scale: cesScale }).mean,
  };
}

describe('journeySatisfaction equals the survey functions called per journey', () => {
  test.prop([fc.array(journeyPlanArb, { maxLength: 25 })], { numRuns: 60 })('rows, latest NPS and the overall NPS', (plans) => {
    const journeys = plans.map(build);
    const s = journeySatisfaction(journeys);
    expect(s.journeys).toHaveLength(journeys.length);
    const latest: number[] = [];
    journeys.forEach((journey, k) => {
      const want = expected(journey);
      const row = s.journeys[k]!;
      expect(row.responses).toBe(want.responses);
      expect(row.latestNps).toBe(want.latestNps);
      expect(row.npsCategory).toBe(want.npsCategory);
      // Bit for bit: the same bins and moments, not merely close.
      expect(Object.is(row.csatMean, want.csatMean)).toBe(true);
      expect(Object.is(row.cesMean, want.cesMean)).toBe(true);
      if (want.latestNps !== undefined) latest.push(want.latestNps);
    });
    expect(s.nps).toEqual(nps(latest));
  });

  it('rejects a scale that csat/ces reject, with their error', () => {
    const wide = { min: 0, max: 2000 };
    const journeys = [build({ csatScale: undefined, cesScale: undefined, answers: [{ metric: 'csat', position: 1, day: 0, stage: 0 }], stages: 1, visits: 0 }, 0)];
    journeys.push({
      customerId: 'w',
      stages: [{ name: 's0', enteredAt: 0, interactions: [{ type: 'survey', customerId: 'w', at: 0, metric: 'ces', score: 3, scale: wide }] }],
    });
    let viaCes: unknown;
    try {
      ces([3], { scale: wide });
    } catch (e) {
      viaCes = e;
    }
    expect(viaCes).toBeDefined();
    expect(() => journeySatisfaction(journeys)).toThrow(viaCes as Error);
  });
});

describe('journeySatisfaction by outcome', () => {
  test.prop([fc.array(journeyArb, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 30 })], { numRuns: 50 })(
    'outcome groups partition the journeys and their NPS answers',
    (journeys, scores) => {
      // Give some journeys an NPS answer in their first stage.
      const withAnswers = journeys.map((j, k) =>
        k < scores.length
          ? { ...j, stages: j.stages.map((s, m) => (m === 0 ? { ...s, interactions: [...s.interactions, { type: 'survey' as const, customerId: j.customerId, at: s.enteredAt, metric: 'nps' as const, score: scores[k]! }] } : s)) }
          : j,
      );
      const s = journeySatisfaction(withAnswers, { converted: 'purchase' });
      const { converted, notConverted } = s.byOutcome!;
      expect(converted.journeys + notConverted.journeys).toBe(withAnswers.length);
      expect(converted.nps.total + notConverted.nps.total).toBe(s.nps.total);
      expect(s.nps.total).toBe(Math.min(scores.length, journeys.length));
    },
  );

  // The library-wide arbitraries: every interaction type, CSAT/CES answers on varied scales.
  test.prop([fc.array(sharedJourneyArb, { maxLength: 25 })], { numRuns: 40 })('over the shared arbitraries: one row per journey, or a scale conflict reported', (journeys) => {
    const code = errorCode(() => journeySatisfaction(journeys, { converted: 'purchase' }));
    if (code !== undefined) {
      expect(code).toBe('INCONSISTENT_INPUT');
      return;
    }
    const s = journeySatisfaction(journeys, { converted: 'purchase' });
    expect(s.journeys).toHaveLength(journeys.length);
    for (const row of s.journeys) if (row.latestNps !== undefined) expect(row.latestNps >= 0 && row.latestNps <= 10).toBe(true);
  });
});
