/**
 * BG/NBD, Gamma-Gamma and probabilistic CLV: fits on CDNOW and on a million simulated
 * customers (day-resolution times, as `summarizeTransactions` produces), and predictions for
 * a million customers — each against a baseline in the same process. The BG/NBD fits are
 * measured in evaluations of the public log-likelihood on the same rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bgNbd,
  bgNbdConditionalExpectedPurchases,
  bgNbdConditionalPurchaseCountProbability,
  bgNbdDert,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  fitBgNbd,
  fitMbgNbd,
  fitGammaGamma,
  gammaGamma,
  gammaGammaExpectedSpend,
  predictClv,
  simulateBgNbd,
  type CustomerHistory,
} from '../src/clv';
import { gammaGammaNegativeLogLikelihood, gammaGammaSufficientStatistics } from '../src/clv/gamma-gamma/likelihood';
import { fitLogScaleLikelihood } from '../src/internal/log-scale-fit';
import { seededUniform } from '../src/internal/random';
import { gammaVariate } from '../src/internal/random-variates';
import { drawParameters } from '../src/models';
import { quantile } from '../src/internal/quantile';
import { benchSuite } from './harness';

interface SimulatedCustomer extends CustomerHistory {
  readonly monetaryValue: number;
}

const CDNOW_BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CDNOW_SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };

/**
 * BG/NBD histories (cohorts acquired over 12 weeks, observed for 26 more weeks; times at day
 * resolution), each with a Gamma-Gamma mean spend (ν ~ Gamma(q, γ), each spend ~ Gamma(p, ν)).
 */
function simulate(customers: number, seed: number): SimulatedCustomer[] {
  const u = seededUniform(seed + 1_000_003);
  return simulateBgNbd(CDNOW_BG_NBD, { customers, seed, T: { min: 26, max: 38 }, resolution: 1 / 7 }).map((d) => {
    let monetaryValue = 0;
    if (d.frequency > 0) {
      const nu = gammaVariate(u, CDNOW_SPEND.q, CDNOW_SPEND.gamma);
      let total = 0;
      for (let k = 0; k < d.frequency; k++) total += gammaVariate(u, CDNOW_SPEND.p, nu);
      monetaryValue = total / d.frequency;
    }
    return { ...d, monetaryValue };
  });
}

const dataDir = join(import.meta.dirname, '..', 'test', 'fixtures', 'data');

function cdnow(): SimulatedCustomer[] {
  try {
    return readFileSync(join(dataDir, 'cdnow_customers_summary_with_transactions.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => {
        const [, x, tx, T, z] = line.split(',').map(Number);
        return { frequency: x!, recency: tx!, T: T!, monetaryValue: z! };
      });
  } catch {
    // Outside a developer checkout: a simulated stand-in of the same size.
    return simulate(2357, 1);
  }
}

function columns(rows: readonly SimulatedCustomer[]) {
  const n = rows.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const z = new Float64Array(n);
  const w = new Float64Array(n).fill(1);
  rows.forEach((d, i) => {
    x[i] = d.frequency;
    tx[i] = d.recency;
    T[i] = d.T;
    z[i] = Math.round(d.monetaryValue * 100) / 100;
  });
  return { x, tx, T, z, w, n };
}

/** Gamma-Gamma fit on ungrouped repeat rows (the baseline). */
function gammaGammaUngrouped(c: ReturnType<typeof columns>) {
  const keep = [];
  for (let i = 0; i < c.n; i++) if ((c.x[i] as number) > 0 && (c.z[i] as number) > 0) keep.push(i);
  const x = Float64Array.from(keep, (i) => c.x[i] as number);
  const z = Float64Array.from(keep, (i) => c.z[i] as number);
  const w = new Float64Array(keep.length).fill(1);
  const stats = gammaGammaSufficientStatistics(x, z, w, keep.length, false);
  return fitLogScaleLikelihood('bench', (t, g) => gammaGammaNegativeLogLikelihood(t, stats, g), [0, Math.log(2), Math.log(stats.meanSpend)], stats.totalWeight, 1000);
}

/**
 * The conditional pmf (churn: P(no purchase in the next 52 weeks)) for 100,000 simulated
 * customers, and DERT (15 % a year) for 2,000 of them (a tanh-sinh quadrature per customer),
 * each against the plain per-customer loop of the conditional expectation on the same rows.
 */
export function residualPredictions(): void {
  const rows = simulate(100_000, 11);
  const few = rows.slice(0, 2_000);
  const discountRate = Math.log(1.15) / 52;
  benchSuite('BG/NBD churn and DERT, 100,000 customers', { runs: 3, warmup: 1 })
    .add('loop: bgNbdConditionalExpectedPurchases(52 weeks) per customer (baseline)', () => {
      let s = 0;
      for (const c of rows) s += bgNbdConditionalExpectedPurchases(CDNOW_BG_NBD, c, 52);
      return s;
    }, { baseline: true })
    .add('loop: bgNbdConditionalPurchaseCountProbability(n = 0, 52 weeks) per customer', () => {
      let s = 0;
      for (const c of rows) s += bgNbdConditionalPurchaseCountProbability(CDNOW_BG_NBD, c, 0, 52);
      return s;
    })
    .add('loop: bgNbdConditionalPurchaseCountProbability(n = 2, 52 weeks) per customer', () => {
      let s = 0;
      for (const c of rows) s += bgNbdConditionalPurchaseCountProbability(CDNOW_BG_NBD, c, 2, 52);
      return s;
    })
    .run();
  benchSuite('BG/NBD DERT, 2,000 customers', { runs: 3, warmup: 1 })
    .add('loop: bgNbdConditionalExpectedPurchases(52 weeks) per customer (baseline)', () => {
      let s = 0;
      for (const c of few) s += bgNbdConditionalExpectedPurchases(CDNOW_BG_NBD, c, 52);
      return s;
    }, { baseline: true })
    .add('loop: bgNbdDert(15 % a year) per customer', () => {
      let s = 0;
      for (const c of few) s += bgNbdDert(CDNOW_BG_NBD, c, { discountRate });
      return s;
    })
    .run();
}

export async function main(): Promise<void> {
  residualPredictions();
  const small = cdnow();
  const smallColumns = columns(small);
  benchSuite('BG/NBD fit, CDNOW (2,357 customers)', { runs: 15, warmup: 3 })
    .add('one bgNbdLogLikelihood evaluation (baseline: the fit in likelihood evaluations)', () => bgNbdLogLikelihood(CDNOW_BG_NBD, small), { baseline: true })
    .add('fitBgNbd', () => fitBgNbd(small))
    .add('fitMbgNbd', () => fitMbgNbd(small))
    .run();
  benchSuite('Gamma-Gamma fit, CDNOW (946 repeat customers)', { runs: 15, warmup: 3 })
    .add('fit without grouping (baseline)', () => gammaGammaUngrouped(smallColumns), { baseline: true })
    .add('fitGammaGamma', () => fitGammaGamma(small))
    .run();

  const rssBefore = process.memoryUsage().rss;
  const big = simulate(1_000_000, 7).map((d) => ({
    ...d,
    monetaryValue: Math.round(d.monetaryValue * 100) / 100,
  }));
  const bigColumns = columns(big);
  const rssData = process.memoryUsage().rss;
  benchSuite('BG/NBD fit, 1,000,000 simulated customers', { runs: 3, warmup: 1 })
    .add('one bgNbdLogLikelihood evaluation (baseline: the fit in likelihood evaluations)', () => bgNbdLogLikelihood(CDNOW_BG_NBD, big), { baseline: true })
    .add('fitBgNbd (objects in, validated, grouped)', () => fitBgNbd(big))
    .add('fitMbgNbd (objects in, validated, grouped)', () => fitMbgNbd(big))
    .run();
  const rssFit = process.memoryUsage().rss;
  benchSuite('Gamma-Gamma fit, 1,000,000 simulated customers', { runs: 3, warmup: 1 })
    .add('fit without grouping (baseline)', () => gammaGammaUngrouped(bigColumns), { baseline: true })
    .add('fitGammaGamma (objects in, validated, grouped)', () => fitGammaGamma(big))
    .run();
  const bg = fitBgNbd(big);
  const gg = fitGammaGamma(big);
  console.log(
    `\n1M fit: r=${bg.r.toFixed(3)} α=${bg.alpha.toFixed(3)} a=${bg.a.toFixed(3)} b=${bg.b.toFixed(3)} (true 0.243, 4.414, 0.793, 2.426), ${bg.iterations} iterations; ` +
      `p=${gg.p.toFixed(2)} q=${gg.q.toFixed(2)} γ=${gg.gamma.toFixed(2)} (true 6.25, 3.74, 15.44)`,
  );
  const options = { timeUnit: 'week', horizon: 12, horizonUnit: 'month', discountRate: 0.01 } as const;
  const weeks = 52;
  benchSuite('Predictions for 1,000,000 customers', { runs: 3, warmup: 1 })
    .add('loop: bgNbdConditionalExpectedPurchases(52 weeks) per customer (baseline)', () => {
      let s = 0;
      for (const c of big) s += bgNbdConditionalExpectedPurchases(bg, c, weeks);
      return s;
    }, { baseline: true })
    .add('loop: bgNbdProbabilityAlive per customer', () => {
      let s = 0;
      for (const c of big) s += bgNbdProbabilityAlive(bg, c);
      return s;
    })
    .add('loop: gammaGammaExpectedSpend per customer', () => {
      let s = 0;
      for (const c of big) s += gammaGammaExpectedSpend(gg, c);
      return s;
    })
    .add('predictClv, 12 monthly periods, discounted (all four columns)', () => predictClv(bgNbd, bg, { gammaGamma: gg }, big, options))
    .run();
  predictClvIntervalsBench(big, bg, gg);
  const rssEnd = process.memoryUsage().rss;
  const mb = (v: number) => `${(v / 2 ** 20).toFixed(0)} MB`;
  console.log(
    `\nResident memory: ${mb(rssBefore)} at start, ${mb(rssData)} with the 1M rows, ${mb(rssFit)} after the 1M BG/NBD fits, ${mb(rssEnd)} at the end ` +
      `(fit working set ≈ ${mb(Math.max(0, rssFit - rssData))} beyond the data).`,
  );
}

/**
 * `predictClv` with `intervals` (200 parameter draws from each fit): against a plain loop over
 * draws and customers through the descriptors on a small sample, and against the same call
 * without intervals on a million customers.
 */
export function predictClvIntervalsBench(big: readonly SimulatedCustomer[], bg: ReturnType<typeof fitBgNbd>, gg: ReturnType<typeof fitGammaGamma>): void {
  const options = { timeUnit: 'week', horizon: 12, horizonUnit: 'month', discountRate: 0.01 } as const;
  const monthWeeks = 30.436875 / 7;
  const sample = big.slice(0, 1000);
  const plainLoop = (rows: readonly SimulatedCustomer[]) => {
    const draws = drawParameters(bgNbd, bg, { draws: 200, seed: 1 });
    const spendDraws = drawParameters(gammaGamma, gg, { draws: 200, seed: 2 });
    const lower = new Float64Array(rows.length);
    const upper = new Float64Array(rows.length);
    const values = new Float64Array(200);
    rows.forEach((c, i) => {
      for (let k = 0; k < 200; k++) {
        let previous = 0;
        let sum = 0;
        for (let j = 1; j <= 12; j++) {
          const current = bgNbd.conditionalExpectedPurchases(draws[k]!, c, j * monthWeeks);
          sum += (current - previous) / 1.01 ** j;
          previous = current;
        }
        values[k] = sum * gammaGamma.expectedSpend(spendDraws[k]!, c);
      }
      lower[i] = quantile(values, 0.05)!;
      upper[i] = quantile(values, 0.95)!;
    });
    return [lower, upper];
  };
  benchSuite('predictClv intervals (200 draws), 1,000 customers', { runs: 3, warmup: 1 })
    .add('plain loop: per draw and customer, 12 monthly conditional expectations and the spend through the descriptors, then quantiles (baseline)', () => plainLoop(sample), {
      baseline: true,
    })
    .add('predictClv with intervals (CLV, purchases, P(alive), total, per-period purchases)', () =>
      predictClv(bgNbd, bg, { gammaGamma: gg }, sample, { ...options, intervals: { draws: 200, seed: 1 } }),
    )
    .run();
  benchSuite('predictClv intervals, 1,000,000 customers', { runs: 2, warmup: 1 })
    .add('predictClv without intervals (baseline)', () => predictClv(bgNbd, bg, { gammaGamma: gg }, big, options), { baseline: true })
    .add('predictClv with intervals, 200 draws', () => predictClv(bgNbd, bg, { gammaGamma: gg }, big, { ...options, intervals: { draws: 200, seed: 1 } }))
    .run();
}

/** Just the intervals benchmark, on simulated data with fits on the first 20,000 customers: `npx tsx bench/clv-models.bench.ts intervals`. */
export function intervalsOnly(): void {
  const big = simulate(1_000_000, 7).map((d) => ({ ...d, monetaryValue: Math.round(d.monetaryValue * 100) / 100 }));
  predictClvIntervalsBench(big, fitBgNbd(big.slice(0, 20_000)), fitGammaGamma(big.slice(0, 20_000)));
}
