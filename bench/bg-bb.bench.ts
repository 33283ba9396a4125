/**
 * BG/BB: the fit on the paper's donations and on a million simulated customers, the
 * log-likelihood, and predictions for a million customers — each against a baseline in the same
 * process, through the public functions only (one row per donor against the weighted cells; the
 * log-likelihood row by row against one call that groups the rows; a plain loop of per-customer
 * calls).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bgBbConditionalExpectedTransactions,
  bgBbConditionalTransactionCountProbability,
  bgBbDert,
  bgBbLogLikelihood,
  bgBbProbabilityAlive,
  fitBgBb,
  simulateBgBb,
  type BgBbParams,
  type DiscreteCustomerHistory,
} from '../src/clv';
import { benchSuite } from './harness';

const dataDir = join(import.meta.dirname, '..', 'test', 'fixtures', 'data');
const published = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

interface Cell {
  frequency: number;
  recency: number;
  periods: number;
  weights: number;
}

function donationCells(): Cell[] {
  try {
    return readFileSync(join(dataDir, 'donations.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => {
        const [x, tx, n, w] = line.split(',').map(Number);
        return { frequency: x!, recency: tx!, periods: n!, weights: w! };
      });
  } catch {
    // Outside a developer checkout: a simulated stand-in of the same size, grouped.
    const cells = new Map<string, Cell>();
    for (const d of simulateBgBb(published, { customers: 11_104, seed: 1, periods: 6 })) {
      const key = `${d.frequency}|${d.recency}`;
      const cell = cells.get(key);
      if (cell) cell.weights++;
      else cells.set(key, { ...d, weights: 1 });
    }
    return [...cells.values()];
  }
}

export async function main(): Promise<void> {
  const cells = donationCells();
  const donors = cells.flatMap((d) => Array.from({ length: d.weights }, () => ({ frequency: d.frequency, recency: d.recency, periods: d.periods })));
  benchSuite(`BG/BB fit, donations (${donors.length.toLocaleString('en-US')} donors, ${cells.length} cells)`, { runs: 15, warmup: 3 })
    .add('fitBgBb, one row per donor (baseline)', () => fitBgBb(donors), { baseline: true })
    .add('fitBgBb, the weighted cells', () => fitBgBb(cells, { weight: (d) => d.weights }))
    .run();

  // Cohorts observed for 1 to 26 opportunities (e.g. fortnightly over a year), the paper's parameters.
  const rssBefore = process.memoryUsage().rss;
  const big = simulateBgBb(published, { customers: 1_000_000, seed: 7, periods: (i) => 1 + ((i * 7919) % 26) });
  const rssData = process.memoryUsage().rss;
  const sample = big.slice(0, 100_000);
  benchSuite('BG/BB log-likelihood, 100,000 simulated customers (n = 1…26)', { runs: 3, warmup: 1 })
    .add('loop: bgBbLogLikelihood row by row (baseline)', () => {
      let s = 0;
      for (const c of sample) s += bgBbLogLikelihood(published, [c]);
      return s;
    }, { baseline: true })
    .add('bgBbLogLikelihood, one call (validated, grouped)', () => bgBbLogLikelihood(published, sample))
    .run();
  benchSuite('BG/BB fit, 1,000,000 simulated customers (n = 1…26)', { runs: 3, warmup: 1 })
    .add('fitBgBb (objects in, validated, grouped)', () => fitBgBb(big), { baseline: true })
    .run();
  const rssFit = process.memoryUsage().rss;
  const fit = fitBgBb(big);
  console.log(
    `\n1M fit: α=${fit.alpha.toFixed(3)} β=${fit.beta.toFixed(3)} γ=${fit.gamma.toFixed(3)} δ=${fit.delta.toFixed(3)} ` +
      `(true 1.204, 0.750, 0.657, 2.783), ${fit.iterations} iterations, converged: ${fit.converged}`,
  );
  benchSuite('BG/BB predictions for 1,000,000 customers', { runs: 3, warmup: 1 })
    .add('loop: bgBbConditionalExpectedTransactions(5 opportunities) per customer (baseline)', () => {
      let s = 0;
      for (const c of big) s += bgBbConditionalExpectedTransactions(fit, c, 5);
      return s;
    }, { baseline: true })
    .add('loop: bgBbProbabilityAlive per customer', () => {
      let s = 0;
      for (const c of big) s += bgBbProbabilityAlive(fit, c);
      return s;
    })
    .add('loop: bgBbDert (d = 0.1) per customer', () => {
      let s = 0;
      for (const c of big) s += bgBbDert(fit, c, { discountRate: 0.1 });
      return s;
    })
    .run();
  conditionalCountSuite(fit, big);
  const mb = (v: number) => `${(v / 2 ** 20).toFixed(0)} MB`;
  console.log(`\nResident memory: ${mb(rssBefore)} at start, ${mb(rssData)} with the 1M rows, ${mb(rssFit)} after the 1M fits.`);
}

/**
 * P(no transaction in the next n* opportunities) for every customer: the public function once
 * per customer (baseline), against once per distinct (x, tₓ, n) history, looked up per customer
 * (a BG/BB base has few distinct histories: at most (n+1)(n+2)/2 for each n).
 */
export function conditionalCountSuite(params: BgBbParams, customers: readonly DiscreteCustomerHistory[], nStar = 5): void {
  benchSuite(`BG/BB P(X(n, n+${nStar}) = 0 | x, tₓ, n) for ${customers.length.toLocaleString('en-US')} customers`, { runs: 3, warmup: 1 })
    .add('loop: bgBbConditionalTransactionCountProbability per customer (baseline)', () => {
      const out = new Float64Array(customers.length);
      for (let i = 0; i < customers.length; i++) out[i] = bgBbConditionalTransactionCountProbability(params, customers[i]!, 0, nStar);
      return out;
    }, { baseline: true })
    .add('once per distinct (x, tₓ, n), then a lookup per customer', () => {
      const out = new Float64Array(customers.length);
      const byHistory = new Map<number, number>();
      for (let i = 0; i < customers.length; i++) {
        const c = customers[i]!;
        // (n, tₓ, x) packed into one exact integer key while n < 2^17 (2^51 < 2^53); longer histories are not cached.
        if (c.periods >= 131_072) {
          out[i] = bgBbConditionalTransactionCountProbability(params, c, 0, nStar);
          continue;
        }
        const key = (c.periods * 131_072 + c.recency) * 131_072 + c.frequency;
        let p = byHistory.get(key);
        if (p === undefined) byHistory.set(key, (p = bgBbConditionalTransactionCountProbability(params, c, 0, nStar)));
        out[i] = p;
      }
      return out;
    })
    .run();
}
