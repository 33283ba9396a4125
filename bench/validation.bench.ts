/**
 * Validation against the holdout on a million simulated customers (BG/NBD, T on a daily grid
 * as `summarizeTransactions` produces): `calibrationVsHoldout` and `repeatPurchaseHistogram`,
 * each against the per-customer loop a user would write with the single-customer functions.
 */
import { bgNbd, bgNbdPurchaseCountProbability, calibrationVsHoldout, repeatPurchaseHistogram, simulateBgNbd } from '../src/clv';
import { seededUniform } from '../src/internal/random';
import { benchSuite } from './harness';

const CDNOW_BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const TOP = 7;
const HOLDOUT = 39;

/** Calibration histories plus a holdout count (a stand-in: the timing does not depend on it). */
function simulate(customers: number, seed: number) {
  const u = seededUniform(seed + 17);
  return simulateBgNbd(CDNOW_BG_NBD, { customers, seed, T: { min: 26, max: 38 }, resolution: 1 / 7 }).map((d) => ({
    ...d,
    holdoutFrequency: Math.floor(u() * 3),
    holdoutDuration: HOLDOUT,
  }));
}
type Row = ReturnType<typeof simulate>[number];

/** The per-customer loop: one conditional expectation per customer, summed per group. */
function holdoutLoop(rows: readonly Row[]): Float64Array {
  const sums = new Float64Array(2 * (TOP + 1));
  for (const row of rows) {
    const k = Math.min(row.frequency, TOP);
    sums[2 * k] = (sums[2 * k] as number) + bgNbd.conditionalExpectedPurchases(CDNOW_BG_NBD, row, row.holdoutDuration);
    sums[2 * k + 1] = (sums[2 * k + 1] as number) + 1;
  }
  return sums;
}

/** The per-customer loop: P(X(Tᵢ) = n) for n < 7 per customer, the rest to 7+. */
function histogramLoop(rows: readonly Row[]): Float64Array {
  const expected = new Float64Array(TOP + 1);
  for (const row of rows) {
    let below = 0;
    for (let n = 0; n < TOP; n++) {
      const p = bgNbdPurchaseCountProbability(CDNOW_BG_NBD, n, row.T);
      expected[n] = (expected[n] as number) + p;
      below += p;
    }
    expected[TOP] = (expected[TOP] as number) + Math.max(0, 1 - below);
  }
  return expected;
}

export async function main(): Promise<void> {
  const rows = simulate(1_000_000, 11);
  benchSuite('calibrationVsHoldout, 1,000,000 simulated customers (BG/NBD)', { runs: 3, warmup: 1 })
    .add('per-customer loop of bgNbd.conditionalExpectedPurchases (baseline)', () => holdoutLoop(rows), { baseline: true })
    .add('calibrationVsHoldout (objects in, validated, with error metrics)', () => calibrationVsHoldout(bgNbd, CDNOW_BG_NBD, rows))
    .run();
  benchSuite('repeatPurchaseHistogram, 1,000,000 simulated customers (BG/NBD)', { runs: 1, warmup: 0 })
    .add('per-customer loop of bgNbdPurchaseCountProbability (baseline)', () => histogramLoop(rows), { baseline: true })
    .add('repeatPurchaseHistogram (objects in, validated, with χ²)', () => repeatPurchaseHistogram(bgNbd, CDNOW_BG_NBD, rows))
    .run();
}
