/**
 * predictTransactions over a million simulated BG/NBD customers (cohorts acquired over 12
 * weeks, observed for 26 more; times at day resolution): P(alive) plus the expected purchases
 * in the next 52 weeks, against the per-customer loop of the public functions in the same
 * process; then the same with intervals over 200 parameter draws.
 */
import { bgNbd, bgNbdConditionalExpectedPurchases, bgNbdProbabilityAlive, fitBgNbd, predictTransactions, simulateBgNbd } from '../src/clv';
import { benchSuite } from './harness';

const CDNOW_BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

export async function main(): Promise<void> {
  const customers = simulateBgNbd(CDNOW_BG_NBD, { customers: 1_000_000, seed: 7, T: { min: 26, max: 38 }, resolution: 1 / 7 });
  const pairs = new Set(customers.map((c) => `${c.frequency},${c.T}`)).size;
  const histories = new Set(customers.map((c) => `${c.frequency},${c.recency},${c.T}`)).size;
  console.log(`\n1,000,000 customers: ${pairs} distinct (x, T), ${histories} distinct (x, tₓ, T)`);
  const t = 52;
  benchSuite('P(alive) and expected purchases in the next 52 weeks, 1,000,000 BG/NBD customers', { runs: 7, warmup: 2 })
    .add('loop: bgNbdProbabilityAlive + bgNbdConditionalExpectedPurchases per customer (baseline)', () => {
      const alive = new Float64Array(customers.length);
      const expected = new Float64Array(customers.length);
      for (let i = 0; i < customers.length; i++) {
        const c = customers[i]!;
        alive[i] = bgNbdProbabilityAlive(CDNOW_BG_NBD, c);
        expected[i] = bgNbdConditionalExpectedPurchases(CDNOW_BG_NBD, c, t);
      }
      return expected;
    }, { baseline: true })
    .add('predictTransactions(bgNbd, params, customers, { t: 52 })', () => predictTransactions(bgNbd, CDNOW_BG_NBD, customers, { t }))
    .run();
  const fit = fitBgNbd(customers);
  benchSuite('The same with intervals over 200 parameter draws', { runs: 1, warmup: 0 })
    .add('predictTransactions without intervals (baseline)', () => predictTransactions(bgNbd, fit, customers, { t }), { baseline: true })
    .add('predictTransactions, intervals: { draws: 200 } (per-customer and total)', () => predictTransactions(bgNbd, fit, customers, { t, intervals: { draws: 200 } }))
    .run();
}
