/**
 * Journey benchmarks: funnel, stage timing, touchpoint scores and journey satisfaction over 1,000,000 journeys
 * carrying 10,000,000 interactions, each against a hand-written baseline in this process.
 *
 * Data is generated compactly but as real objects (the functions read real `Journey`s):
 * 1M journeys over 5 stages (each journey goes 1–5 stages deep, skipping some), 10
 * interactions per journey — 10M in total, of which 1 in 5 is a survey response (NPS, CSAT
 * or CES) and the rest touchpoint visits.
 */
import { benchSuite, seededRandom } from './harness';
import { journeyFunnel, journeySatisfaction, stageTiming, touchpointScores } from '../src/journey';
import type { Interaction, Journey } from '../src/models';

const JOURNEYS = 1_000_000;
const PER_JOURNEY = 10;
const STAGES = ['awareness', 'consideration', 'trial', 'purchase', 'loyalty'];
const TOUCHPOINTS = ['home', 'search', 'product', 'cart', 'checkout', 'help', 'app-home', 'email-offer'];
const CHANNELS = ['web', 'app', 'email', 'chat'] as const;
const DAY = 86_400_000;

export function generate(): Journey[] {
  const random = seededRandom(42);
  const out: Journey[] = new Array(JOURNEYS);
  const start = Date.UTC(2024, 0, 1);
  for (let j = 0; j < JOURNEYS; j++) {
    const customerId = `c${j}`;
    const depth = 1 + Math.floor(random() * 4.999 * Math.sqrt(random()));
    const stageNames: string[] = [];
    for (let k = 0; k < depth; k++) if (k === 0 || random() < 0.85) stageNames.push(STAGES[k] as string);
    let t = start + Math.floor(random() * 300) * DAY;
    const stages = stageNames.map((name, k) => {
      t += Math.floor(random() * 20 * DAY);
      const interactions: Interaction[] = [];
      // Spread the journey's 10 interactions over its stages.
      const lo = Math.floor((k * PER_JOURNEY) / stageNames.length);
      const hi = Math.floor(((k + 1) * PER_JOURNEY) / stageNames.length);
      for (let m = lo; m < hi; m++) {
        const touchpoint = TOUCHPOINTS[Math.floor(random() * TOUCHPOINTS.length)] as string;
        const channel = CHANNELS[m & 3] as (typeof CHANNELS)[number];
        const at = t + m * 60_000;
        if (m % 5 === 4) {
          const kind = Math.floor(random() * 3);
          interactions.push(
            kind === 0
              ? { type: 'survey', customerId, at, touchpoint, channel, metric: 'nps', score: Math.floor(random() * 11) }
              : kind === 1
                ? { type: 'survey', customerId, at, touchpoint, channel, metric: 'csat', score: 1 + Math.floor(random() * 5) }
                : { type: 'survey', customerId, at, touchpoint, channel, metric: 'ces', score: 1 + Math.floor(random() * 7) },
          );
        } else interactions.push({ type: 'visit', customerId, at, touchpoint, channel });
      }
      return { name, enteredAt: t, interactions };
    });
    out[j] = { customerId, stages };
  }
  return out;
}

/** Baseline funnel: furthest stage by indexOf, counted; no validation, no intervals. */
function naiveFunnel(journeys: readonly Journey[]): number[] {
  const reached = new Array<number>(STAGES.length).fill(0);
  for (const journey of journeys) {
    const furthest = STAGES.indexOf((journey.stages[journey.stages.length - 1] as { name: string }).name);
    for (let k = 0; k <= furthest; k++) reached[k]!++;
  }
  return reached;
}

/** Baseline timing: durations into plain arrays, each sorted for its median and 90th percentile. */
function naiveTiming(journeys: readonly Journey[]): { median: number; p90: number }[] {
  const durations: number[][] = STAGES.map(() => []);
  for (const journey of journeys) {
    for (let k = 0; k + 1 < journey.stages.length; k++) {
      const stage = journey.stages[k]!;
      durations[STAGES.indexOf(stage.name)]!.push(((journey.stages[k + 1]!.enteredAt as number) - (stage.enteredAt as number)) / DAY);
    }
  }
  return durations.map((d) => {
    d.sort((a, b) => a - b);
    return { median: d[Math.floor(d.length / 2)] ?? 0, p90: d[Math.floor(d.length * 0.9)] ?? 0 };
  });
}

/** Baseline touchpoint scores: NPS, mean CSAT and mean CES per touchpoint, in one loop over plain objects. */
function naiveTouchpointScores(journeys: readonly Journey[]): Map<string, { promoters: number; detractors: number; nps: number; csat: number; csatN: number; ces: number; cesN: number }> {
  const by = new Map<string, { promoters: number; detractors: number; nps: number; csat: number; csatN: number; ces: number; cesN: number }>();
  for (const journey of journeys) {
    for (const stage of journey.stages) {
      for (const x of stage.interactions) {
        if (x.type !== 'survey' || x.touchpoint === undefined) continue;
        let g = by.get(x.touchpoint);
        if (g === undefined) by.set(x.touchpoint, (g = { promoters: 0, detractors: 0, nps: 0, csat: 0, csatN: 0, ces: 0, cesN: 0 }));
        if (x.metric === 'nps') {
          g.nps++;
          if (x.score >= 9) g.promoters++;
          else if (x.score <= 6) g.detractors++;
        } else if (x.metric === 'csat') {
          g.csat += x.score;
          g.csatN++;
        } else {
          g.ces += x.score;
          g.cesN++;
        }
      }
    }
  }
  return by;
}

/** One journey's satisfaction roll-up, as the baseline builds it. */
interface NaiveSatisfactionRow {
  customerId: string;
  responses: number;
  latestNps: number | undefined;
  category: 'detractor' | 'passive' | 'promoter' | undefined;
  csatMean: number | undefined;
  cesMean: number | undefined;
}

/**
 * Baseline journey satisfaction: per journey the latest NPS answer and its category, the
 * CSAT and CES means by running sums, one plain row each, and the NPS over the latest
 * answers; no validation, no scales, no freezing.
 */
function naiveSatisfaction(journeys: readonly Journey[]): { rows: NaiveSatisfactionRow[]; nps: number } {
  const rows: NaiveSatisfactionRow[] = [];
  let promoters = 0;
  let detractors = 0;
  let answered = 0;
  for (const journey of journeys) {
    let latestAt = -Infinity;
    let latestNps: number | undefined;
    let csatSum = 0;
    let csatN = 0;
    let cesSum = 0;
    let cesN = 0;
    let responses = 0;
    for (const stage of journey.stages) {
      for (const x of stage.interactions) {
        if (x.type !== 'survey') continue;
        responses++;
        if (x.metric === 'nps') {
          if ((x.at as number) >= latestAt) {
            latestAt = x.at as number;
            latestNps = x.score;
          }
        } else if (x.metric === 'csat') {
          csatSum += x.score;
          csatN++;
        } else {
          cesSum += x.score;
          cesN++;
        }
      }
    }
    let category: NaiveSatisfactionRow['category'];
    if (latestNps !== undefined) {
      answered++;
      category = latestNps >= 9 ? 'promoter' : latestNps >= 7 ? 'passive' : 'detractor';
      if (category === 'promoter') promoters++;
      else if (category === 'detractor') detractors++;
    }
    rows.push({
      customerId: journey.customerId,
      responses,
      latestNps,
      category,
      csatMean: csatN === 0 ? undefined : csatSum / csatN,
      cesMean: cesN === 0 ? undefined : cesSum / cesN,
    });
  }
  return { rows, nps: answered === 0 ? 0 : (100 * (promoters - detractors)) / answered };
}

export async function main(): Promise<void> {
  const t0 = performance.now();
  const journeys = generate();
  let interactions = 0;
  for (const j of journeys) for (const s of j.stages) interactions += s.interactions.length;
  console.log(
    `\ngenerated ${journeys.length.toLocaleString('en')} journeys with ${interactions.toLocaleString('en')} interactions in ${((performance.now() - t0) / 1000).toFixed(1)} s; heap ${(process.memoryUsage().heapUsed / 2 ** 30).toFixed(2)} GB`,
  );
  const runs = { runs: 3, warmup: 1 };
  benchSuite(`journeyFunnel over ${JOURNEYS.toLocaleString('en')} journeys (${interactions.toLocaleString('en')} interactions validated)`, runs)
    .add('hand-written indexOf count, no validation (baseline)', () => naiveFunnel(journeys), { baseline: true })
    .add('journeyFunnel', () => journeyFunnel(journeys, { stages: STAGES }))
    .add('journeyFunnel, grouped by entry channel', () => journeyFunnel(journeys, { stages: STAGES, groupBy: 'channel' }))
    .run();
  benchSuite(`stageTiming over ${JOURNEYS.toLocaleString('en')} journeys`, runs)
    .add('hand-written arrays + sort, median and p90 only (baseline)', () => naiveTiming(journeys), { baseline: true })
    .add('stageTiming (median, p25, p75, p90, time to final, censoring)', () => stageTiming(journeys, { stages: STAGES, unit: 'day' }))
    .run();
  benchSuite(`touchpointScores over ${interactions.toLocaleString('en')} interactions (${(interactions / 5).toLocaleString('en')} survey responses)`, runs)
    .add('hand-written NPS/mean loop, no validation or intervals (baseline)', () => naiveTouchpointScores(journeys), { baseline: true })
    .add('touchpointScores (NPS, CSAT, CES with intervals)', () => touchpointScores(journeys))
    .run();
  benchSuite(`journeySatisfaction over ${JOURNEYS.toLocaleString('en')} journeys (${(interactions / 5).toLocaleString('en')} survey responses)`, runs)
    .add('hand-written latest NPS + running means per journey, no validation (baseline)', () => naiveSatisfaction(journeys), { baseline: true })
    .add('journeySatisfaction (validated, frozen rows, NPS overall)', () => journeySatisfaction(journeys))
    .add("journeySatisfaction, by outcome (converted = reached 'purchase')", () => journeySatisfaction(journeys, { converted: 'purchase' }))
    .run();
}
