// A Node script: survey scores and purchases in, figures with their uncertainty out.
import { nps, npsInterval, csat } from 'cx-metrics/survey';
import { summarizeTransactions, fitBgNbd, bgNbdProbabilityAlive } from 'cx-metrics/clv';

const scores = [10, 9, 9, 8, 7, 6, 3, 10, 9, null];
const result = nps(scores);
const interval = npsInterval(result);
console.log(`NPS ${result.score.toFixed(1)} (95 % interval ${interval.lower.toFixed(1)} to ${interval.upper.toFixed(1)}) from ${result.total} answers, ${result.skipped} skipped`);
console.log(`CSAT ${(100 * csat([5, 4, 4, 3, 5]).share).toFixed(0)} %`);

// Purchases of 300 customers over a year, simulated with a seeded generator (standing in for an
// export): each buys at their own rate and may drop out after any purchase.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const start = Date.UTC(2024, 0, 1);
const purchases = [];
for (let k = 0; k < 300; k++) {
  const rate = 0.005 + 0.06 * random() ** 2; // purchases a day
  const dropout = 0.5 * random();
  for (let d = Math.floor(90 * random()); d < 365; d += Math.ceil(-Math.log(1 - random()) / rate)) {
    purchases.push({ type: 'purchase', customerId: `c${k}`, at: new Date(start + d * 86_400_000), amount: 20 + (k % 7) * 5, currency: 'EUR' });
    if (random() < dropout) break;
  }
}
const { rows } = summarizeTransactions(purchases, { observationEnd: new Date(start + 365 * 86_400_000) });
const model = fitBgNbd(rows);
const alive = rows.slice(0, 4).map((row) => `${row.customerId} ${(100 * bgNbdProbabilityAlive(model, row)).toFixed(0)} %`);
console.log(`BG/NBD on ${model.n} customers (${model.converged ? 'converged' : 'not converged'}), r ${model.r.toFixed(2)}, α ${model.alpha.toFixed(2)}, a ${model.a.toFixed(2)}, b ${model.b.toFixed(2)}; P(alive): ${alive.join(', ')}`);
