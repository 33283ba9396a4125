/**
 * Pareto/NBD: the fit on CDNOW and on a million simulated customers (day-resolution times, as
 * `summarizeTransactions` produces) against the BG/NBD fit of the same rows, per-customer
 * predictions for a million customers against the BG/NBD's, predictClv with either model, and the
 * count probabilities and DERT (quadrature) for 100,000 customers against a loop of the closed-form
 * conditional expectation.
 * Public functions only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bgNbd,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
  fitParetoNbd,
  paretoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdConditionalPurchaseCountProbability,
  paretoNbdDert,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
  predictClv,
  simulateParetoNbd,
  type CustomerHistory,
} from '../src/clv';
import { benchSuite } from './harness';

const dataDir = join(import.meta.dirname, '..', 'test', 'fixtures', 'data');
const CDNOW = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

/** Cohorts acquired over 12 weeks, observed for 26 more weeks; times at day resolution. */
function simulate(customers: number, seed: number): CustomerHistory[] {
  return simulateParetoNbd(CDNOW, { customers, seed, T: { min: 26, max: 38 }, resolution: 1 / 7 });
}

function cdnow(): CustomerHistory[] {
  try {
    return readFileSync(join(dataDir, 'cdnow_customers_summary.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => {
        const [, x, tx, T] = line.split(',').map(Number);
        return { frequency: x!, recency: tx!, T: T! };
      });
  } catch {
    // Outside a developer checkout: a simulated stand-in of the same size.
    return simulate(2357, 1);
  }
}

export async function main(): Promise<void> {
  const small = cdnow();
  const hundredThousand = simulate(100_000, 3);
  const weekly = { discountRate: Math.log(1.15) / 52 };
  benchSuite('Pareto/NBD count probabilities and DERT, 100,000 simulated customers (CDNOW parameters)', { runs: 5, warmup: 1 })
    .add('loop: paretoNbdConditionalExpectedPurchases(39 weeks), closed form (baseline)', () => {
      let s = 0;
      for (const c of hundredThousand) s += paretoNbdConditionalExpectedPurchases(CDNOW, c, 39);
      return s;
    }, { baseline: true })
    .add('loop: paretoNbdConditionalPurchaseCountProbability(n = 0, 39 weeks)', () => {
      let s = 0;
      for (const c of hundredThousand) s += paretoNbdConditionalPurchaseCountProbability(CDNOW, c, 0, 39);
      return s;
    })
    .add('loop: paretoNbdConditionalPurchaseCountProbability(n = 2, 39 weeks)', () => {
      let s = 0;
      for (const c of hundredThousand) s += paretoNbdConditionalPurchaseCountProbability(CDNOW, c, 2, 39);
      return s;
    })
    .add('loop: paretoNbdDert(15 % a year)', () => {
      let s = 0;
      for (const c of hundredThousand) s += paretoNbdDert(CDNOW, c, weekly);
      return s;
    })
    .add('loop: paretoNbdPurchaseCountProbability(n = c.frequency, T)', () => {
      let s = 0;
      for (const c of hundredThousand) s += paretoNbdPurchaseCountProbability(CDNOW, c.frequency, c.T);
      return s;
    })
    .run();

  benchSuite('Pareto/NBD fit, CDNOW (2,357 customers)', { runs: 15, warmup: 3 })
    .add('fitBgNbd on the same rows (baseline)', () => fitBgNbd(small), { baseline: true })
    .add('fitParetoNbd', () => fitParetoNbd(small))
    .run();
  const fit = fitParetoNbd(small);
  console.log(
    `\nCDNOW: r=${fit.r.toFixed(3)} α=${fit.alpha.toFixed(3)} s=${fit.s.toFixed(3)} β=${fit.beta.toFixed(3)} ln L=${fit.logLikelihood.toFixed(1)} ` +
      `(published 0.553, 10.578, 0.606, 11.669, −9595.0), ${fit.iterations} iterations`,
  );

  const rssBefore = process.memoryUsage().rss;
  const big = simulate(1_000_000, 7);
  const rssData = process.memoryUsage().rss;
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
  const spend = { p: 6.25, q: 3.74, gamma: 15.44 };
  const withSpend = big.map((d) => ({ ...d, monetaryValue: 35 }));
  const options = { timeUnit: 'week', horizon: 12, horizonUnit: 'month', discountRate: 0.01 } as const;
  benchSuite('predictClv for 1,000,000 customers, 12 monthly periods, by model', { runs: 3, warmup: 1 })
    .add('predictClv(bgNbd, …) (baseline)', () => predictClv(bgNbd, bg, { gammaGamma: spend }, withSpend, options), { baseline: true })
    .add('predictClv(paretoNbd, …)', () => predictClv(paretoNbd, bigFit, { gammaGamma: spend }, withSpend, options))
    .run();
  const mb = (v: number) => `${(v / 2 ** 20).toFixed(0)} MB`;
  console.log(
    `\nResident memory: ${mb(rssBefore)} at start, ${mb(rssData)} with the 1M rows, ${mb(rssFit)} after the 1M fits ` +
      `(fit working set ≈ ${mb(Math.max(0, rssFit - rssData))} beyond the data).`,
  );
}
