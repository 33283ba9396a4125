/**
 * A small, dependency-free benchmark harness: each case is timed against a baseline in the
 * same process, so the ratio means something on any machine. Figures go in the README.
 *
 *   const suite = benchSuite('nps over 10M Uint8Array scores');
 *   suite.add('hand-written counting loop (baseline)', () => ..., { baseline: true });
 *   suite.add('nps', () => nps(scores));
 *   suite.run();
 */
import { performance } from 'node:perf_hooks';

export interface BenchCase {
  readonly name: string;
  readonly fn: () => unknown;
  readonly baseline: boolean;
}

export interface BenchResult {
  readonly suite: string;
  readonly name: string;
  /** Median wall time of one call, in milliseconds. */
  readonly medianMs: number;
  /** Fastest call, in milliseconds. */
  readonly minMs: number;
  /** Median time relative to the suite's baseline (1 for the baseline itself). */
  readonly ratio: number | undefined;
  /** Heap growth across the timed calls, in MB (an indication, not a measurement of peak). */
  readonly heapDeltaMb: number;
}

/** Keeps results observable so the engine cannot drop the work. */
export let sink: unknown;

function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  sink = fn();
  return performance.now() - start;
}

export function benchSuite(title: string, options: { runs?: number; warmup?: number } = {}) {
  const cases: BenchCase[] = [];
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 2;
  return {
    add(name: string, fn: () => unknown, opts: { baseline?: boolean } = {}) {
      cases.push({ name, fn, baseline: opts.baseline ?? false });
      return this;
    },
    run(): BenchResult[] {
      const measured = cases.map((c) => {
        for (let i = 0; i < warmup; i++) timeOnce(c.fn);
        const heapBefore = process.memoryUsage().heapUsed;
        const times = Array.from({ length: runs }, () => timeOnce(c.fn)).sort((a, b) => a - b);
        const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
        return { c, median: times[Math.floor(runs / 2)] ?? Number.NaN, min: times[0] ?? Number.NaN, heapDeltaMb };
      });
      const base = measured.find((m) => m.c.baseline);
      const results = measured.map((m) => ({
        suite: title,
        name: m.c.name,
        medianMs: m.median,
        minMs: m.min,
        ratio: base ? m.median / base.median : undefined,
        heapDeltaMb: m.heapDeltaMb,
      }));
      printTable(title, results);
      return results;
    },
  };
}

export function printTable(title: string, results: readonly BenchResult[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| case | median | fastest | vs baseline |');
  console.log('|---|---:|---:|---:|');
  for (const r of results) {
    const ratio = r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`;
    console.log(`| ${r.name} | ${formatMs(r.medianMs)} | ${formatMs(r.minMs)} | ${ratio} |`);
  }
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
}

/** A seeded generator (mulberry32) so every run benchmarks the same data. */
export { seededUniform as seededRandom } from '../src/internal/random';
