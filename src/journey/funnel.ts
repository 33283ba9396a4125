/**
 * The funnel's sufficient statistics — journeys, a histogram of each journey's furthest stage
 * and of the stages entered — and the figures built from them, shared by `journeyFunnel` and
 * `journeyFunnelTally` so both give the same numbers.
 */
import type { JourneyFunnelStep } from './journey-funnel-step';
import { rateInterval } from './rate-interval';

/** Plain, mergeable counts of one funnel (or one group of it). */
export interface FunnelCounts {
  journeys: number;
  /** Journeys whose furthest stage is k. */
  furthest: number[];
  /** Journeys that have stage k. */
  entered: number[];
}

export function createCounts(n: number): FunnelCounts {
  return { journeys: 0, furthest: new Array<number>(n).fill(0), entered: new Array<number>(n).fill(0) };
}

/** Count one validated journey, given its stages' positions in the list (increasing). */
export function addToCounts(counts: FunnelCounts, positions: Int32Array, count: number): void {
  counts.journeys++;
  for (let k = 0; k < count; k++) {
    const p = positions[k] as number;
    counts.entered[p] = (counts.entered[p] as number) + 1;
  }
  // Positions increase along a valid journey, so the last one is the furthest.
  const last = positions[count - 1] as number;
  counts.furthest[last] = (counts.furthest[last] as number) + 1;
}

export function mergeCounts(a: FunnelCounts, b: FunnelCounts): FunnelCounts {
  return {
    journeys: a.journeys + b.journeys,
    furthest: a.furthest.map((x, k) => x + (b.furthest[k] as number)),
    entered: a.entered.map((x, k) => x + (b.entered[k] as number)),
  };
}

/** The funnel's steps: reached = suffix sums of the furthest-stage histogram. */
export function funnelSteps(counts: FunnelCounts, names: readonly string[], level: number): readonly JourneyFunnelStep[] {
  const n = names.length;
  const reached = new Array<number>(n).fill(0);
  let running = 0;
  for (let k = n - 1; k >= 0; k--) reached[k] = running += counts.furthest[k] as number;
  const first = reached[0] as number;
  return Object.freeze(
    names.map((stage, k) => {
      const here = reached[k] as number;
      const previous = k === 0 ? counts.journeys : (reached[k - 1] as number);
      const dropped = previous - here;
      return Object.freeze({
        stage,
        reached: here,
        entered: counts.entered[k] as number,
        droppedOff: dropped,
        fromPrevious: previous > 0 ? here / previous : undefined,
        fromPreviousInterval: rateInterval(here, previous, level),
        fromFirst: first > 0 ? here / first : undefined,
        fromFirstInterval: rateInterval(here, first, level),
        dropOffRate: previous > 0 ? dropped / previous : undefined,
        dropOffInterval: rateInterval(dropped, previous, level),
      });
    }),
  );
}

/** Group keys in result order: alphabetical, `null` (no key) last. */
export function compareGroupKeys(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
}
