/**
 * Pareto/NBD: the fit on CDNOW and on a million simulated customers (day-resolution times, as
 * `summarizeTransactions` produces) — on CDNOW against the same optimizer on ungrouped rows
 * (every row its own ₂F₁ terms), on a million against the BG/NBD fit of the same rows — and
 * per-customer predictions for a million customers against the BG/NBD's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bgNbdConditionalExpectedPurchases, bgNbdProbabilityAlive, fitBgNbd, fitParetoNbd, paretoNbdConditionalExpectedPurchases, paretoNbdProbabilityAlive } from '../src/clv';
import { fitParetoNbdStatistics } from '../src/internal/pareto-nbd-fit-core';
import { paretoNbdSufficientStatistics } from '../src/internal/pareto-nbd-likelihood';
import type { SimulatedCustomer } from '../test/clv/clv-simulate';
import { simulateParetoNbdCustomers } from '../test/clv/pareto-nbd-simulate';
import { benchSuite } from './harness';

const dataDir = join(import.meta.dirname, '..', 'test', 'fixtures', 'data');
const CDNOW = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

function bigOptions(seed: number) {
  return {
    seed,
    // Cohorts acquired over 12 weeks, observed for 26 more weeks; times at day resolution.
    age: (_i: number, u: () => number) => 26 + Math.ceil(u() * 84) / 7,
    resolution: 1 / 7,
  };
}

function cdnow(): SimulatedCustomer[] {
  try {
    return readFileSync(join(dataDir, 'cdnow_customers_summary.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => {
        const [, x, tx, T] = line.split(',').map(Number);
        return { frequency: x!, recency: tx!, T: T!, monetaryValue: 0 };
      });
  } catch {
    // Outside a developer checkout: a simulated stand-in of the same size.
    return simulateParetoNbdCustomers(2357, CDNOW, bigOptions(1));
  }
}

function ungrouped(rows: readonly SimulatedCustomer[]) {
  const n = rows.length;
  const x = Float64Array.from(rows, (d) => d.frequency);
  const tx = Float64Array.from(rows, (d) => d.recency);
  const T = Float64Array.from(rows, (d) => d.T);
  const w = new Float64Array(n).fill(1);
  return () => fitParetoNbdStatistics(paretoNbdSufficientStatistics(x, tx, T, w, n, false), n, 0);
}

export async function main(): Promise<void> {
  const small = cdnow();
  benchSuite('Pareto/NBD fit, CDNOW (2,357 customers)', { runs: 15, warmup: 3 })
    .add('fit without grouping (baseline)', ungrouped(small), { baseline: true })
    .add('fitParetoNbd', () => fitParetoNbd(small))
    .run();
  const fit = fitParetoNbd(small);
  console.log(
    `\nCDNOW: r=${fit.r.toFixed(3)} α=${fit.alpha.toFixed(3)} s=${fit.s.toFixed(3)} β=${fit.beta.toFixed(3)} ln L=${fit.logLikelihood.toFixed(1)} ` +
      `(published 0.553, 10.578, 0.606, 11.669, −9595.0), ${fit.iterations} iterations`,
  );

  const rssBefore = process.memoryUsage().rss;
  const big = simulateParetoNbdCustomers(1_000_000, CDNOW, bigOptions(7));
  const rssData = process.memoryUsage().rss;
  // Ungrouped, this fit takes about three minutes: the baseline at this size is the BG/NBD fit
  // of the same rows.
  benchSuite('Pareto/NBD fit, 1,000,000 simulated customers', { runs: 3, warmup: 1 })
    .add('fitBgNbd on the same rows (baseline)', () => fitBgNbd(big), { baseline: true })
    .add('fitParetoNbd (objects in, validated, grouped)', () => fitParetoNbd(big))
    .run();
  const rssFit = process.memoryUsage().rss;
  const bigFit = fitParetoNbd(big);
  console.log(
    `\n1M fit: r=${bigFit.r.toFixed(3)} α=${bigFit.alpha.toFixed(3)} s=${bigFit.s.toFixed(3)} β=${bigFit.beta.toFixed(3)} ` +
      `(true 0.553, 10.578, 0.606, 11.669), ${bigFit.iterations} iterations, converged: ${bigFit.converged}`,
  );

  const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  benchSuite('Predictions for 1,000,000 customers', { runs: 3, warmup: 1 })
    .add('loop: bgNbdProbabilityAlive per customer (baseline)', () => {
      let s = 0;
      for (const c of big) s += bgNbdProbabilityAlive(bg, c);
      return s;
    }, { baseline: true })
    .add('loop: paretoNbdProbabilityAlive per customer', () => {
      let s = 0;
      for (const c of big) s += paretoNbdProbabilityAlive(bigFit, c);
      return s;
    })
    .add('loop: bgNbdConditionalExpectedPurchases(52 weeks) per customer', () => {
      let s = 0;
      for (const c of big) s += bgNbdConditionalExpectedPurchases(bg, c, 52);
      return s;
    })
    .add('loop: paretoNbdConditionalExpectedPurchases(52 weeks) per customer', () => {
      let s = 0;
      for (const c of big) s += paretoNbdConditionalExpectedPurchases(bigFit, c, 52);
      return s;
    })
    .run();
  const mb = (v: number) => `${(v / 2 ** 20).toFixed(0)} MB`;
  console.log(
    `\nResident memory: ${mb(rssBefore)} at start, ${mb(rssData)} with the 1M rows, ${mb(rssFit)} after the 1M fits ` +
      `(fit working set ≈ ${mb(Math.max(0, rssFit - rssData))} beyond the data).`,
  );
}
