/**
 * Survey benchmarks: `nps` and `csat` over 10,000,000 scores in a Uint8Array against a bare
 * hand-written counting loop (the baseline: no validation at all) and the idiomatic
 * `filter(...).length` version; then the streaming tallies' memory.
 *
 * Targets (issue 3): within 1.5× the baseline, and ≥ 5× faster than filter.
 */
import { csat, csatTally, nps, npsTally } from '../src/survey/index';
import { benchSuite, seededRandom } from './harness';

const N = 10_000_000;

/** The baseline: a bare counting loop, no validation (a byte above `bins` is silently dropped). */
function countScores(scores: Uint8Array, bins: number): Float64Array {
  const counts = new Float64Array(bins);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    counts[s] = (counts[s] as number) + 1;
  }
  return counts;
}

export async function main(): Promise<void> {
  const random = seededRandom(3);
  const npsScores = new Uint8Array(N);
  const csatScores = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    npsScores[i] = Math.floor(random() * 11);
    csatScores[i] = 1 + Math.floor(random() * 5);
  }

  const npsResults = benchSuite(`nps over ${N.toLocaleString('en')} scores (Uint8Array)`)
    .add(
      'hand-written counting loop (baseline, no validation)',
      () => {
        const counts = countScores(npsScores, 11);
        let detractors = 0;
        for (let s = 0; s <= 6; s++) detractors += counts[s] as number;
        return (100 * ((counts[9] as number) + (counts[10] as number) - detractors)) / npsScores.length;
      },
      { baseline: true },
    )
    .add('nps(scores) (validated)', () => nps(npsScores).score)
    .add('filter(...).length', () => {
      const promoters = npsScores.filter((s) => s >= 9).length;
      const detractors = npsScores.filter((s) => s <= 6).length;
      return (100 * (promoters - detractors)) / npsScores.length;
    })
    .run();

  const csatResults = benchSuite(`csat over ${N.toLocaleString('en')} scores (Uint8Array)`)
    .add(
      'hand-written counting loop (baseline, no validation)',
      () => {
        const counts = countScores(csatScores, 6);
        return ((counts[4] as number) + (counts[5] as number)) / csatScores.length;
      },
      { baseline: true },
    )
    .add('csat(scores) (validated, + mean and counts)', () => csat(csatScores).share)
    .add('filter(...).length', () => csatScores.filter((s) => s >= 4).length / csatScores.length)
    .run();

  for (const [title, results] of [
    ['nps', npsResults],
    ['csat', csatResults],
  ] as const) {
    const ours = results[1]!;
    const filter = results[2]!;
    console.log(
      `${title}: ${ours.ratio?.toFixed(2)}× the baseline (target ≤ 1.5×); filter is ${(filter.medianMs / ours.medianMs).toFixed(1)}× slower than ${title}() (target ≥ 5×)`,
    );
  }

  // Tallies hold constant memory: the state after 1e3 and 1e7 answers has the same fields.
  const tallies = [
    ['npsTally', npsTally, npsScores],
    ['csatTally', csatTally, csatScores],
  ] as const;
  console.log('\n| tally | state after 1,000 answers | after 10,000,000 | heap growth while adding |');
  console.log('|---|---|---|---|');
  for (const [name, tally, scores] of tallies) {
    const small = (tally.create as () => object)();
    for (let i = 0; i < 1000; i++) (tally.add as (s: object, v: number) => object)(small, scores[i] as number);
    const big = (tally.create as () => object)();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < scores.length; i++) (tally.add as (s: object, v: number) => object)(big, scores[i] as number);
    const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    console.log(`| ${name} | ${JSON.stringify(small).length} bytes (JSON) | ${JSON.stringify(big).length} bytes (JSON) | ${grown.toFixed(2)} MB |`);
  }
}
